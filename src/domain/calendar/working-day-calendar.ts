import { DomainError } from "../errors.ts";
import { addDays, dayNumber, isoWeekday, isPlanDate, type PlanDate, yearOf } from "../time/plan-date.ts";

/** A day named in the State Council's yearly arrangement (国务院办公厅关于某年部分节假日安排的通知). */
export interface NamedDay {
  date: PlanDate;
  /** The holiday it belongs to, e.g. "国庆节 National Day". */
  name: string;
}

/** The yearly arrangements, as data. Built by an adapter from the shipped calendar file. */
export interface WorkingDayCalendarData {
  /** Years whose arrangement is published and included; other years fall back to Monday-Friday. */
  coveredYears: readonly number[];
  /** Days off (放假), including the weekend days inside a holiday span. */
  holidays: readonly NamedDay[];
  /** 调休 make-up working days: Saturdays or Sundays that are working days. */
  makeUpWorkdays: readonly NamedDay[];
}

export type DayKind = "weekday" | "weekend" | "holiday" | "make-up-workday";

export interface DayInfo {
  date: PlanDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name for "holiday" and "make-up-workday" days. */
  name?: string;
  /** False when the year is not in the calendar and Monday-Friday was assumed. */
  covered: boolean;
}

/**
 * Chinese working days (工作日): Monday-Friday, minus public holidays, plus 调休 make-up working days.
 *
 * Out-of-range years: a year missing from the data is NOT an error here; its days are treated as
 * Monday-Friday working days and reported as `covered: false` (`dayInfo`, `coversYear`) so callers can
 * warn. Every `n` working days count walks day by day: start day excluded, end day included.
 */
export interface WorkingDayCalendar {
  readonly coveredYears: readonly number[];
  coversYear(year: number): boolean;
  dayInfo(date: PlanDate): DayInfo;
  isWorkingDay(date: PlanDate): boolean;
  /** The `n`-th working day after `date` (before it when `n` < 0); `date` itself when `n` is 0. */
  addWorkingDays(date: PlanDate, n: number): PlanDate;
  /**
   * Signed count of working days walked from `from` to `to`, `from` excluded and `to` included:
   * forwards the days in (from, to], backwards minus the days in [to, from).
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every d and n.
   */
  workingDaysBetween(from: PlanDate, to: PlanDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: PlanDate): PlanDate;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: PlanDate): PlanDate;
  /** `date` if it is a working day, else the next one. */
  workingDayOnOrAfter(date: PlanDate): PlanDate;
  /** `date` if it is a working day, else the previous one. */
  workingDayOnOrBefore(date: PlanDate): PlanDate;
}

function invalid(message: string): DomainError {
  return new DomainError("calendar-invalid", `Working-day calendar: ${message}`);
}

function indexDays(
  days: readonly NamedDay[],
  covered: ReadonlySet<number>,
  what: string,
): Map<PlanDate, string> {
  const index = new Map<PlanDate, string>();
  for (const { date, name } of days) {
    if (!isPlanDate(date)) throw invalid(`${what} "${date}" is not a date in the form YYYY-MM-DD.`);
    if (!covered.has(yearOf(date)))
      throw invalid(`${what} ${date} is in ${yearOf(date)}, a year not listed as covered.`);
    if (index.has(date)) throw invalid(`${what} ${date} is listed twice.`);
    index.set(date, name);
  }
  return index;
}

/** Builds a calendar from yearly data; throws a DomainError naming the first inconsistent day. */
export function createWorkingDayCalendar(data: WorkingDayCalendarData): WorkingDayCalendar {
  const covered = new Set(data.coveredYears);
  const holidays = indexDays(data.holidays, covered, "holiday");
  const makeUpWorkdays = indexDays(data.makeUpWorkdays, covered, "make-up working day");
  for (const date of makeUpWorkdays.keys()) {
    if (holidays.has(date))
      throw invalid(`${date} is listed both as a holiday and as a make-up working day.`);
    if (isoWeekday(date) < 6) throw invalid(`make-up working day ${date} is not a Saturday or Sunday.`);
  }

  const dayInfo = (date: PlanDate): DayInfo => {
    const isCovered = covered.has(yearOf(date));
    const holiday = holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: "holiday", name: holiday, covered: true };
    const makeUp = makeUpWorkdays.get(date);
    if (makeUp !== undefined)
      return { date, working: true, kind: "make-up-workday", name: makeUp, covered: true };
    const weekend = isoWeekday(date) >= 6;
    return { date, working: !weekend, kind: weekend ? "weekend" : "weekday", covered: isCovered };
  };
  const isWorkingDay = (date: PlanDate) => dayInfo(date).working;

  const addWorkingDays = (date: PlanDate, n: number): PlanDate => {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = date;
    for (let left = Math.abs(n); left > 0; ) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  };

  const workingDaysBetween = (from: PlanDate, to: PlanDate): number => {
    const forwards = dayNumber(to) >= dayNumber(from);
    const [first, last] = forwards ? [addDays(from, 1), to] : [to, addDays(from, -1)];
    let count = 0;
    for (let day = first; dayNumber(day) <= dayNumber(last); day = addDays(day, 1)) {
      if (isWorkingDay(day)) count += 1;
    }
    return forwards ? count : -count;
  };

  return {
    coveredYears: [...covered].sort((a, b) => a - b),
    coversYear: (year) => covered.has(year),
    dayInfo,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (date) => addWorkingDays(date, 1),
    previousWorkingDay: (date) => addWorkingDays(date, -1),
    workingDayOnOrAfter: (date) => (isWorkingDay(date) ? date : addWorkingDays(date, 1)),
    workingDayOnOrBefore: (date) => (isWorkingDay(date) ? date : addWorkingDays(date, -1)),
  };
}
