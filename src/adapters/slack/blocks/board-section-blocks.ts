import type { BoardSection, TaskItem } from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { type Block, clip, escapeMrkdwn, linesToSections, section } from "./block-kit.ts";
import { lightCountsMrkdwn, slackWords } from "./slack-words.ts";
import { taskLine } from "./task-blocks.ts";

/** Measures never shown on the board as sections beyond this many blocks (30,000 characters of lines). */
const MAX_BOARD_SECTION_BLOCKS = 10;

/** The board's measures by section, one line each with counts per light, in as few sections as fit. */
export function boardSectionBlocks(sections: readonly BoardSection[], scope: string): Block[] {
  const lines = sections.flatMap((boardSection) => [
    ...(boardSection.label === "" && boardSection.title === ""
      ? []
      : [`*${escapeMrkdwn(`${boardSection.label}${clip(boardSection.title, 60)}`)}*`]),
    ...boardSection.measures.map(
      (measure) =>
        `${escapeMrkdwn(`${measure.label}${clip(measure.title, 24)}`)}  ${lightCountsMrkdwn(measure.counts)}  (${measure.total})`,
    ),
  ]);
  return linesToSections(lines)
    .slice(0, MAX_BOARD_SECTION_BLOCKS)
    .map((text, index) => section(text, { blockId: `${scope}.board.${index}` }));
}

/** "逾期（12）" / "Overdue (12)". */
export function countedTitle(title: string, count: number, locale: Locale): string {
  return locale === "zh" ? `${title}（${count}）` : `${title} (${count})`;
}

/**
 * A titled list of tasks as compact lines ("*逾期（12）*" then one line per task), at most `maxLines` lines and
 * a "… N more" line; `total` is the length of the whole list when `tasks` is one page of it.
 */
export function taskLinesBlocks(
  title: string,
  tasks: readonly TaskItem[],
  options: { locale: Locale; scope: string; maxLines: number; total?: number },
): Block[] {
  const total = options.total ?? tasks.length;
  const shown = tasks.slice(0, options.maxLines);
  const lines = [`*${escapeMrkdwn(countedTitle(title, total, options.locale))}*`];
  if (tasks.length === 0) lines.push(`_${slackWords.none[options.locale]}_`);
  lines.push(...shown.map(taskLine));
  if (tasks.length > shown.length)
    lines.push(slackWords.moreLines(options.locale, tasks.length - shown.length));
  return linesToSections(lines).map((text, index) => section(text, { blockId: `${options.scope}.${index}` }));
}
