import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import type { ChatNotifier, DigestPublisher } from "../../domain/ports/chat.ts";
import type { Clock } from "../../domain/ports/clock.ts";
import type { ScheduleStore } from "../../domain/ports/schedule-store.ts";
import type { SupervisionStore } from "../../domain/ports/supervision-store.ts";
import type { WebSignIn } from "../../domain/ports/web-sign-in.ts";
import type { AssessmentPorts } from "../assessment/assessment-deps.ts";

/** What the supervision use cases need; each takes the part it uses. */
/**
 * The core's dependencies on the database, the calendar and the assessment's files, built once per process by
 * the composition root (src/app/compose-core.ts) and shared by the front end, the schedule and the CLI.
 */
export interface CoreDependencies {
  store: SupervisionStore;
  schedules: ScheduleStore;
  calendar: WorkingDayCalendar;
  assessment: AssessmentPorts;
}

export interface SupervisionDeps {
  store: SupervisionStore;
  /** Delivers direct messages (Slack, the shell ...). */
  notifier: ChatNotifier;
  clock: Clock;
  /** Chinese working days, for due days and lights. */
  calendar: WorkingDayCalendar;
  /** Chat user ids that are admins from the start (DUBAN_ADMINS). */
  admins: readonly string[];
  /** The plan to work on; default: the most recently loaded one. */
  planId?: string | undefined;
  /** Scorecards and the Excel ledger (`/duban assess`, `/duban export`): createAssessmentPorts; unset, they are refused. */
  assessment?: AssessmentPorts | undefined;
  /** Posts the weekly digest for `/duban digest`; unset, that command is refused. */
  digestPublisher?: DigestPublisher | undefined;
  /** Sign-in links to the web board (`/duban web`); unset, that command is refused. */
  webSignIn?: WebSignIn | undefined;
}
