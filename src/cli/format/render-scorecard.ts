import { scoreFormula } from "../../domain/assessment/scorecard-formula.ts";
import type { Scorecard, UnitScore } from "../../domain/assessment/scorecard-types.ts";
import { padToWidth, truncateToWidth } from "./pad-to-width.ts";

const HEADERS = [
  "排名",
  "单位",
  "得分",
  "按时报送",
  "完整报告",
  "办结",
  "逾期工作日",
  "受阻工作日",
  "催办",
  "结果",
];

function cells(unit: UnitScore, scorecard: Scorecard): string[] {
  const c = unit.components;
  const listedAs = (list: Scorecard["praise"]) => list.some((u) => u.kind === unit.kind && u.id === unit.id);
  const verdict = listedAs(scorecard.praise) ? "表扬" : listedAs(scorecard.lagging) ? "通报" : "";
  return [
    String(unit.rank),
    unit.name,
    unit.score.toFixed(1),
    `${c.onTime.counted}/${c.onTime.of}`,
    `${c.completeness.counted}/${c.completeness.of}`,
    `${c.approved.counted}/${c.approved.of}`,
    String(c.overdue.counted),
    `${c.blockers.counted}${unit.openBlockers > 0 ? `（未解决 ${unit.openBlockers}）` : ""}`,
    String(c.urges.counted),
    verdict,
  ];
}

function heading(scorecard: Scorecard): string[] {
  const cycles = scorecard.cycles.map((cycle) => `${cycle.key}（截止 ${cycle.dueOn}）`).join("、") || "无";
  return [
    `${scorecard.planTitle}`,
    `督查考核评分 ${scorecard.period.labelZh}：统计 ${scorecard.assessedFrom} 至 ${scorecard.assessedUntil}，报送周期 ${cycles}`,
    scoreFormula(scorecard.rules.weights, "zh"),
  ];
}

const names = (list: Scorecard["praise"]) =>
  list.map((unit) => `${unit.name}（${unit.score.toFixed(1)}）`).join("、") || "无";

/** The scorecard as a terminal table (CJK counted as two columns). */
export function scorecardText(scorecard: Scorecard): string[] {
  const widths = [4, 26, 6, 8, 8, 6, 10, 20, 4, 4];
  const line = (row: string[]) =>
    row
      .map((cell, index) => padToWidth(truncateToWidth(cell, widths[index] ?? 10), widths[index] ?? 10))
      .join(" ")
      .trimEnd();
  const table = (title: string, units: readonly UnitScore[]) =>
    units.length === 0
      ? []
      : ["", title, line(HEADERS), ...units.map((unit) => line(cells(unit, scorecard)))];
  return [
    ...heading(scorecard),
    ...table("部门", scorecard.departments),
    ...table("县（市、区）", scorecard.counties),
    "",
    `表扬：${names(scorecard.praise)}`,
    `通报：${names(scorecard.lagging)}`,
  ];
}

/** The scorecard as Markdown (for notices and the README). */
export function scorecardMarkdown(scorecard: Scorecard): string[] {
  const [title, scope, formula] = heading(scorecard);
  const row = (values: string[]) => `| ${values.map((value) => value.replace(/\|/g, "\\|")).join(" | ")} |`;
  const table = (caption: string, units: readonly UnitScore[]) =>
    units.length === 0
      ? []
      : [
          "",
          `### ${caption}`,
          "",
          row(HEADERS),
          row(HEADERS.map(() => "---")),
          ...units.map((unit) => row(cells(unit, scorecard))),
        ];
  return [
    `## ${title}`,
    "",
    scope ?? "",
    "",
    `\`${formula}\``,
    ...table("部门", scorecard.departments),
    ...table("县（市、区）", scorecard.counties),
    "",
    `**表扬**：${names(scorecard.praise)}`,
    "",
    `**通报**：${names(scorecard.lagging)}`,
  ];
}
