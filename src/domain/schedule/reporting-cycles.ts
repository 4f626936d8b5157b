// Reporting-cycle arithmetic: the cycle a day or a key falls in, its due day, its reminder ladder, when it
// closes, which cycle is being reminded, working days overdue, and how a cycle or a day is labelled.
import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { DomainError } from "../errors.ts";
import type { Locale } from "../supervision/locale.ts";
import { isoWeek } from "../time/iso-week.ts";
import { addDays, daysInMonth, formatPlanDate, type PlanDate, weekdayName } from "../time/plan-date.ts";
import type { PlanTime } from "../time/plan-time.ts";
import type { Schedule } from "./schedule-schema.ts";

/** One reporting period (报送周期) and its due day. */
export interface ReportingCycle {
  /** "2026-10" for a monthly cycle, "2026-W41" (ISO week) for a weekly one. */
  key: string;
  /** First and last day of the period: the calendar month, or the ISO week Monday..Sunday. */
  opensOn: PlanDate;
  endsOn: PlanDate;
  /** The due day as the schedule writes it (day 31 clamps to the month's last day). */
  nominalDueOn: PlanDate;
  /** The working day reports are due on. */
  dueOn: PlanDate;
}

/**
 * The reporting cycle whose period contains `date`.
 *
 * Due-day rule: a nominal due day that is not a working day moves to the previous working day, because
 * "每月25日前报送" means "by the 25th" (2026-10-25 is a Sunday: due Friday 2026-10-23). A 调休 make-up
 * Saturday is a working day and stays. If the period has no working day on or before the nominal day
 * (monthly dueDay 1 on 2026-10-01, National Day), the due day moves forward to the first working day after.
 */
export function cycleFor(
  date: PlanDate,
  schedule: Pick<Schedule, "cycle" | "dueDay">,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  let key: string;
  let opensOn: PlanDate;
  let endsOn: PlanDate;
  let nominalDueOn: PlanDate;
  if (schedule.cycle === "monthly") {
    const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    const lastDay = daysInMonth(year, month);
    key = date.slice(0, 7);
    opensOn = formatPlanDate(year, month, 1);
    endsOn = formatPlanDate(year, month, lastDay);
    nominalDueOn = formatPlanDate(year, month, Math.min(schedule.dueDay, lastDay));
  } else {
    const week = isoWeek(date);
    key = week.key;
    opensOn = week.monday;
    endsOn = addDays(week.monday, 6);
    nominalDueOn = addDays(week.monday, schedule.dueDay - 1);
  }
  const earlier = calendar.workingDayOnOrBefore(nominalDueOn);
  const dueOn = earlier >= opensOn ? earlier : calendar.workingDayOnOrAfter(nominalDueOn);
  return { key, opensOn, endsOn, nominalDueOn, dueOn };
}

/** The cycle after `cycle`. */
export function nextCycle(
  cycle: ReportingCycle,
  schedule: Pick<Schedule, "cycle" | "dueDay">,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  return cycleFor(addDays(cycle.endsOn, 1), schedule, calendar);
}

const MONTHLY = /^(\d{4})-(\d{2})$/;
const WEEKLY = /^(\d{4})-W(\d{2})$/;

/** A day inside the cycle a key names: the 1st of "2026-10", the Thursday of ISO week "2026-W41". */
function dayInCycle(cycleKey: string): PlanDate {
  const monthly = MONTHLY.exec(cycleKey);
  if (monthly !== null) return formatPlanDate(Number(monthly[1]), Number(monthly[2]), 1);
  const weekly = WEEKLY.exec(cycleKey);
  if (weekly === null) throw new DomainError("cycle-invalid", `not a reporting cycle: "${cycleKey}"`);
  // ISO week 1 holds January 4th; its Thursday is in the week-year.
  const jan4 = formatPlanDate(Number(weekly[1]), 1, 4);
  const weekday = new Date(`${jan4}T00:00:00Z`).getUTCDay() || 7;
  return addDays(jan4, 4 - weekday + (Number(weekly[2]) - 1) * 7);
}

/** The reporting cycle a key ("2026-10", "2026-W41") names, under the schedule; throws for a key of the other kind. */
export function cycleOfKey(
  cycleKey: string,
  schedule: Pick<Schedule, "cycle" | "dueDay">,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  const cycle = cycleFor(dayInCycle(cycleKey), schedule, calendar);
  if (cycle.key !== cycleKey) {
    throw new DomainError("cycle-invalid", `"${cycleKey}" is not a ${schedule.cycle} reporting cycle`);
  }
  return cycle;
}

/** The reminder ladder: 催办 before and after the due day, then 督办 escalation. */
export type ReminderKind = "first" | "due" | `overdue-${number}` | "escalation";

export interface Reminder {
  kind: ReminderKind;
  /** Always a working day. */
  on: PlanDate;
  at: PlanTime;
  /** Working days after the due day (negative before it: -3 for a first reminder 3 working days ahead). */
  workingDaysOverdue: number;
}

type LadderSchedule = Pick<
  Schedule,
  | "firstReminderWorkingDaysBefore"
  | "followUpsOverdueWorkingDays"
  | "escalateAfterWorkingDaysOverdue"
  | "reminderTime"
>;

/**
 * Every reminder of one cycle, in ladder order: first (N working days before due), due (on the due day),
 * overdue-k (k working days after), escalation (M working days after). Each date is reached by counting
 * working days from the due day, so holidays and weekends are skipped and 调休 Saturdays count.
 */
export function remindersForCycle(
  cycle: Pick<ReportingCycle, "dueOn">,
  schedule: LadderSchedule,
  calendar: WorkingDayCalendar,
): Reminder[] {
  const at = schedule.reminderTime;
  const step = (kind: ReminderKind, workingDays: number): Reminder => ({
    kind,
    on: calendar.addWorkingDays(cycle.dueOn, workingDays),
    at,
    workingDaysOverdue: workingDays,
  });
  const before = schedule.firstReminderWorkingDaysBefore;
  return [
    ...(before > 0 ? [step("first", -before)] : []),
    step("due", 0),
    ...schedule.followUpsOverdueWorkingDays.map((days) => step(`overdue-${days}`, days)),
    step("escalation", schedule.escalateAfterWorkingDaysOverdue),
  ];
}

/**
 * The last day a cycle's reminders may go out: the later of its period's last day and its ladder's last rung
 * (an escalation 5 working days after a due day late in the month falls in the next month). From the day
 * after, the cycle is closed: a reminder of it that was missed (downtime) or is still undelivered is dropped.
 */
export function cycleClosesOn(
  cycle: Pick<ReportingCycle, "dueOn" | "endsOn">,
  schedule: Parameters<typeof remindersForCycle>[1],
  calendar: WorkingDayCalendar,
): PlanDate {
  const lastRung = remindersForCycle(cycle, schedule, calendar).at(-1)?.on ?? cycle.dueOn;
  // Plan dates ("YYYY-MM-DD") order as strings: the later of the two.
  return [lastRung, cycle.endsOn].sort().at(-1) ?? cycle.endsOn;
}

/**
 * The cycle whose reminders are going out on `today`, for "snooze" without a cycle: the previous cycle while
 * its follow-ups and escalation still run (not closed), else the current one.
 */
export function cycleBeingReminded(
  today: PlanDate,
  schedule: Schedule,
  calendar: WorkingDayCalendar,
): ReportingCycle {
  const current = cycleFor(today, schedule, calendar);
  const previous = cycleFor(calendar.addWorkingDays(current.opensOn, -1), schedule, calendar);
  const currentStarted = (remindersForCycle(current, schedule, calendar)[0]?.on ?? current.dueOn) <= today;
  const previousOpen = today <= cycleClosesOn(previous, schedule, calendar);
  return previousOpen && !currentStarted ? previous : current;
}

/**
 * Working days a report due on `dueOn` is overdue on `today`: 0 up to and including the due day, then
 * one more for each working day after it (a weekend or holiday after the due day adds nothing).
 */
export function workingDaysOverdue(dueOn: PlanDate, today: PlanDate, calendar: WorkingDayCalendar): number {
  return today <= dueOn ? 0 : calendar.workingDaysBetween(dueOn, today);
}

const ZH_WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

/** "2026年10月" / "October 2026" for "2026-10"; "2026年第41周" / "week 41 of 2026" for "2026-W41". */
export function cycleLabel(cycleKey: string, locale: Locale): string {
  const monthly = MONTHLY.exec(cycleKey);
  if (monthly !== null) {
    const [year, month] = [monthly[1], Number(monthly[2])];
    if (locale === "zh") return `${year}年${month}月`;
    const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en", {
      month: "long",
      timeZone: "UTC",
    });
    return `${name} ${year}`;
  }
  const weekly = WEEKLY.exec(cycleKey);
  if (weekly !== null) {
    return locale === "zh"
      ? `${weekly[1]}年第${Number(weekly[2])}周`
      : `week ${Number(weekly[2])} of ${weekly[1]}`;
  }
  return cycleKey;
}

/** "10月23日（周五）" / "Fri 2026-10-23". */
export function dayLabel(date: PlanDate, locale: Locale): string {
  if (locale === "en") return `${weekdayName(date)} ${date}`;
  const weekday = ZH_WEEKDAYS[["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(weekdayName(date))];
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（周${weekday}）`;
}
