import type { NamedDay, WorkingDayCalendarData } from "../../domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../domain/errors.ts";
import { addDays, type PlanDate, yearOf } from "../../domain/time/plan-date.ts";
import type { CalendarFile } from "./calendar-file-schema.ts";

/** Expands the file's holiday spans into single days for the pure calendar. */
export function calendarDataFromFile(file: CalendarFile, sourceName: string): WorkingDayCalendarData {
  const holidays: NamedDay[] = [];
  const makeUpWorkdays: NamedDay[] = [];
  const coveredYears: number[] = [];
  for (const [yearText, year] of Object.entries(file.years)) {
    const covered = Number(yearText);
    coveredYears.push(covered);
    const outside = (date: PlanDate) =>
      new DomainError(
        "calendar-invalid",
        `${sourceName}: ${date} is listed under ${yearText}; move it to its own year.`,
      );
    for (const span of year.holidays) {
      const last = span.to ?? span.from;
      for (let day = span.from; day <= last; day = addDays(day, 1)) {
        if (yearOf(day) !== covered) throw outside(day);
        holidays.push({ date: day, name: span.name });
      }
    }
    for (const workday of year.makeUpWorkdays) {
      if (yearOf(workday.date) !== covered) throw outside(workday.date);
      makeUpWorkdays.push({ date: workday.date, name: workday.for });
    }
  }
  return { coveredYears, holidays, makeUpWorkdays };
}
