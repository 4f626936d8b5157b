import { addDays, type PlanDate } from "../time/plan-date.ts";
import { type AssessmentContext, assessedUntil, dayOf } from "./assessment-context.ts";
import type { AssessedReport } from "./assessment-records.ts";

/** A stretch during which a task was blocked (受阻): from a 受阻 report to the next report that is not. */
export interface BlockerEpisode {
  startReport: AssessedReport;
  endReport: AssessedReport | null;
  /** Working days it was open within the assessed days. */
  workingDays: number;
  /** Still blocked at the end of the assessed days. */
  open: boolean;
}

/**
 * The blocker episodes of one task that overlap the assessed days, from its reports (not withdrawn, oldest
 * first). Days are counted like working-day spans elsewhere: start day excluded, end day included, clipped to
 * the period (a blocker carried into the period counts from its first day).
 */
export function blockerEpisodes(
  reports: readonly AssessedReport[],
  context: AssessmentContext,
): BlockerEpisode[] {
  const until = assessedUntil(context);
  const episodes: BlockerEpisode[] = [];
  let start: AssessedReport | null = null;
  const close = (end: AssessedReport | null) => {
    if (start === null) return;
    const startDay = dayOf(start.createdAt, context);
    const endDay: PlanDate | null = end === null ? null : dayOf(end.createdAt, context);
    const overlaps = startDay <= until && (endDay === null || endDay >= context.period.from);
    if (overlaps) {
      const from = startDay < context.period.from ? addDays(context.period.from, -1) : startDay;
      const to = endDay === null || endDay > until ? until : endDay;
      const workingDays = Math.max(0, context.calendar.workingDaysBetween(from, to));
      episodes.push({
        startReport: start,
        endReport: end,
        workingDays,
        open: endDay === null || endDay > until,
      });
    }
    start = null;
  };
  for (const report of reports) {
    if (report.status === "BLOCKED") start ??= report;
    else close(report);
  }
  close(null);
  return episodes;
}
