import type { AssessmentPeriod } from "../assessment/assessment-period.ts";
import type { SupervisionHistory } from "../assessment/assessment-records.ts";
import { SCORE_DEFINITIONS, scoreFormula } from "../assessment/scorecard-formula.ts";
import type { Scorecard } from "../assessment/scorecard-types.ts";
import type { StatusLight } from "../lights/status-light.ts";
import type { AuditChainHead } from "../ports/assessment.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { toPlanDate, toPlanDateTime } from "../time/plan-time.ts";
import { type RecordScope, reminderSheet, reportSheet, taskLedgerSheet } from "./record-sheets.ts";
import { scorecardSheet } from "./scorecard-sheet.ts";
import type { SheetModel, WorkbookModel } from "./workbook-model.ts";

export interface LedgerInput {
  plan: { id: string; title: string; timeZone: string };
  /** Reports and reminders of this period only; null: all of them. */
  period: AssessmentPeriod | null;
  history: SupervisionHistory;
  lights: ReadonlyMap<string, { light: StatusLight; dueOn: PlanDate }>;
  scorecard: Scorecard;
  auditHead: AuditChainHead;
  rulesSource: string;
  generatedAt: Date;
}

function notesSheet(input: LedgerInput): SheetModel {
  const { date, time } = toPlanDateTime(input.generatedAt, input.plan.timeZone);
  const lines: Array<[string, string]> = [
    ["实施方案", `${input.plan.title}（${input.plan.id}）`],
    [
      "台账范围",
      input.period === null
        ? "全部记录"
        : `${input.period.labelZh}（${input.period.from} 至 ${input.period.to}）`,
    ],
    ["生成时间", `${date} ${time}（${input.plan.timeZone}）`],
    ["时间说明", `表中时间均为 ${input.plan.timeZone} 当地时间`],
    ["审计链", `共 ${input.auditHead.events} 条审计记录，链头哈希 ${input.auditHead.hash ?? "（尚无）"}`],
    [
      "核验方法",
      "运行 duban audit verify：重新计算哈希链，链头应与上行一致；任何记录被改动都会指出第一处断裂",
    ],
    ["考核规则", input.rulesSource],
    ["计分公式", scoreFormula(input.scorecard.rules.weights, "zh")],
    ...SCORE_DEFINITIONS.map((line): [string, string] => ["指标说明", line]),
  ];
  return {
    name: "说明",
    notes: [],
    columns: [
      { header: "项目", kind: "text" },
      { header: "内容", kind: "text" },
    ],
    rows: lines,
  };
}

/** The Excel ledger (督办台账): 任务台账, 进展记录, 催办记录, 考核评分 and 说明 (with the audit chain head). */
export function buildLedgerWorkbook(input: LedgerInput): WorkbookModel {
  const { history, period, plan } = input;
  const scope: RecordScope = {
    taskById: new Map(history.tasks.map((task) => [task.id, task])),
    inPeriod: (at) => {
      if (period === null) return true;
      const day = toPlanDate(at, plan.timeZone);
      return day >= period.from && day <= period.to;
    },
    timeZone: plan.timeZone,
  };
  return {
    title: `${plan.title} 督办台账`,
    sheets: [
      taskLedgerSheet(history, input.lights, plan.timeZone),
      reportSheet(history, scope),
      reminderSheet(history, scope),
      scorecardSheet(input.scorecard),
      notesSheet(input),
    ],
  };
}
