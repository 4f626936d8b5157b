import type { ScorecardMessage, ScorecardRow } from "../../../domain/messages/scorecard-message.ts";
import { displayWidth, padToWidth } from "../../../shared/pad-to-width.ts";
import type { RenderContext } from "./render-context.ts";

/** Right-aligns text in a display width (a CJK character counts as two columns). */
const padStartToWidth = (text: string, width: number) =>
  " ".repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * A table line writer, its column widths fitted to the heading and every row (departments and counties alike,
 * so both tables line up the same way).
 */
function tableLine(
  heading: readonly string[],
  rows: readonly string[][],
): (cells: readonly string[]) => string {
  const widths = heading.map((cell, index) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[index] ?? ""))),
  );
  // The unit's name is left-aligned; ranks, scores and figures are right-aligned.
  return (cells) =>
    cells
      .map((cell, index) =>
        index === 1 ? padToWidth(cell, widths[index] ?? 0) : padStartToWidth(cell, widths[index] ?? 0),
      )
      .join("  ");
}

const cellsOf = (row: ScorecardRow) => [String(row.rank), row.name, row.score.toFixed(1), ...row.cells];

/**
 * `/duban assess`: the scorecard as an aligned table (rank, unit, score, then each figure under its heading;
 * Chinese counted two columns wide) for departments and for counties, marked 表扬 / 通报, then the lists.
 */
export function scorecardLines(message: ScorecardMessage, context: RenderContext): string[] {
  const zh = message.locale === "zh";
  const { style } = context;
  const heading = [zh ? "排名" : "rank", zh ? "单位" : "unit", zh ? "得分" : "score", ...message.columns];
  const line = tableLine(heading, [...message.departments, ...message.counties].map(cellsOf));
  const verdict = (row: ScorecardRow) =>
    row.verdict === "praise"
      ? `  ${style.success(zh ? "表扬" : "praise")}`
      : row.verdict === "lagging"
        ? `  ${style.error(zh ? "通报" : "lagging")}`
        : "";
  const group = (title: string, rows: readonly ScorecardRow[]) =>
    rows.length === 0
      ? []
      : [
          "",
          style.bold(title),
          `  ${style.dim(line(heading))}`,
          ...rows.map((row) => `  ${line(cellsOf(row))}${verdict(row)}`),
        ];
  const list = (label: string, names: readonly string[]) =>
    names.length === 0 ? [] : [`${label}${zh ? "：" : ": "}${names.join(zh ? "、" : ", ")}`];
  return [
    style.bold(message.title),
    style.dim(message.scope),
    style.dim(message.formula),
    ...group(zh ? "部门" : "Departments", message.departments),
    ...group(zh ? "县（市、区）" : "Counties", message.counties),
    "",
    ...list(zh ? "表扬" : "Praise", message.praise),
    ...list(zh ? "通报" : "Lagging", message.lagging),
    style.dim(message.footer),
  ];
}
