import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { cycleClosesOn } from "./cycle-closes-on.ts";
import { cycleFor, type ReportingCycle } from "./cycle-for.ts";
import { remindersForCycle } from "./reminders-for-cycle.ts";
import type { Schedule } from "./schedule-schema.ts";

/**
 * The cycle whose reminders are going out on `today`, for "snooze" without a cycle: the previous cycle while
 * its follow-ups and escalation still run (not closed), else the current one.
 */
export function cycleBeingReminded(
  today: PlanDate,
  schedule: Schedule,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  const current = cycleFor(today, schedule, calendar);
  const previous = cycleFor(calendar.addWorkingDays(current.opensOn, -1), schedule, calendar);
  const currentStarted = (remindersForCycle(current, schedule, calendar)[0]?.on ?? current.dueOn) <= today;
  const previousOpen = today <= cycleClosesOn(previous, schedule, calendar);
  return previousOpen && !currentStarted ? previous : current;
}
