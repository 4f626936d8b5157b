import { yearMissingNotice } from "../../domain/calendar/missing-notice.ts";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import { classifyDigestTasks } from "../../domain/digest/classify-digest-tasks.ts";
import { buildDigestMessage, type DigestExtras } from "../../domain/messages/build-digest-message.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { SupervisionStore } from "../../domain/ports/supervision-store.ts";
import type { Schedule } from "../../domain/schedule/schedule-schema.ts";
import type { Locale } from "../../domain/supervision/locale.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import { isoWeek } from "../../domain/time/iso-week.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";

const WEEK_MS = 7 * 86_400_000;

export interface WeeklyDigestRequest {
  directory: PlanDirectory;
  schedule: Schedule;
  calendar: WorkingDayCalendar;
  /** The data's time: lights, overdue days and "this week" are as of now. */
  now: Date;
  /** The ISO week it is the digest of; default the week of `now`. */
  weekKey?: string;
  /** When it was due, when posted late (补发). */
  dueAt?: Date | null;
  locale: Locale;
  /** The chart's data and the period's praise and lagging lists (buildDigestExtras); default none. */
  extras?: DigestExtras;
}

/**
 * The weekly digest of the plan from the database: every task's light, the departments that reported this
 * cycle and those that did not, overdue tasks (working days overdue), blocked ones with their blockers, and
 * what was reported done or approved in the 7 days before `now`.
 */
export async function buildWeeklyDigest(
  store: Pick<SupervisionStore, "listTasks">,
  request: WeeklyDigestRequest,
): Promise<DigestMessage> {
  const { directory, schedule, calendar, now, locale } = request;
  const timeZone = directory.timezone;
  const tasks = await store.listTasks({ planId: directory.planId, withLastReport: true });
  const light = { schedule, calendar, timeZone, now };
  const facts = classifyDigestTasks(
    tasks,
    directory.measures,
    light,
    new Date(now.getTime() - WEEK_MS),
    locale,
  );
  return buildDigestMessage(
    locale,
    {
      planTitle: directory.title,
      weekKey: request.weekKey ?? isoWeek(toPlanDate(now, timeZone)).key,
      asOf: now,
      timeZone,
      dueAt: request.dueAt ?? null,
      statutoryOnlyYear: yearMissingNotice(calendar, toPlanDate(now, timeZone)),
    },
    facts,
    request.extras,
  );
}
