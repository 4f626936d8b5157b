import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { ReportingCycle } from "./cycle-for.ts";
import { remindersForCycle } from "./reminders-for-cycle.ts";
import type { Schedule } from "./schedule-schema.ts";

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
  return lastRung > cycle.endsOn ? lastRung : cycle.endsOn;
}

/** True when `today` is after the cycle's closing day. */
export function isCycleClosed(
  cycle: Pick<ReportingCycle, "dueOn" | "endsOn">,
  today: PlanDate,
  schedule: Parameters<typeof remindersForCycle>[1],
  calendar: WorkingDayCalendar,
): boolean {
  return today > cycleClosesOn(cycle, schedule, calendar);
}
