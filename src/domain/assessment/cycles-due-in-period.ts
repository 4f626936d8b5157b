import { cycleFor, nextCycle, type ReportingCycle } from "../schedule/reporting-cycles.ts";
import type { PlanDate } from "../time/plan-date.ts";
import { planDateTimeToInstant } from "../time/plan-time.ts";
import type { AssessmentContext } from "./assessment-context.ts";

/** A reporting cycle the assessment counts, with the instant reports were due and the next cycle's due day. */
export interface CountedCycle extends ReportingCycle {
  /** dueOn at the schedule's dueTime, in the plan's time zone. */
  dueAt: Date;
  nextDueOn: PlanDate;
}

/**
 * The reporting cycles whose due day falls in the period and whose due time has passed at `now`
 * (a cycle still open is not held against anyone).
 */
export function cyclesDueInPeriod(context: AssessmentContext): CountedCycle[] {
  const { period, schedule, calendar, timeZone, now } = context;
  const cycles: CountedCycle[] = [];
  for (let cycle = cycleFor(period.from, schedule, calendar); cycle.opensOn <= period.to; ) {
    const next = nextCycle(cycle, schedule, calendar);
    const dueAt = planDateTimeToInstant(cycle.dueOn, schedule.dueTime, timeZone);
    if (cycle.dueOn >= period.from && cycle.dueOn <= period.to && dueAt.getTime() <= now.getTime()) {
      cycles.push({ ...cycle, dueAt, nextDueOn: next.dueOn });
    }
    cycle = next;
  }
  return cycles;
}
