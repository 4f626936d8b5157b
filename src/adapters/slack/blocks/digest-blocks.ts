import type {
  DigestAssessment,
  DigestList,
  DigestMessage,
} from "../../../domain/messages/schedule-message-types.ts";
import {
  BLOCK_LIMITS,
  type Block,
  clip,
  context,
  escapeMrkdwn,
  header,
  linesToSections,
  section,
} from "./block-kit.ts";
import { boardSectionBlocks, countedTitle } from "./board-blocks.ts";
import { lightCountsMrkdwn, slackWords } from "./slack-words.ts";

/** Sections per thread message: each holds up to 3,000 characters, so a message stays near 30,000. */
const SECTIONS_PER_THREAD_MESSAGE = 10;
/** The thread never grows beyond this many messages (the lists are already capped in the model). */
const MAX_THREAD_MESSAGES = 20;

/**
 * The digest's main message: title, 补发 note, counts per light by section and measure, the highlights, and
 * 表扬 / 通报 when it carries them. The board gives way (it is cut) before the highlights and lists would.
 */
export function digestMainBlocks(digest: DigestMessage): Block[] {
  const zh = digest.locale === "zh";
  const head: Block[] = [header(digest.title, "title")];
  if (digest.lateNote !== null)
    head.push(section(`:warning: *${escapeMrkdwn(digest.lateNote)}*`, { blockId: "late" }));
  const tasks = zh ? `${digest.taskCount} 项任务` : `${digest.taskCount} tasks`;
  head.push(
    context(`${escapeMrkdwn(digest.asOf)} · ${tasks} · ${lightCountsMrkdwn(digest.totals)}`, "totals"),
  );
  const tail: Block[] = [
    section(digest.highlights.map((line) => `• ${escapeMrkdwn(line)}`).join("\n"), { blockId: "highlights" }),
  ];
  if (digest.assessment !== null) tail.push(...assessmentBlocks(digest.assessment, zh));
  const chart = digest.chart === null ? "" : zh ? "进展图、" : "the chart, ";
  tail.push(
    context(
      zh
        ? `${chart}部门名单、逾期、受阻和办结明细见本消息的话题。`
        : `${chart}Departments, overdue, blocked and closed items are in this message's thread.`,
      "details",
    ),
  );
  // a digest queued before this field existed has none (`undefined`)
  if (digest.calendarNote) tail.push(context(`:warning: ${escapeMrkdwn(digest.calendarNote)}`, "calendar"));
  const board = boardSectionBlocks(digest.sections, "digest");
  return [...head, ...board.slice(0, BLOCK_LIMITS.messageBlocks - head.length - tail.length), ...tail];
}

/** 表扬 / 通报 of the month or quarter ending: the units named with their scores, and where the formula is. */
function assessmentBlocks(assessment: DigestAssessment, zh: boolean): Block[] {
  const names = (units: readonly string[]) =>
    units.length === 0 ? noneLine(zh) : escapeMrkdwn(units.join(zh ? "、" : ", "));
  const text = [
    `*${escapeMrkdwn(assessment.title)}*`,
    `:star: *${zh ? "表扬" : "Praised (表扬)"}*${zh ? "：" : ": "}${names(assessment.praise)}`,
    `:warning: *${zh ? "通报" : "Lagging (通报)"}*${zh ? "：" : ": "}${names(assessment.lagging)}`,
  ].join("\n");
  return [
    section(clip(text, BLOCK_LIMITS.sectionText), { blockId: "assessment" }),
    context(escapeMrkdwn(assessment.note), "assessment.note"),
  ];
}

/** "*逾期（12）*": a list's bold title with its count. */
function counted(title: string, count: number, zh: boolean): string {
  return `*${escapeMrkdwn(countedTitle(title, count, zh ? "zh" : "en"))}*`;
}

/** "_无_" / "_none_": an empty list. */
function noneLine(zh: boolean): string {
  return `_${slackWords.none[zh ? "zh" : "en"]}_`;
}

function listLines(list: DigestList, zh: boolean): string[] {
  const lines = [counted(list.title, list.total, zh)];
  if (list.total === 0) lines.push(noneLine(zh));
  for (const entry of list.entries) {
    const task = `${entry.measureLabel}${clip(entry.measureTitle, 24)} · ${entry.departmentName}`;
    lines.push(`• ${escapeMrkdwn(task)} — ${escapeMrkdwn(clip(entry.detail, 300))}`);
  }
  const hidden = list.total - list.entries.length;
  if (hidden > 0) lines.push(slackWords.moreLines(zh ? "zh" : "en", hidden));
  return lines;
}

function departmentLines(title: string, names: readonly string[], zh: boolean): string[] {
  const lines = [counted(title, names.length, zh)];
  if (names.length === 0) return [...lines, noneLine(zh)];
  for (let start = 0; start < names.length; start += 12) {
    lines.push(escapeMrkdwn(names.slice(start, start + 12).join(zh ? "、" : ", ")));
  }
  return lines;
}

/** The digest's thread: departments that did and did not report, overdue, blocked, done and approved lists. */
export function digestThreadMessages(digest: DigestMessage): Array<{ text: string; blocks: Block[] }> {
  const zh = digest.locale === "zh";
  const parts = [
    departmentLines(digest.notReported.title, digest.notReported.departments, zh),
    departmentLines(digest.reported.title, digest.reported.departments, zh),
    listLines(digest.overdue, zh),
    listLines(digest.blocked, zh),
    listLines(digest.completed, zh),
    listLines(digest.approved, zh),
  ];
  const sections = parts.flatMap((lines) => linesToSections(lines));
  const messages: Array<{ text: string; blocks: Block[] }> = [];
  for (
    let start = 0;
    start < sections.length && messages.length < MAX_THREAD_MESSAGES;
    start += SECTIONS_PER_THREAD_MESSAGE
  ) {
    const chunk = sections.slice(start, start + SECTIONS_PER_THREAD_MESSAGE);
    messages.push({
      text: clip(`${digest.title} (${messages.length + 1})`, BLOCK_LIMITS.fallbackText),
      blocks: chunk.map((text, index) => section(text, { blockId: `detail.${start + index}` })),
    });
  }
  return messages;
}
