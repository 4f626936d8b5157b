import type { Locale } from "../supervision/locale.ts";
import type { AssessmentWeights } from "./assessment-rules-schema.ts";

const n = (value: number) => String(Math.round(value * 1000) / 1000);

/** The score's formula with the weights in force, written out (for the scorecard, the ledger and the README). */
export function scoreFormula(weights: AssessmentWeights, locale: Locale): string {
  const rateWeight = weights.onTime + weights.completeness + weights.approved;
  if (locale === "zh") {
    return (
      `得分 = 100 × (${n(weights.onTime)}×按时报送率 + ${n(weights.completeness)}×报送完整率 + ${n(weights.approved)}×办结率) ÷ ${n(rateWeight)}` +
      ` − ${n(weights.overdue)}×逾期工作日/任务数 − ${n(weights.blockers)}×受阻工作日/任务数 − ${n(weights.urges)}×被催办次数/任务数，取 0–100`
    );
  }
  return (
    `score = 100 × (${n(weights.onTime)}×on-time rate + ${n(weights.completeness)}×completeness + ${n(weights.approved)}×approved rate) ÷ ${n(rateWeight)}` +
    ` − ${n(weights.overdue)}×overdue working days/task − ${n(weights.blockers)}×blocked working days/task − ${n(weights.urges)}×urges/task, within 0–100`
  );
}

/** How each figure is counted, one line each (Chinese: the ledger's and notices' language). */
export const SCORE_DEFINITIONS: readonly string[] = [
  "按时报送率 = 截止时间前报送的报送周期数 ÷ 应报周期数（周期截止日在考核期内且已过截止时间；任务已办结或已报完成后不再计入）",
  "报送完整率 = 完整的进展报告数 ÷ 考核期内的进展报告数（完整：有工作进展、完成比例、下一步计划，受阻时写明困难问题，并附佐证材料）",
  "办结率 = 考核期内经督查人员审核办结的任务数 ÷ 任务数",
  "逾期工作日 = 各未按时报送周期自截止日起至补报日（最迟至下一周期截止日或今天）的工作日数之和",
  "受阻工作日 = 考核期内各受阻（从报告受阻起至下一次非受阻报告）持续的工作日数之和",
  "被催办次数 = 考核期内各任务收到的催办和督办升级次数（同一任务同一天同类只计一次）",
];
