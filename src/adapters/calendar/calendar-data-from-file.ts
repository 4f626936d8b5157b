import type {
  NamedDay,
  NoticeArrangement,
  WorkingDayCalendarData,
} from "../../domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../domain/errors.ts";
import { addDays, type PlanDate } from "../../domain/time/plan-date.ts";
import type { CalendarFile, CalendarYear } from "./calendar-file-schema.ts";

/**
 * One year of the file as the pure calendar takes it: the holiday spans expanded into single days. A day must
 * be in its year, or in the December before it (a notice's span across New Year, "2018年12月30日至2019年1月1日").
 */
export function noticeFromFileYear(year: number, entry: CalendarYear, sourceName: string): NoticeArrangement {
  const outside = (date: PlanDate) =>
    new DomainError(
      "calendar-invalid",
      `${sourceName}: ${date} is listed under ${year}; move it to its own year (only a span across New Year may start in the December before).`,
    );
  const inRange = (date: PlanDate) => date >= `${year - 1}-12-01` && date <= `${year}-12-31`;
  const holidays: NamedDay[] = [];
  for (const span of entry.holidays) {
    const last = span.to ?? span.from;
    for (let day = span.from; day <= last; day = addDays(day, 1)) {
      if (!inRange(day)) throw outside(day);
      holidays.push({ date: day, name: span.name });
    }
  }
  const makeUpWorkdays = entry.makeUpWorkdays.map((workday) => {
    if (!inRange(workday.date)) throw outside(workday.date);
    return { date: workday.date, name: workday.for };
  });
  return { year, holidays, makeUpWorkdays };
}

/** Every year of the file, for the pure calendar. */
export function calendarDataFromFile(file: CalendarFile, sourceName: string): WorkingDayCalendarData {
  return {
    notices: Object.entries(file.years).map(([year, entry]) =>
      noticeFromFileYear(Number(year), entry, sourceName),
    ),
  };
}
