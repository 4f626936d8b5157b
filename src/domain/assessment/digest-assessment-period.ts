import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import type { Schedule } from "../schedule/schedule-schema.ts";
import { weeklyDigestDays } from "../schedule/weekly-digest-days.ts";
import { addDays, type PlanDate } from "../time/plan-date.ts";
import { type AssessmentPeriod, periodContaining } from "./assessment-period.ts";
import type { AssessmentRules } from "./assessment-rules-schema.ts";

/**
 * The period whose praise and lagging lists (表扬 / 通报) the weekly digest posted on `digestDay` carries: the
 * month or quarter (`includeInDigest`) containing it when it is the last digest of that month or quarter (the
 * next digest falls in the next one); null otherwise, or when `includeInDigest` is false.
 */
export function digestAssessmentPeriod(
  digestDay: PlanDate,
  rules: Pick<AssessmentRules, "includeInDigest">,
  digest: Pick<Schedule["digest"], "weekday">,
  calendar: WorkingDayCalendar,
): AssessmentPeriod | null {
  if (rules.includeInDigest === false) return null;
  const period = periodContaining(digestDay, rules.includeInDigest);
  const next = weeklyDigestDays(addDays(digestDay, 1), addDays(digestDay, 21), digest, calendar)[0];
  return next === undefined || next.on > period.to ? period : null;
}
