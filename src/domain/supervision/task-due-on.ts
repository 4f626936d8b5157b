import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { cycleFor, nextCycle, type ReportingCycle } from "../schedule/reporting-cycles.ts";
import type { Schedule } from "../schedule/schedule-schema.ts";
import { trackedAfterDue } from "../schedule/tracked-after-due.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { toPlanDate } from "../time/plan-time.ts";

export interface TaskDue {
  /** The reporting cycle `today` falls in. */
  cycle: ReportingCycle;
  /** The day the task's next report is due. */
  dueOn: PlanDate;
}

/**
 * When a task's report is due: the current reporting cycle's due day, unless the task already reported
 * in this cycle, in which case the next cycle's (a task that reported on the 20th is not overdue on the
 * 26th), or was first tracked after that due day (trackedAfterDue: a plan loaded on the 27th asks for the next
 * cycle's report). Days are the plan's calendar days.
 */
export function taskDueOn(
  lastReportAt: Date | null,
  today: PlanDate,
  schedule: Pick<Schedule, "cycle" | "dueDay">,
  calendar: WorkingDayCalendar,
  timeZone: string,
  trackedSince?: Date,
): TaskDue {
  const cycle = cycleFor(today, schedule, calendar);
  const reported = lastReportAt !== null && toPlanDate(lastReportAt, timeZone) >= cycle.opensOn;
  const notOwed = trackedAfterDue(trackedSince, cycle.dueOn, today, timeZone);
  return {
    cycle,
    dueOn: reported || notOwed ? nextCycle(cycle, schedule, calendar).dueOn : cycle.dueOn,
  };
}
