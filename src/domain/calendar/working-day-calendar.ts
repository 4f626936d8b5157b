import { DomainError } from "../errors.ts";
import { addDays, dayNumber, isoWeekday, isPlanDate, type PlanDate, yearOf } from "../time/plan-date.ts";
import { HOLIDAY_NAMES, statutoryHolidays } from "./statutory-holidays.ts";

/** A day named in the State Council's yearly arrangement (国务院办公厅关于某年部分节假日安排的通知). */
export interface NamedDay {
  date: PlanDate;
  /** The holiday it belongs to, e.g. "国庆节 National Day". */
  name: string;
}

/**
 * One year's arrangement from its State Council notice. Its days are in `year`, or — for a span across New
 * Year such as "2018年12月30日至2019年1月1日" and its make-up day "2018年12月29日" — in the December before.
 */
export interface NoticeArrangement {
  year: number;
  /** Days off (放假), including the weekend days inside a holiday span. */
  holidays: readonly NamedDay[];
  /** 调休 make-up working days: Saturdays or Sundays that are working days. */
  makeUpWorkdays: readonly NamedDay[];
}

/** The yearly arrangements, as data. Built by an adapter from the shipped calendar file. */
export interface WorkingDayCalendarData {
  /** The years whose notice is known; every other year counts its statutory holidays only. */
  notices: readonly NoticeArrangement[];
}

/**
 * Where a day's working status comes from: a State Council notice (the calendar file), or — for a year whose
 * notice is not in the file — the statutory holidays of 《全国年节及纪念日放假办法》 alone, 调休 unknown.
 */
export type CalendarBasis = "notice" | "statutory";

export type DayKind = "weekday" | "weekend" | "holiday" | "make-up-workday";

export interface DayInfo {
  date: PlanDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name for "holiday" and "make-up-workday" days. */
  name?: string;
  basis: CalendarBasis;
}

/** A run of days off of one holiday, as `duban calendar show` lists it. */
export interface HolidaySpan {
  name: string;
  from: PlanDate;
  to: PlanDate;
}

/** A year's days off and make-up working days, and where they come from. */
export interface CalendarYear {
  year: number;
  basis: CalendarBasis;
  holidays: HolidaySpan[];
  makeUpWorkdays: NamedDay[];
}

/**
 * Chinese working days (工作日): Monday-Friday, minus public holidays, plus 调休 make-up working days.
 *
 * Every year has an answer. A year with its State Council notice in the data follows the notice; any other
 * year counts the statutory holidays of the rules in force that year (lunar dates and the 清明 solar term
 * computed) and no 调休, reported as `basis: "statutory"` (`dayInfo`, `hasNotice`) so callers can say so.
 * A notice's days override the statutory ones. Every `n` working days count walks day by day: start day
 * excluded, end day included.
 */
export interface WorkingDayCalendar {
  /** The years whose notice is in the data, ascending. */
  readonly noticeYears: readonly number[];
  hasNotice(year: number): boolean;
  dayInfo(date: PlanDate): DayInfo;
  isWorkingDay(date: PlanDate): boolean;
  /** The year's holidays (spans of one holiday's consecutive days) and make-up working days. */
  calendarYear(year: number): CalendarYear;
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

/** A notice may list days of its own year and of the December before it (a span across New Year). */
function inNoticeRange(date: PlanDate, year: number): boolean {
  return date >= `${year - 1}-12-01` && date <= `${year}-12-31`;
}

function indexNotices(notices: readonly NoticeArrangement[]) {
  const holidays = new Map<PlanDate, string>();
  const makeUpWorkdays = new Map<PlanDate, string>();
  const years = new Set<number>();
  const add = (index: Map<PlanDate, string>, days: readonly NamedDay[], year: number, what: string) => {
    for (const { date, name } of days) {
      if (!isPlanDate(date)) throw invalid(`${what} "${date}" is not a date in the form YYYY-MM-DD.`);
      if (!inNoticeRange(date, year))
        throw invalid(`${what} ${date} is listed under ${year}; move it to its own year.`);
      if (index.has(date)) throw invalid(`${what} ${date} is listed twice.`);
      index.set(date, name);
    }
  };
  for (const notice of notices) {
    if (years.has(notice.year)) throw invalid(`${notice.year} is listed twice.`);
    years.add(notice.year);
    add(holidays, notice.holidays, notice.year, "holiday");
    add(makeUpWorkdays, notice.makeUpWorkdays, notice.year, "make-up working day");
  }
  for (const date of makeUpWorkdays.keys()) {
    if (holidays.has(date))
      throw invalid(`${date} is listed both as a holiday and as a make-up working day.`);
    if (isoWeekday(date) < 6) throw invalid(`make-up working day ${date} is not a Saturday or Sunday.`);
  }
  return { holidays, makeUpWorkdays, years };
}

/** Consecutive days of one name, as spans. */
function spansOf(days: readonly NamedDay[]): HolidaySpan[] {
  const spans: HolidaySpan[] = [];
  for (const { date, name } of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = spans.at(-1);
    if (last !== undefined && last.name === name && addDays(last.to, 1) === date) last.to = date;
    else spans.push({ name, from: date, to: date });
  }
  return spans;
}

/** The statutory days off of `year` by date; a day two holidays share (中秋 on 10-03) carries both names. */
function statutoryDaysOf(year: number): Map<PlanDate, string> {
  const days = new Map<PlanDate, string>();
  for (const holiday of statutoryHolidays(year)) {
    for (const date of holiday.days) {
      const name = HOLIDAY_NAMES[holiday.key];
      const already = days.get(date);
      days.set(date, already === undefined ? name : `${already} / ${name}`);
    }
  }
  return days;
}

/** Builds a calendar from yearly data; throws a DomainError naming the first inconsistent day. */
export function createWorkingDayCalendar(data: WorkingDayCalendarData): WorkingDayCalendar {
  const { holidays, makeUpWorkdays, years } = indexNotices(data.notices);
  const notices = new Map(data.notices.map((notice) => [notice.year, notice]));
  const statutory = new Map<number, Map<PlanDate, string>>();
  const statutoryOf = (year: number) => {
    let days = statutory.get(year);
    if (days === undefined) {
      days = statutoryDaysOf(year);
      statutory.set(year, days);
    }
    return days;
  };

  const dayInfo = (date: PlanDate): DayInfo => {
    const holiday = holidays.get(date);
    if (holiday !== undefined)
      return { date, working: false, kind: "holiday", name: holiday, basis: "notice" };
    const makeUp = makeUpWorkdays.get(date);
    if (makeUp !== undefined)
      return { date, working: true, kind: "make-up-workday", name: makeUp, basis: "notice" };
    const weekend = isoWeekday(date) >= 6;
    const basis: CalendarBasis = years.has(yearOf(date)) ? "notice" : "statutory";
    const statutoryName = basis === "statutory" ? statutoryOf(yearOf(date)).get(date) : undefined;
    if (statutoryName !== undefined)
      return { date, working: false, kind: "holiday", name: statutoryName, basis };
    return { date, working: !weekend, kind: weekend ? "weekend" : "weekday", basis };
  };
  const isWorkingDay = (date: PlanDate) => dayInfo(date).working;

  const calendarYear = (year: number): CalendarYear => {
    const notice = notices.get(year);
    if (notice !== undefined) {
      return {
        year,
        basis: "notice",
        holidays: spansOf(notice.holidays),
        makeUpWorkdays: [...notice.makeUpWorkdays].sort((a, b) => a.date.localeCompare(b.date)),
      };
    }
    // days of this year that the next year's notice fixes (a span across New Year) are shown there
    const days = [...statutoryOf(year)]
      .filter(([date]) => !holidays.has(date) && !makeUpWorkdays.has(date))
      .map(([date, name]) => ({ date, name }));
    return { year, basis: "statutory", holidays: spansOf(days), makeUpWorkdays: [] };
  };

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
    noticeYears: [...years].sort((a, b) => a - b),
    hasNotice: (year) => years.has(year),
    dayInfo,
    isWorkingDay,
    calendarYear,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (date) => addWorkingDays(date, 1),
    previousWorkingDay: (date) => addWorkingDays(date, -1),
    workingDayOnOrAfter: (date) => (isWorkingDay(date) ? date : addWorkingDays(date, 1)),
    workingDayOnOrBefore: (date) => (isWorkingDay(date) ? date : addWorkingDays(date, -1)),
  };
}
