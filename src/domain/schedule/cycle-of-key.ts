import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { DomainError } from "../errors.ts";
import { addDays, formatPlanDate, type PlanDate } from "../time/plan-date.ts";
import { cycleFor, type ReportingCycle } from "./cycle-for.ts";
import type { Schedule } from "./schedule-schema.ts";

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
