import type { BoardMeasure, BoardSection, LightCounts } from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { displayWidth, padToWidth, truncateToWidth } from "../../../shared/pad-to-width.ts";
import type { RenderContext } from "./render-context.ts";

/** Widest a measure title may take in the board, in display columns (a CJK character counts 2). */
export const BOARD_TITLE_WIDTH = 36;

function countCells(
  counts: LightCounts,
  total: number,
  digits: number,
  locale: Locale,
  context: RenderContext,
): string {
  const cell = (light: keyof LightCounts) =>
    `${context.style.light(light, locale)} ${String(counts[light]).padStart(digits)}`;
  const totalText =
    locale === "zh" ? `共 ${String(total).padStart(digits)}` : `total ${String(total).padStart(digits)}`;
  return `${cell("green")}  ${cell("yellow")}  ${cell("red")}   ${totalText}`;
}

/**
 * The board: each section's title, then one line per measure, its label and title padded to the same display
 * width so the light counts line up in columns, Chinese included.
 */
export function boardLines(
  sections: readonly BoardSection[],
  locale: Locale,
  context: RenderContext,
  indent = "",
): string[] {
  const measures: BoardMeasure[] = sections.flatMap((section) => section.measures);
  const labelWidth = Math.max(0, ...measures.map((measure) => displayWidth(measure.label)));
  const titles = measures.map((measure) => truncateToWidth(measure.title, BOARD_TITLE_WIDTH));
  const titleWidth = Math.max(0, ...titles.map((title) => displayWidth(title)));
  const digits = Math.max(1, ...measures.map((measure) => String(measure.total).length));
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`${indent}${context.style.bold(`${section.label}${section.title}`)}`);
    for (const measure of section.measures) {
      const label = padToWidth(measure.label, labelWidth);
      const title = padToWidth(truncateToWidth(measure.title, BOARD_TITLE_WIDTH), titleWidth);
      lines.push(
        `${indent}  ${label} ${title}  ${countCells(measure.counts, measure.total, digits, locale, context)}`,
      );
    }
  }
  return lines;
}
