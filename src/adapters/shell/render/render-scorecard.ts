import stringWidth from "string-width";
import { padToWidth } from "../../../cli/format/pad-to-width.ts";
import type { ScorecardMessage, ScorecardRow } from "../../../domain/messages/scorecard-message.ts";
import type { RenderContext } from "./render-context.ts";

function rowLines(
  title: string,
  rows: readonly ScorecardRow[],
  context: RenderContext,
  zh: boolean,
): string[] {
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((row) => stringWidth(row.name)));
  const verdict = (row: ScorecardRow) =>
    row.verdict === "praise"
      ? context.style.success(zh ? "  表扬" : "  praise")
      : row.verdict === "lagging"
        ? context.style.error(zh ? "  通报" : "  lagging")
        : "";
  return [
    context.style.bold(title),
    ...rows.map(
      (row) =>
        `  ${String(row.rank).padStart(3)}  ${padToWidth(row.name, width)}  ${row.score.toFixed(1).padStart(5)}  ${context.style.dim(row.figures)}${verdict(row)}`,
    ),
  ];
}

/** `/duban assess`: the scorecard as aligned columns (rank, unit, score, figures), then 表扬 and 通报. */
export function scorecardLines(message: ScorecardMessage, context: RenderContext): string[] {
  const zh = message.locale === "zh";
  const list = (label: string, names: readonly string[]) =>
    names.length === 0 ? [] : [`${label}${zh ? "：" : ": "}${names.join(zh ? "、" : ", ")}`];
  return [
    context.style.bold(message.title),
    context.style.dim(message.scope),
    context.style.dim(message.formula),
    ...rowLines(zh ? "部门" : "Departments", message.departments, context, zh),
    ...rowLines(zh ? "县（市、区）" : "Counties", message.counties, context, zh),
    ...list(zh ? "表扬" : "Praise", message.praise),
    ...list(zh ? "通报" : "Lagging", message.lagging),
    context.style.dim(message.footer),
  ];
}
