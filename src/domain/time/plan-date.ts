/**
 * A calendar day in the plan's timezone, written "YYYY-MM-DD". Plan dates carry no time and no zone:
 * arithmetic on them is done on whole days (through a UTC day number), so it never meets DST or offsets.
 */
export type PlanDate = string;

const DAY_MS = 86_400_000;
const PLAN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day written "YYYY-MM-DD" ("2026-02-30" is not). */
export function isPlanDate(text: string): boolean {
  const match = PLAN_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a RangeError naming `text` unless it is a valid plan date. */
export function assertPlanDate(text: string): PlanDate {
  if (!isPlanDate(text)) throw new RangeError(`not a date in the form YYYY-MM-DD: "${text}"`);
  return text;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: PlanDate): number {
  assertPlanDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(day: number): PlanDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function formatPlanDate(year: number, month: number, day: number): PlanDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: PlanDate, days: number): PlanDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: PlanDate): number {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function yearOf(date: PlanDate): number {
  return Number(date.slice(0, 4));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Mon" ... "Sun", for messages. */
export function weekdayName(date: PlanDate): string {
  return WEEKDAY_NAMES[isoWeekday(date) - 1] as string;
}
