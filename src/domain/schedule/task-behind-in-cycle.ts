import type { TaskRecord } from "../supervision/supervision-types.ts";
import { toPlanDate } from "../time/plan-time.ts";
import type { ReportingCycle } from "./reporting-cycles.ts";
import { trackedAfterDue } from "./tracked-after-due.ts";

/**
 * True when the task still has to report in `cycle` as of `now`: open (not done, not awaiting approval), no
 * report since the cycle opened, and not first tracked after the cycle's due day (trackedAfterDue: a task added
 * by a later load of the plan owes the next cycle's report, as its light says, so no reminder or escalation
 * chases it for this one).
 */
export function isBehindInCycle(
  task: Pick<TaskRecord, "status" | "lastReportAt" | "trackedSince">,
  cycle: Pick<ReportingCycle, "opensOn" | "dueOn">,
  timeZone: string,
  now: Date,
): boolean {
  if (task.status === "DONE" || task.status === "AWAITING_APPROVAL") return false;
  if (task.lastReportAt !== null && toPlanDate(task.lastReportAt, timeZone) >= cycle.opensOn) return false;
  return !trackedAfterDue(task.trackedSince, cycle.dueOn, toPlanDate(now, timeZone), timeZone);
}
