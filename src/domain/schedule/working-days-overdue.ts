import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { PlanDate } from "../time/plan-date.ts";

/**
 * Working days a report due on `dueOn` is overdue on `today`: 0 up to and including the due day, then
 * one more for each working day after it (a weekend or holiday after the due day adds nothing).
 */
export function workingDaysOverdue(dueOn: PlanDate, today: PlanDate, calendar: WorkingDayCalendar): number {
  return today <= dueOn ? 0 : calendar.workingDaysBetween(dueOn, today);
}
