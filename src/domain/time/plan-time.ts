import { assertPlanDate, type PlanDate } from "./plan-date.ts";

/** A wall-clock time in the plan's timezone, "HH:mm" (24-hour). */
export type PlanTime = string;

const PLAN_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isPlanTime(text: string): boolean {
  return PLAN_TIME.test(text);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError("invalid Date");
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: parts.hour as number,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

/** The plan-local date and time of an instant: 2026-09-30T16:00Z in Asia/Shanghai -> 2026-10-01 00:00. */
export function toPlanDateTime(instant: Date, timeZone: string): { date: PlanDate; time: PlanTime } {
  const clock = wallClockAt(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    date: `${String(clock.year).padStart(4, "0")}-${pad(clock.month)}-${pad(clock.day)}`,
    time: `${pad(clock.hour)}:${pad(clock.minute)}`,
  };
}

/** The plan-local date of an instant ("YYYY-MM-DD"). */
export function toPlanDate(instant: Date, timeZone: string): PlanDate {
  return toPlanDateTime(instant, timeZone).date;
}

/** Offset of the zone from UTC at `instant`, in milliseconds (Asia/Shanghai: +8 h). */
function offsetAt(instant: number, timeZone: string): number {
  const clock = wallClockAt(new Date(instant), timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the plan's clock shows `date` `time`. Works for any IANA zone: in zones with DST,
 * a time skipped by a spring-forward gap maps to the instant one gap later (02:30 -> 03:30), and a
 * repeated autumn time maps to its first occurrence.
 */
export function planDateTimeToInstant(date: PlanDate, time: PlanTime, timeZone: string): Date {
  assertPlanDate(date);
  const match = PLAN_TIME.exec(time);
  if (match === null) throw new RangeError(`not a time in the form HH:mm: "${time}"`);
  const asUtc = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(match[1]),
    Number(match[2]),
  );
  const candidates = [
    asUtc - offsetAt(asUtc - 86_400_000, timeZone),
    asUtc - offsetAt(asUtc + 86_400_000, timeZone),
  ]
    .sort((a, b) => a - b)
    .map((instant) => new Date(instant));
  const shows = (instant: Date) => {
    const local = toPlanDateTime(instant, timeZone);
    return local.date === date && local.time === time;
  };
  // Both readings valid: an autumn overlap, take the first. Neither: a spring gap, take the one after the gap.
  return candidates.find(shows) ?? (candidates[1] as Date);
}
