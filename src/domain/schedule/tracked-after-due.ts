import type { PlanDate } from "../time/plan-date.ts";
import { toPlanDate } from "../time/plan-time.ts";

/**
 * The one rule for plan-load catch-up: something first tracked after a cycle's due day (a plan loaded, or a
 * task added by a later load, on the 27th when the cycle was due on the 25th) does not owe that cycle's report,
 * so no reminder or escalation chases it for that cycle and its light asks for the next cycle's. Tracked on the
 * due day itself, it still owes it. A tracking start after `today` is ignored (a plan clock set back, as in the
 * shell). Days are the plan's calendar days. Used plan-wide (decideDueFirings, with the plan's load time) and
 * per task (isBehindInCycle and taskDueOn, with the task's `trackedSince`).
 */
export function trackedAfterDue(
  trackedSince: Date | null | undefined,
  dueOn: PlanDate,
  today: PlanDate,
  timeZone: string,
): boolean {
  if (trackedSince === null || trackedSince === undefined) return false;
  const trackedOn = toPlanDate(trackedSince, timeZone);
  return trackedOn > dueOn && trackedOn <= today;
}
