import type { TaskAssessment } from "../supervision/assess-task.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { ReportSummary, TaskRecord, TaskStatus } from "../supervision/supervision-types.ts";
import { toPlanDate } from "../time/plan-time.ts";
import type { MessageAction, TaskItem } from "./message-types.ts";
import { ACTION_WORDS, LIGHT_REASON_WORDS, STATUS_WORDS } from "./message-words.ts";

export type TaskActionKind = "report" | "approve" | "return";

/** Cuts a text to `max` characters, ending with "…" when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** "推进中 60%", "受阻 30%", "未启动", "办结". */
export function statusText(status: TaskStatus, percent: number | null, locale: Locale): string {
  const word = pick(locale, STATUS_WORDS[status]);
  const showPercent = (status === "IN_PROGRESS" || status === "BLOCKED") && percent !== null;
  return showPercent ? `${word} ${percent}%` : word;
}

/** "（五）拓宽就地就近就业渠道 · 市人力资源社会保障局". */
export function taskTitle(task: Pick<TaskRecord, "measure" | "department">): string {
  return `${task.measure.label}${task.measure.title} · ${task.department.name}`;
}

/** "11-20 张三：推进中 60%，完成招标". */
export function reportLine(report: ReportSummary, locale: Locale, timeZone: string): string {
  const day = toPlanDate(report.createdAt, timeZone).slice(5);
  const colon = locale === "zh" ? "：" : ": ";
  const comma = locale === "zh" ? "，" : ", ";
  const blocker = report.blocker === null ? "" : `${comma}${excerpt(report.blocker, 40)}`;
  return `${day} ${report.authorName}${colon}${statusText(report.status, report.percent, locale)}${blocker}${comma}${excerpt(report.done, 60)}`;
}

function actionFor(kind: TaskActionKind, taskId: string, locale: Locale): MessageAction {
  return { kind, taskId, label: pick(locale, ACTION_WORDS[kind]) };
}

/** A task as messages show it, with the buttons asked for. */
export function buildTaskItem(
  task: TaskRecord,
  assessment: TaskAssessment,
  locale: Locale,
  options: { timeZone: string; actions: readonly TaskActionKind[] },
): TaskItem {
  return {
    taskId: task.id,
    measure: { number: task.measure.number, label: task.measure.label, title: task.measure.title },
    departmentName: task.department.name,
    status: task.status,
    statusText: statusText(task.status, task.percent, locale),
    percent: task.percent,
    light: assessment.light,
    lightReason: assessment.reason,
    lightText: pick(locale, LIGHT_REASON_WORDS[assessment.reason]),
    dueOn: assessment.dueOn,
    lastReport: task.lastReport === null ? null : reportLine(task.lastReport, locale, options.timeZone),
    actions: options.actions.map((kind) => actionFor(kind, task.id, locale)),
  };
}
