import type {
  DigestList,
  DigestMessage,
  EscalationMessage,
  ReminderMessage,
} from "../../../domain/messages/schedule-message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { boardLines } from "./render-board.ts";
import type { RenderContext } from "./render-context.ts";
import { lightCountsText, taskItemLines } from "./render-task-item.ts";
import { moreLines } from "./render-task-messages.ts";

function onBehalf(names: readonly string[], locale: Locale): string[] {
  if (names.length === 0) return [];
  return [locale === "zh" ? `（代 ${names.join("、")} 接收）` : `(on behalf of ${names.join(", ")})`];
}

/** A scheduled reminder (提醒 / 催办): the recipient's open tasks with report buttons, in one message. */
export function reminderLines(message: ReminderMessage, context: RenderContext): string[] {
  const { locale } = message;
  return [
    context.style.bold(message.title),
    ...onBehalf(message.onBehalfOf, locale),
    message.intro,
    ...message.tasks.flatMap((task) => taskItemLines(task, locale, context, "  ")),
    ...moreLines(message.tasks.length, message.totalTasks, locale),
    context.style.dim(message.replyHint),
    ...(message.snooze === null ? [] : [context.style.dim(`[${message.snooze.label}]`)]),
  ];
}

/** 督办: tasks overdue past the threshold, the departments behind, and who could not be reached. */
export function escalationLines(message: EscalationMessage, context: RenderContext): string[] {
  const { locale } = message;
  const departments = message.departments.map((department) =>
    locale === "zh"
      ? `  ${department.name}：逾期 ${department.overdueTasks} 项`
      : `  ${department.name}: ${department.overdueTasks} overdue`,
  );
  const lines = [
    context.style.error(context.style.bold(message.title)),
    ...onBehalf(message.onBehalfOf, locale),
    message.intro,
    ...departments,
    ...moreLines(message.departments.length, message.totalDepartments, locale),
    ...message.tasks.flatMap((task) => taskItemLines(task, locale, context, "  ")),
    ...moreLines(message.tasks.length, message.totalTasks, locale),
  ];
  if (message.unreachable.length > 0) {
    const names = message.unreachable.join(locale === "zh" ? "、" : ", ");
    lines.push(locale === "zh" ? `无联络员：${names}` : `No contact: ${names}`);
  }
  return lines;
}

/** Entries of each digest list, and department names, shown before the rest is counted. */
export const DIGEST_SHOWN = { entries: 10, names: 20 } as const;

function digestListLines(list: DigestList, locale: Locale, context: RenderContext): string[] {
  const lines = [context.style.bold(`${list.title}（${list.total}）`)];
  const shown = list.entries.slice(0, DIGEST_SHOWN.entries);
  for (const entry of shown) {
    lines.push(`  ${entry.measureLabel}${entry.measureTitle} · ${entry.departmentName} · ${entry.detail}`);
  }
  return [...lines, ...moreLines(shown.length, list.total, locale)];
}

function namesText(names: readonly string[], locale: Locale): string {
  if (names.length === 0) return locale === "zh" ? "无" : "none";
  const shown = names.slice(0, DIGEST_SHOWN.names).join(locale === "zh" ? "、" : ", ");
  const hidden = names.length - DIGEST_SHOWN.names;
  if (hidden <= 0) return shown;
  return locale === "zh" ? `${shown} 等 ${names.length} 个` : `${shown} and ${hidden} more`;
}

/** The weekly digest (周报): highlights, the board, who reported, and its lists (Slack puts these in the thread). */
export function digestLines(message: DigestMessage, context: RenderContext): string[] {
  const { locale } = message;
  const { style } = context;
  const colon = locale === "zh" ? "：" : ": ";
  return [
    `${style.bold(message.title)}   ${lightCountsText(message.totals, locale, context)}`,
    ...(message.lateNote === null ? [] : [style.dim(message.lateNote)]),
    style.dim(message.asOf),
    ...message.highlights.map((line) => `• ${line}`),
    ...boardLines(message.sections, locale, context),
    `${style.bold(message.reported.title)}${colon}${namesText(message.reported.departments, locale)}`,
    `${style.bold(message.notReported.title)}${colon}${namesText(message.notReported.departments, locale)}`,
    ...[message.overdue, message.blocked, message.completed, message.approved].flatMap((list) =>
      digestListLines(list, locale, context),
    ),
    ...(message.calendarNote ? [style.dim(message.calendarNote)] : []),
  ];
}
