import type { ReportedStatus } from "../progress/reply-parse.ts";
import type { TaskStatus } from "./supervision-types.ts";

const TASK_STATUS: Record<ReportedStatus, TaskStatus> = {
  not_started: "NOT_STARTED",
  in_progress: "IN_PROGRESS",
  done: "AWAITING_APPROVAL", // 已完成 waits for a supervisor's approval (办结)
  blocked: "BLOCKED",
};

export interface TaskChange {
  status: TaskStatus;
  percent: number;
}

/**
 * What a report does to its task: 已完成 puts it in "awaiting approval" at 100%; 未启动 sets 0%;
 * 推进中 and 受阻 take the reported percent, or keep the task's when the report gave none.
 */
export function taskChangeForReport(
  reported: { status: ReportedStatus; percent: number | null },
  currentPercent: number,
): TaskChange {
  const status = TASK_STATUS[reported.status];
  if (reported.status === "done") return { status, percent: 100 };
  if (reported.status === "not_started") return { status, percent: 0 };
  return { status, percent: reported.percent ?? currentPercent };
}

/** The status a stored report or task shows in the report form (未启动 / 推进中 / 已完成 / 受阻). */
export function reportedStatusOf(status: TaskStatus): ReportedStatus {
  if (status === "AWAITING_APPROVAL" || status === "DONE") return "done";
  if (status === "BLOCKED") return "blocked";
  return status === "IN_PROGRESS" ? "in_progress" : "not_started";
}
