import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { addDays, type PlanDate, weekdayName, yearOf } from "../time/plan-date.ts";
import { type PlanTime, planDateTimeToInstant, toPlanDate } from "../time/plan-time.ts";
import { describeDay, describeSpecialDays } from "./describe-special-days.ts";
import {
  cycleFor,
  nextCycle,
  type Reminder,
  type ReminderKind,
  type ReportingCycle,
  remindersForCycle,
} from "./reporting-cycles.ts";
import type { Schedule } from "./schedule-schema.ts";
import { weeklyDigestDays } from "./weekly-digest-days.ts";

/** One scheduled run: a rung of a cycle's reminder ladder, a weekly digest, or a contact's snoozed reminder. */
export interface Firing {
  /** Unique per firing, stable across processes: "reminder:2026-10:overdue-1", "digest:2026-W41". */
  slot: string;
  /** "snoozed": a reminder a contact put off to the next working day (src/services/schedule/snooze-firings.ts). */
  kind: ReminderKind | "digest" | "snoozed";
  /** The reporting cycle ("2026-10", "2026-W41") or, for a digest, its ISO week. */
  cycleKey: string;
  on: PlanDate;
  at: PlanTime;
  instant: Date;
  /** The working-day reasoning, for operators (`duban schedule`). */
  reason: string;
  /** False when a year involved has no State Council notice in the calendar (statutory holidays only): warn. */
  calendarCovered: boolean;
}

/** Longest stretch a cycle's ladder can reach from its period, in calendar days (30 working days + holidays). */
const LADDER_REACH_DAYS = 62;
const MAX_HORIZON_DAYS = 3_660;

function dueText(cycle: ReportingCycle, schedule: Schedule, calendar: WorkingDayCalendar): string {
  const due = `${schedule.dueTime} ${describeDay(calendar.dayInfo(cycle.dueOn))}`;
  if (cycle.dueOn === cycle.nominalDueOn) return due;
  const direction = cycle.dueOn < cycle.nominalDueOn ? "previous" : "next";
  return `${due}; the nominal due day ${describeDay(calendar.dayInfo(cycle.nominalDueOn))} is not a working day, moved to the ${direction} working day`;
}

function reminderReason(
  reminder: Reminder,
  cycle: ReportingCycle,
  due: string,
  calendar: WorkingDayCalendar,
): string {
  const days = Math.abs(reminder.workingDaysOverdue);
  const plural = days === 1 ? "working day" : "working days";
  const what =
    reminder.kind === "first"
      ? `first reminder for ${cycle.key}: ${days} ${plural} before due ${due}`
      : reminder.kind === "due"
        ? `due-day reminder for ${cycle.key}: due ${due}`
        : reminder.kind === "escalation"
          ? `escalation (督办) for ${cycle.key}: ${days} ${plural} overdue, due ${due}`
          : `follow-up (催办) for ${cycle.key}: ${days} ${plural} overdue, due ${due}`;
  const notes = describeSpecialDays(cycle.dueOn, reminder.on, calendar);
  return [`${weekdayName(reminder.on)} ${reminder.on}: ${what}`, ...notes].join("; ");
}

function coveredBetween(from: PlanDate, to: PlanDate, calendar: WorkingDayCalendar): boolean {
  const [first, last] = from <= to ? [from, to] : [to, from];
  for (let year = yearOf(first); year <= yearOf(last); year += 1) {
    if (!calendar.hasNotice(year)) return false;
  }
  return true;
}

function firingsUntil(
  now: Date,
  horizonEnd: PlanDate,
  schedule: Schedule,
  calendar: WorkingDayCalendar,
  timeZone: string,
): Firing[] {
  const today = toPlanDate(now, timeZone);
  const firings: Firing[] = [];
  const keep = (firing: Omit<Firing, "instant">) => {
    const instant = planDateTimeToInstant(firing.on, firing.at, timeZone);
    if (instant.getTime() >= now.getTime() && firing.on <= horizonEnd) firings.push({ ...firing, instant });
  };
  const lastOpening = addDays(horizonEnd, LADDER_REACH_DAYS);
  for (
    let cycle = cycleFor(addDays(today, -2 * LADDER_REACH_DAYS), schedule, calendar);
    cycle.opensOn <= lastOpening;
    cycle = nextCycle(cycle, schedule, calendar)
  ) {
    const due = dueText(cycle, schedule, calendar);
    for (const reminder of remindersForCycle(cycle, schedule, calendar)) {
      keep({
        slot: `reminder:${cycle.key}:${reminder.kind}`,
        kind: reminder.kind,
        cycleKey: cycle.key,
        on: reminder.on,
        at: reminder.at,
        reason: reminderReason(reminder, cycle, due, calendar),
        calendarCovered: coveredBetween(reminder.on, cycle.nominalDueOn, calendar),
      });
    }
  }
  for (const digest of weeklyDigestDays(today, horizonEnd, schedule.digest, calendar)) {
    keep({
      slot: `digest:${digest.weekKey}`,
      kind: "digest",
      cycleKey: digest.weekKey,
      on: digest.on,
      at: schedule.digest.time,
      reason: `${weekdayName(digest.on)} ${digest.on}: weekly digest for ${digest.weekKey}: ${digest.reason}`,
      calendarCovered: coveredBetween(digest.nominalOn, digest.on, calendar),
    });
  }
  return firings;
}

/**
 * The next `count` firings at or after `now`, earliest first (ties: by slot), each with its reasoning.
 * Overdue rungs of cycles that are already past their due day are included while still ahead of `now`.
 */
export function nextFirings(
  now: Date,
  schedule: Schedule,
  calendar: WorkingDayCalendar,
  timeZone: string,
  count = 10,
): Firing[] {
  const today = toPlanDate(now, timeZone);
  let firings: Firing[] = [];
  for (let horizon = 62; firings.length < count && horizon <= MAX_HORIZON_DAYS; horizon *= 2) {
    firings = firingsUntil(now, addDays(today, horizon), schedule, calendar, timeZone);
  }
  return firings
    .sort((a, b) => a.instant.getTime() - b.instant.getTime() || a.slot.localeCompare(b.slot))
    .slice(0, count);
}
