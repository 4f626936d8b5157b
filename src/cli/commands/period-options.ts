import { type AssessmentPeriod, parseAssessmentPeriod } from "../../domain/assessment/assessment-period.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import { isPlanDate } from "../../domain/time/plan-date.ts";
import { planDateTimeToInstant } from "../../domain/time/plan-time.ts";

/** `--period`: null when not given; a bad one is one line, exit code 2. */
export function readPeriodOption(text: string | undefined): AssessmentPeriod | null {
  if (text === undefined) return null;
  const period = parseAssessmentPeriod(text);
  if (period === null) {
    throw new DomainError(
      "period-invalid",
      `--period "${text}": write 2026-11 (month), 2026-Q4 (quarter) or 2026 (year)`,
    );
  }
  return period;
}

/** `--as-of YYYY-MM-DD`: the end of that day (23:59) in Asia/Shanghai, the plans' usual zone. */
export function readAsOf(text: string): Date {
  if (!isPlanDate(text))
    throw new DomainError("as-of-invalid", `--as-of "${text}": write a date as YYYY-MM-DD`);
  return planDateTimeToInstant(text, "23:59", "Asia/Shanghai");
}

/** The clock of `--as-of`: stopped at the end of that day; the command's clock when it is not given. */
export function asOfClock(asOf: string | undefined, clock: Clock): Clock {
  if (asOf === undefined) return clock;
  const instant = readAsOf(asOf);
  return { now: () => instant };
}
