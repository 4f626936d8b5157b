import { type PlanDate, yearOf } from "../time/plan-date.ts";
import type { WorkingDayCalendar } from "./working-day-calendar.ts";

/** The State Council publishes next year's notice in the autumn; from this month on, its absence is warned of. */
const WARN_FROM_MONTH = 11;

/** What to do about a missing notice: the command that adds it. */
export const IMPORT_NOTICE_COMMAND = "duban calendar import <notice.txt|.docx>";

/**
 * The year whose missing notice Duban should warn about on `today`: this year when it has no notice, or —
 * from 1 November — next year when it has none. Null when nothing needs saying.
 */
export function yearMissingNotice(
  calendar: Pick<WorkingDayCalendar, "hasNotice">,
  today: PlanDate,
): number | null {
  const year = yearOf(today);
  if (!calendar.hasNotice(year)) return year;
  const month = Number(today.slice(5, 7));
  return month >= WARN_FROM_MONTH && !calendar.hasNotice(year + 1) ? year + 1 : null;
}

/** "2027: statutory holidays only, 调休 not yet known — add the State Council notice", for operators. */
export function statutoryOnlyNote(year: number): string {
  return `${year}: statutory holidays only, 调休 not yet known — add the State Council notice`;
}
