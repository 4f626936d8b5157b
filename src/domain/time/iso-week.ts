import { addDays, dayNumber, formatPlanDate, isoWeekday, type PlanDate, yearOf } from "./plan-date.ts";

/** The ISO 8601 week of a date: its key ("2026-W41", the week-year may differ from the date's year) and its Monday. */
export function isoWeek(date: PlanDate): { key: string; monday: PlanDate } {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(monday, 3);
  const weekYear = yearOf(thursday);
  const week = Math.floor((dayNumber(thursday) - dayNumber(formatPlanDate(weekYear, 1, 1))) / 7) + 1;
  return { key: `${weekYear}-W${String(week).padStart(2, "0")}`, monday };
}
