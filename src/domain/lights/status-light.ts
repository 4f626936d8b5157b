import type { PlanDate } from "../time/plan-date.ts";
import { toPlanDate } from "../time/plan-time.ts";
import { STATUS_LIGHT_DEFAULTS } from "./status-light-rules.ts";

export type StatusLight = "green" | "yellow" | "red";

/** Why a task got its light; front ends word it ("逾期", "受阻", "待审核超时" ...). */
export type StatusLightReason =
  | "done"
  | "blocked"
  | "approval_waiting_long"
  | "awaiting_approval"
  | "overdue"
  | "not_started"
  | "due_soon_unreported"
  | "on_track";

export interface StatusLightTask {
  status: "NOT_STARTED" | "IN_PROGRESS" | "BLOCKED" | "AWAITING_APPROVAL" | "DONE";
  /** The due day, "YYYY-MM-DD", or an instant read as its day in the plan's time zone; null when none. */
  dueOn: PlanDate | Date | null;
  lastReportAt: Date | null;
  /** When the task entered its current status (for awaiting approval: the "done" report); else `lastReportAt`. */
  statusSince?: Date | null;
}

export interface StatusLightOptions {
  /** Working days in (from, to]: the calendar's `workingDaysBetween` (WorkingDayCalendar) fits. */
  workingDaysBetween: (from: PlanDate, to: PlanDate) => number;
  /** The plan's IANA time zone; default Asia/Shanghai. */
  timeZone?: string;
  /** First day of the current reporting cycle (ReportingCycle.opensOn); see `reportWindowWorkingDays`. */
  cycleOpensOn?: PlanDate;
  /** "Due soon" means at most this many working days left; default 3. */
  dueSoonWorkingDays?: number;
  /** Awaiting approval turns yellow after waiting more than this many working days; default 5. */
  approvalStaleWorkingDays?: number;
  /** Without `cycleOpensOn`, a report counts for this cycle if made within this many working days; default 5. */
  reportWindowWorkingDays?: number;
}

/**
 * The light of a task and why, by the first rule that applies (STATUS_LIGHT_RULES says the same for users):
 * 1. done -> green;  2. blocked -> red;
 * 3. awaiting approval -> yellow when waiting more than `approvalStaleWorkingDays`, else green (never red);
 * 4. past the due day -> red (overdue);  5. not started -> yellow;
 * 6. at most `dueSoonWorkingDays` working days left and no report this cycle -> yellow;
 * 7. otherwise green (on track).
 * Days are plan-local calendar days; "working days left" counts the working days after today up to and
 * including the due day. The reported percent plays no part.
 */
export function assessStatusLight(
  task: StatusLightTask,
  now: Date,
  options: StatusLightOptions,
): { light: StatusLight; reason: StatusLightReason } {
  const {
    workingDaysBetween,
    timeZone = "Asia/Shanghai",
    cycleOpensOn,
    dueSoonWorkingDays = STATUS_LIGHT_DEFAULTS.dueSoonWorkingDays,
    approvalStaleWorkingDays = STATUS_LIGHT_DEFAULTS.approvalStaleWorkingDays,
    reportWindowWorkingDays = STATUS_LIGHT_DEFAULTS.reportWindowWorkingDays,
  } = options;
  const dayOf = (when: PlanDate | Date): PlanDate =>
    typeof when === "string" ? when : toPlanDate(when, timeZone);
  const today = dayOf(now);

  if (task.status === "DONE") return { light: "green", reason: "done" };
  if (task.status === "BLOCKED") return { light: "red", reason: "blocked" };
  if (task.status === "AWAITING_APPROVAL") {
    const since = task.statusSince ?? task.lastReportAt;
    const waited = since === null ? 0 : workingDaysBetween(dayOf(since), today);
    return waited > approvalStaleWorkingDays
      ? { light: "yellow", reason: "approval_waiting_long" }
      : { light: "green", reason: "awaiting_approval" };
  }
  const dueOn = task.dueOn === null ? null : dayOf(task.dueOn);
  if (dueOn !== null && today > dueOn) return { light: "red", reason: "overdue" };
  if (task.status === "NOT_STARTED") return { light: "yellow", reason: "not_started" };

  const lastReport = task.lastReportAt === null ? null : dayOf(task.lastReportAt);
  const reportedThisCycle =
    lastReport !== null &&
    (cycleOpensOn === undefined
      ? workingDaysBetween(lastReport, today) < reportWindowWorkingDays
      : lastReport >= cycleOpensOn);
  const dueSoon = dueOn !== null && workingDaysBetween(today, dueOn) <= dueSoonWorkingDays;
  if (dueSoon && !reportedThisCycle) return { light: "yellow", reason: "due_soon_unreported" };
  return { light: "green", reason: "on_track" };
}

/** The light alone; see `assessStatusLight` for the rules. */
export function statusLight(task: StatusLightTask, now: Date, options: StatusLightOptions): StatusLight {
  return assessStatusLight(task, now, options).light;
}
