import type { TaskRecord } from "../supervision/supervision-types.ts";
import { toPlanDate } from "../time/plan-time.ts";
import type { ReportingCycle } from "./cycle-for.ts";

/**
 * True when the task still has to report in `cycle` as of `now`: open (not done, not awaiting approval), no
 * report since the cycle opened, and tracked by the cycle's due day. A task first tracked after that day (added
 * by a later load of the plan) owes the next cycle's report, as its light says (taskDueOn), so no reminder or
 * escalation chases it for this one; a tracking start after `now` is ignored (a plan clock set back). Days are
 * the plan's calendar days.
 */
export function isBehindInCycle(
  task: Pick<TaskRecord, "status" | "lastReportAt" | "trackedSince">,
  cycle: Pick<ReportingCycle, "opensOn" | "dueOn">,
  timeZone: string,
  now: Date,
): boolean {
  if (task.status === "DONE" || task.status === "AWAITING_APPROVAL") return false;
  if (task.lastReportAt !== null && toPlanDate(task.lastReportAt, timeZone) >= cycle.opensOn) return false;
  if (task.trackedSince === undefined) return true;
  const trackedOn = toPlanDate(task.trackedSince, timeZone);
  return trackedOn <= cycle.dueOn || trackedOn > toPlanDate(now, timeZone);
}
