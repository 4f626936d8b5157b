import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { isoWeek } from "../time/iso-week.ts";
import { addDays, daysInMonth, formatPlanDate, type PlanDate } from "../time/plan-date.ts";
import type { Schedule } from "./schedule-schema.ts";

/** One reporting period (报送周期) and its due day. */
export interface ReportingCycle {
  /** "2026-10" for a monthly cycle, "2026-W41" (ISO week) for a weekly one. */
  key: string;
  /** First and last day of the period: the calendar month, or the ISO week Monday..Sunday. */
  opensOn: PlanDate;
  endsOn: PlanDate;
  /** The due day as the schedule writes it (day 31 clamps to the month's last day). */
  nominalDueOn: PlanDate;
  /** The working day reports are due on. */
  dueOn: PlanDate;
}

/**
 * The reporting cycle whose period contains `date`.
 *
 * Due-day rule: a nominal due day that is not a working day moves to the previous working day, because
 * "每月25日前报送" means "by the 25th" (2026-10-25 is a Sunday: due Friday 2026-10-23). A 调休 make-up
 * Saturday is a working day and stays. If the period has no working day on or before the nominal day
 * (monthly dueDay 1 on 2026-10-01, National Day), the due day moves forward to the first working day after.
 */
export function cycleFor(
  date: PlanDate,
  schedule: Pick<Schedule, "cycle" | "dueDay">,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  let key: string;
  let opensOn: PlanDate;
  let endsOn: PlanDate;
  let nominalDueOn: PlanDate;
  if (schedule.cycle === "monthly") {
    const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    const lastDay = daysInMonth(year, month);
    key = date.slice(0, 7);
    opensOn = formatPlanDate(year, month, 1);
    endsOn = formatPlanDate(year, month, lastDay);
    nominalDueOn = formatPlanDate(year, month, Math.min(schedule.dueDay, lastDay));
  } else {
    const week = isoWeek(date);
    key = week.key;
    opensOn = week.monday;
    endsOn = addDays(week.monday, 6);
    nominalDueOn = addDays(week.monday, schedule.dueDay - 1);
  }
  const earlier = calendar.workingDayOnOrBefore(nominalDueOn);
  const dueOn = earlier >= opensOn ? earlier : calendar.workingDayOnOrAfter(nominalDueOn);
  return { key, opensOn, endsOn, nominalDueOn, dueOn };
}

/** The cycle after `cycle`. */
export function nextCycle(
  cycle: ReportingCycle,
  schedule: Pick<Schedule, "cycle" | "dueDay">,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  return cycleFor(addDays(cycle.endsOn, 1), schedule, calendar);
}
