import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { isoWeek } from "../time/iso-week.ts";
import { addDays, type PlanDate } from "../time/plan-date.ts";
import { describeDay } from "./describe-special-days.ts";
import type { Schedule } from "./schedule-schema.ts";

export interface WeeklyDigestDay {
  /** ISO week the digest belongs to, "2026-W41". */
  weekKey: string;
  /** The configured digest day of that week. */
  nominalOn: PlanDate;
  /** The working day it is posted on. */
  on: PlanDate;
  reason: string;
}

/**
 * The weekly digests posted on days in [fromDate, toDate], sorted.
 *
 * Rule: a digest day that is not a working day (Monday 2026-10-05, National Day) moves to the next working
 * day (Thursday 2026-10-08), because nobody reads a digest on a holiday and no message goes out on one.
 * When two weeks' digests land on the same day (a holiday spanning a whole week, e.g. 春节), one digest is
 * posted, under the later week, covering both.
 */
export function weeklyDigestDays(
  fromDate: PlanDate,
  toDate: PlanDate,
  digest: Pick<Schedule["digest"], "weekday">,
  calendar: WorkingDayCalendar,
): WeeklyDigestDay[] {
  const days: WeeklyDigestDay[] = [];
  // Start two weeks early and end one week late: a digest can move forward over a holiday (at most 9 days).
  const lastMonday = addDays(isoWeek(toDate).monday, 7);
  for (
    let monday = isoWeek(addDays(fromDate, -14)).monday;
    monday <= lastMonday;
    monday = addDays(monday, 7)
  ) {
    const nominalOn = addDays(monday, digest.weekday - 1);
    const on = calendar.workingDayOnOrAfter(nominalOn);
    const moved =
      on === nominalOn
        ? `${describeDay(calendar.dayInfo(on))}, a working day`
        : `${describeDay(calendar.dayInfo(nominalOn))} is not a working day, moved to the next working day ${on}`;
    const previous = days.at(-1);
    const merged = previous !== undefined && previous.on === on ? previous : undefined;
    if (merged !== undefined) days.pop();
    const covers = merged === undefined ? "" : ` (also covers ${merged.weekKey}: ${merged.reason})`;
    days.push({ weekKey: isoWeek(monday).key, nominalOn, on, reason: `${moved}${covers}` });
  }
  return days.filter((day) => day.on >= fromDate && day.on <= toDate);
}
