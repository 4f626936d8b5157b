import type {
  BoardMessage,
  QuestionMessage,
  StatusMessage,
  TaskItem,
  TaskListMessage,
  UrgeMessage,
} from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { boardLines } from "./render-board.ts";
import type { RenderContext } from "./render-context.ts";
import { lightCountsText, taskItemLines, taskLine } from "./render-task-item.ts";

/** Longest list of compact task lines a message shows; the rest are counted. */
export const MAX_TASK_LINES = 15;
/** Most tasks a message shows in full (with buttons); the rest are counted, with how to narrow the list. */
export const MAX_TASK_ITEMS = 20;

/** "  …还有 3 项未列出" when fewer than `total` entries were shown; nothing otherwise. */
export function moreLines(shown: number, total: number, locale: Locale): string[] {
  if (total <= shown) return [];
  const hidden = total - shown;
  return [locale === "zh" ? `  …还有 ${hidden} 项未列出` : `  …and ${hidden} more not shown`];
}

/** The headings of a supervisor's board lists (the board message and the App Home). */
export function boardListWords(locale: Locale): { overdue: string; blocked: string; awaiting: string } {
  return locale === "zh"
    ? { overdue: "逾期", blocked: "受阻", awaiting: "待审核办结" }
    : { overdue: "Overdue", blocked: "Blocked", awaiting: "Awaiting approval" };
}

function itemsLines(tasks: readonly TaskItem[], locale: Locale, context: RenderContext): string[] {
  const shown = tasks.slice(0, MAX_TASK_ITEMS);
  const lines = shown.flatMap((task) => taskItemLines(task, locale, context, "  "));
  if (tasks.length <= shown.length) return lines;
  const narrow =
    locale === "zh"
      ? `  …还有 ${tasks.length - shown.length} 项未列出：用 /duban status <措施|部门> 缩小范围。`
      : `  …and ${tasks.length - shown.length} more not shown: narrow with /duban status <measure|department>.`;
  return [...lines, narrow];
}

/** A titled list of compact task lines (no buttons), cut at MAX_TASK_LINES. */
export function taskLinesSection(
  title: string,
  tasks: readonly TaskItem[],
  total: number,
  locale: Locale,
  context: RenderContext,
): string[] {
  const lines = [context.style.bold(`${title}（${total}）`)];
  if (total === 0) lines.push(`  ${locale === "zh" ? "无" : "none"}`);
  const shown = tasks.slice(0, MAX_TASK_LINES);
  lines.push(...shown.map((task) => taskLine(task, locale, context, "  ")));
  return [...lines, ...moreLines(shown.length, total, locale)];
}

/** `/duban tasks`: my tasks with lights, last reports and report buttons. */
export function taskListLines(message: TaskListMessage, context: RenderContext): string[] {
  const head = context.style.bold(message.title);
  if (message.tasks.length === 0) return [head, `  ${message.emptyText}`];
  return [head, ...itemsLines(message.tasks, message.locale, context)];
}

/** The tasks of one measure or department, with the counts per light. */
export function statusLines(message: StatusMessage, context: RenderContext): string[] {
  const { locale } = message;
  return [
    `${context.style.bold(message.title)}   ${lightCountsText(message.totals, locale, context)}`,
    ...itemsLines(message.tasks, locale, context),
  ];
}

/** 催办: the contact's tasks in the urged scope, each with its report button, and how to answer. */
export function urgeLines(message: UrgeMessage, context: RenderContext): string[] {
  return [
    context.style.bold(message.title),
    message.intro,
    ...itemsLines(message.tasks, message.locale, context),
    context.style.dim(message.replyHint),
  ];
}

/** A question back instead of a guess, with the tasks to choose from. */
export function questionLines(message: QuestionMessage, context: RenderContext): string[] {
  return [`? ${message.question}`, ...itemsLines(message.tasks, message.locale, context)];
}

/** The whole plan at a glance: counts by section and measure, then what needs action. */
export function boardMessageLines(message: BoardMessage, context: RenderContext): string[] {
  const { locale } = message;
  const words = boardListWords(locale);
  return [
    `${context.style.bold(message.title)}   ${lightCountsText(message.totals, locale, context)}`,
    ...boardLines(message.sections, locale, context),
    ...taskLinesSection(words.overdue, message.overdue, message.overdue.length, locale, context),
    ...taskLinesSection(words.blocked, message.blocked, message.blocked.length, locale, context),
    context.style.bold(`${words.awaiting}（${message.awaitingApproval.length}）`),
    ...itemsLines(message.awaitingApproval, locale, context),
  ];
}
