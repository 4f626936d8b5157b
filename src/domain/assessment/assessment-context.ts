import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { Schedule } from "../schedule/schedule-schema.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { toPlanDate } from "../time/plan-time.ts";
import type { AssessmentPeriod } from "./assessment-period.ts";

/** The calendar facts an assessment is computed against. */
export interface AssessmentContext {
  period: AssessmentPeriod;
  /** When the assessment is made: cycles not yet due then are not counted, nor anything after it. */
  now: Date;
  timeZone: string;
  schedule: Pick<Schedule, "cycle" | "dueDay" | "dueTime">;
  calendar: WorkingDayCalendar;
}

/** The last day the assessment looks at: the period's end, or today when the period is still running. */
export function assessedUntil(context: AssessmentContext): PlanDate {
  const today = toPlanDate(context.now, context.timeZone);
  return [today, context.period.to].sort()[0] as PlanDate; // the earlier day
}

/** The plan-local day of an instant. */
export function dayOf(instant: Date, context: Pick<AssessmentContext, "timeZone">): PlanDate {
  return toPlanDate(instant, context.timeZone);
}
