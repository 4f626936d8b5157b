import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { cycleFor, nextCycle, type ReportingCycle } from "../schedule/cycle-for.ts";
import type { Schedule } from "../schedule/schedule-schema.ts";
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
 * 26th), or was first tracked after that due day (a plan loaded on the 27th asks for the next cycle's report).
 * A tracking start after `today` is ignored (a plan clock set back, as in the shell). Days are the plan's
 * calendar days.
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
  const trackedOn = trackedSince === undefined ? null : toPlanDate(trackedSince, timeZone);
  const trackedAfterDue = trackedOn !== null && trackedOn > cycle.dueOn && trackedOn <= today;
  return {
    cycle,
    dueOn: reported || trackedAfterDue ? nextCycle(cycle, schedule, calendar).dueOn : cycle.dueOn,
  };
}
