import { buildScorecard } from "../../domain/assessment/build-scorecard.ts";
import { digestAssessmentPeriod } from "../../domain/assessment/digest-assessment-period.ts";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import { buildDigestChartData } from "../../domain/charts/build-digest-chart-data.ts";
import { buildDigestAssessment } from "../../domain/messages/build-digest-assessment.ts";
import { type DigestExtras, NO_DIGEST_EXTRAS } from "../../domain/messages/build-digest-message.ts";
import type { Schedule } from "../../domain/schedule/schedule-schema.ts";
import type { Locale } from "../../domain/supervision/locale.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import type { AssessmentPorts } from "../assessment/assessment-deps.ts";
import { readAssessedHistory } from "../assessment/compute-scorecard.ts";

export interface DigestExtrasRequest {
  directory: PlanDirectory;
  schedule: Schedule;
  calendar: WorkingDayCalendar;
  now: Date;
  locale: Locale;
}

/**
 * The chart's data and, in the last digest of a month or quarter (`assessment.includeInDigest`), that
 * period's praise and lagging lists, from the plan's records. Without the assessment's ports there are none.
 * A failure here is handed to `onFailure` and the digest goes out without them: it is never held back.
 */
export async function buildDigestExtras(
  ports: Pick<AssessmentPorts, "store" | "settings"> | undefined,
  request: DigestExtrasRequest,
  onFailure: (error: unknown) => void = () => {},
): Promise<DigestExtras> {
  if (ports === undefined) return NO_DIGEST_EXTRAS;
  const { directory, schedule, calendar, now, locale } = request;
  try {
    const { history, settings } = await readAssessedHistory(ports, directory.planId);
    const timeZone = directory.timezone;
    const chart = buildDigestChartData({
      planTitle: directory.title,
      tasks: history.tasks,
      reports: history.reports,
      schedule,
      calendar,
      timeZone,
      now,
    });
    const period = digestAssessmentPeriod(
      toPlanDate(now, timeZone),
      settings.rules,
      schedule.digest,
      calendar,
    );
    if (period === null) return { chart, assessment: null };
    const scorecard = buildScorecard({
      plan: { id: directory.planId, title: directory.title },
      history,
      rules: settings.rules,
      context: { period, now, timeZone, schedule, calendar },
    });
    return { chart, assessment: buildDigestAssessment(scorecard, locale) };
  } catch (error) {
    onFailure(error);
    return NO_DIGEST_EXTRAS;
  }
}
