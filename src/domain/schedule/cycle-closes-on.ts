import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { ReportingCycle } from "./cycle-for.ts";
import { remindersForCycle } from "./reminders-for-cycle.ts";

/**
 * The last day a cycle's reminders may go out: the later of its period's last day and its ladder's last rung
 * (an escalation 5 working days after a due day late in the month falls in the next month). From the day
 * after, the cycle is closed: a reminder of it that was missed (downtime) or is still undelivered is dropped.
 */
export function cycleClosesOn(
  cycle: Pick<ReportingCycle, "dueOn" | "endsOn">,
  schedule: Parameters<typeof remindersForCycle>[1],
  calendar: WorkingDayCalendar,
): PlanDate {
  const lastRung = remindersForCycle(cycle, schedule, calendar).at(-1)?.on ?? cycle.dueOn;
  // Plan dates ("YYYY-MM-DD") order as strings: the later of the two.
  return [lastRung, cycle.endsOn].sort().at(-1) ?? cycle.endsOn;
}
