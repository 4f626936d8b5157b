import { scoreFormula } from "../../domain/assessment/scorecard-formula.ts";
import type { Scorecard } from "../../domain/assessment/scorecard-types.ts";
import { buildScorecardMessage, type ScorecardRow } from "../../domain/messages/scorecard-message.ts";
import { padToWidth, truncateToWidth } from "../../shared/pad-to-width.ts";

/** The rows of the scorecard as the chat message words them (Chinese): rank, unit, score, figures, verdict. */
function tableOf(scorecard: Scorecard): {
  headers: string[];
  departments: string[][];
  counties: string[][];
  praise: string;
  lagging: string;
} {
  const message = buildScorecardMessage("zh", scorecard);
  const verdicts = { praise: "表扬", lagging: "通报" } as const;
  const cells = (row: ScorecardRow) => [
    String(row.rank),
    row.name,
    row.score.toFixed(1),
    ...row.cells,
    row.verdict === null ? "" : verdicts[row.verdict],
  ];
  const names = (list: readonly string[]) => list.join("、") || "无";
  return {
    headers: ["排名", "单位", "得分", ...message.columns, "结果"],
    departments: message.departments.map(cells),
    counties: message.counties.map(cells),
    praise: names(message.praise),
    lagging: names(message.lagging),
  };
}

function heading(scorecard: Scorecard): string[] {
  const cycles = scorecard.cycles.map((cycle) => `${cycle.key}（截止 ${cycle.dueOn}）`).join("、") || "无";
  return [
    `${scorecard.planTitle}`,
    `督查考核评分 ${scorecard.period.labelZh}：统计 ${scorecard.assessedFrom} 至 ${scorecard.assessedUntil}，报送周期 ${cycles}`,
    scoreFormula(scorecard.rules.weights, "zh"),
  ];
}

/** The scorecard as a terminal table (CJK counted as two columns). */
export function scorecardText(scorecard: Scorecard): string[] {
  const widths = [4, 26, 6, 8, 8, 6, 10, 20, 4, 4];
  const line = (row: string[]) =>
    row
      .map((cell, index) => padToWidth(truncateToWidth(cell, widths[index] ?? 10), widths[index] ?? 10))
      .join(" ")
      .trimEnd();
  const { headers, departments, counties, praise, lagging } = tableOf(scorecard);
  const table = (title: string, rows: readonly string[][]) =>
    rows.length === 0 ? [] : ["", title, line(headers), ...rows.map(line)];
  return [
    ...heading(scorecard),
    ...table("部门", departments),
    ...table("县（市、区）", counties),
    "",
    `表扬：${praise}`,
    `通报：${lagging}`,
  ];
}

/** The scorecard as Markdown (for notices and the README). */
export function scorecardMarkdown(scorecard: Scorecard): string[] {
  const [title, scope, formula] = heading(scorecard);
  const row = (values: string[]) => `| ${values.map((value) => value.replace(/\|/g, "\\|")).join(" | ")} |`;
  const { headers, departments, counties, praise, lagging } = tableOf(scorecard);
  const table = (caption: string, rows: readonly string[][]) =>
    rows.length === 0
      ? []
      : ["", `### ${caption}`, "", row(headers), row(headers.map(() => "---")), ...rows.map(row)];
  return [
    `## ${title}`,
    "",
    scope ?? "",
    "",
    `\`${formula}\``,
    ...table("部门", departments),
    ...table("县（市、区）", counties),
    "",
    `**表扬**：${praise}`,
    "",
    `**通报**：${lagging}`,
  ];
}
