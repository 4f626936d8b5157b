import type { AssessmentWeights } from "../assessment/assessment-rules-schema.ts";
import { scoreFormula } from "../assessment/scorecard-formula.ts";
import type { Scorecard, UnitScore } from "../assessment/scorecard-types.ts";
import { type CellValue, columnLetter, type SheetColumn, type SheetModel } from "./workbook-model.ts";

const HEADERS: Array<[string, SheetColumn["kind"]]> = [
  ["类别", "text"],
  ["排名", "number"],
  ["单位", "text"],
  ["任务数", "number"],
  ["应报周期", "number"],
  ["按时报送", "number"],
  ["按时报送率", "percent"],
  ["进展报告", "number"],
  ["完整报告", "number"],
  ["报送完整率", "percent"],
  ["办结数", "number"],
  ["办结率", "percent"],
  ["逾期工作日", "number"],
  ["受阻工作日", "number"],
  ["未解决受阻", "number"],
  ["被催办次数", "number"],
  ["得分", "number"],
  ["表扬/通报", "text"],
];
const col = (header: string) => columnLetter(HEADERS.findIndex(([name]) => name === header));

/** The score as a live Excel formula over the row's own cells: the sheet shows how every score is made. */
function scoreCell(unit: UnitScore, weights: AssessmentWeights, row: number): CellValue {
  const cell = (header: string) => `${col(header)}${row}`;
  const rateWeight = weights.onTime + weights.completeness + weights.approved;
  const positive = `100*(${weights.onTime}*${cell("按时报送率")}+${weights.completeness}*${cell("报送完整率")}+${weights.approved}*${cell("办结率")})/${rateWeight}`;
  const tasks = cell("任务数");
  const burdens = `${weights.overdue}*${cell("逾期工作日")}/${tasks}-${weights.blockers}*${cell("受阻工作日")}/${tasks}-${weights.urges}*${cell("被催办次数")}/${tasks}`;
  return { formula: `ROUND(MAX(0,MIN(100,${positive}-${burdens})),1)`, result: unit.score };
}

/** 考核评分: departments then counties, best first, each score an Excel formula of the figures beside it. */
export function scorecardSheet(scorecard: Scorecard): SheetModel {
  const notes = [
    `${scorecard.planTitle} ${scorecard.period.labelZh}考核评分（统计 ${scorecard.assessedFrom} 至 ${scorecard.assessedUntil}，报送周期：${scorecard.cycles.map((c) => c.key).join("、") || "无"}）`,
    scoreFormula(scorecard.rules.weights, "zh"),
  ];
  const verdict = new Map<string, string>([
    ...scorecard.praise.map((unit): [string, string] => [`${unit.kind}:${unit.id}`, "表扬"]),
    ...scorecard.lagging.map((unit): [string, string] => [`${unit.kind}:${unit.id}`, "通报"]),
  ]);
  const units = [...scorecard.departments, ...scorecard.counties];
  const firstRow = notes.length + 2; // notes, the header, then the data
  const rows = units.map((unit, index): CellValue[] => {
    const c = unit.components;
    return [
      unit.kind === "department" ? "部门" : "县（市、区）",
      unit.rank,
      unit.name,
      unit.tasks,
      c.onTime.of,
      c.onTime.counted,
      c.onTime.value,
      c.completeness.of,
      c.completeness.counted,
      c.completeness.value,
      c.approved.counted,
      c.approved.value,
      c.overdue.counted,
      c.blockers.counted,
      unit.openBlockers,
      c.urges.counted,
      scoreCell(unit, scorecard.rules.weights, firstRow + index),
      verdict.get(`${unit.kind}:${unit.id}`) ?? "",
    ];
  });
  return { name: "考核评分", notes, columns: HEADERS.map(([header, kind]) => ({ header, kind })), rows };
}
