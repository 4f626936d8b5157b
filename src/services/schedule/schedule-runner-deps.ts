import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DigestPublisher } from "../../domain/ports/chat.ts";
import type { ScheduleStore } from "../../domain/ports/schedule-store.ts";
import type { AssessmentPorts } from "../assessment/assessment-deps.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

/** Where the runner reports what it did and what went wrong (pino fits). */
export interface ScheduleLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Knobs with sensible defaults; tests and benches change a few. */
export interface ScheduleTuning {
  /** How far back runDue looks for firings missed while no process ran (default 14 days). */
  lookBackDays: number;
  /** A firing run later than this after its time is late (补发); default 10 minutes. */
  lateAfterMs: number;
  /** An unfinished job run older than this is taken to be from a dead process and run again (default 15 min). */
  staleRunAfterMs: number;
  /** Tasks read (and their outbox rows queued) per database round trip when planning a round (default 2,000). */
  taskBatchSize: number;
  /** Failed deliveries of one message before it is given up (default 8; rate limits do not count). */
  maxAttempts: number;
  /** First retry delay, doubled per failure up to `maxRetryMs` (defaults 30 s and 1 h). */
  baseRetryMs: number;
  maxRetryMs: number;
  /** Messages one deliverOutbox pass sends at most (default: no limit). */
  maxMessagesPerPass: number;
  /** The language of the digest posted to the channel (default zh). */
  digestLocale: "zh" | "en";
  /** DM admins once a year when next year has no State Council notice (tellAdminsOfMissingNotice); default on. */
  tellAdminsOfMissingNotice: boolean;
  /**
   * A claim older than this whose message is neither sent nor closed is in doubt (its sender died mid-send) and
   * is reconciled by its key (default 15 minutes: far longer than a send can take, 30 s per request and the
   * Web API client's own retries, so a live sender is never raced).
   */
  inDoubtAfterMs: number;
  /** How often a digest whose channel cannot take it (Duban not in it) is tried again (default 5 minutes). */
  channelRetryMs: number;
  /** How long delivery rests after Slack refused Duban's token (default 10 minutes). */
  accessRetryMs: number;
}

export const DEFAULT_SCHEDULE_TUNING: ScheduleTuning = {
  lookBackDays: 14,
  lateAfterMs: 10 * 60_000,
  staleRunAfterMs: 15 * 60_000,
  taskBatchSize: 2_000,
  maxAttempts: 8,
  baseRetryMs: 30_000,
  maxRetryMs: 60 * 60_000,
  maxMessagesPerPass: Number.POSITIVE_INFINITY,
  digestLocale: "zh",
  tellAdminsOfMissingNotice: true,
  inDoubtAfterMs: 15 * 60_000,
  channelRetryMs: 5 * 60_000,
  accessRetryMs: 10 * 60_000,
};

/** What the schedule runner needs: the supervision records, its own store, and the chat front end. */
export interface ScheduleRunnerDeps
  extends Pick<SupervisionDeps, "store" | "notifier" | "calendar" | "planId">,
    Partial<Pick<SupervisionDeps, "clock">> {
  schedules: ScheduleStore;
  digestPublisher: DigestPublisher;
  /** The assessment's records and rules: the digest's chart and its 表扬 / 通报 lists; unset, the digest has neither. */
  assessment?: Pick<AssessmentPorts, "store" | "settings"> | undefined;
  /** Names this runner in claims (JobRun.owner, Reminder.claimedBy); default host:pid:random. */
  owner?: string;
  logger?: ScheduleLogger;
  tuning?: Partial<ScheduleTuning>;
}

/**
 * What a front end (Slack, the shell) supplies to run the plan's schedule: how it tells people, its clock and
 * its log. The rest (the stores, the calendar, the assessment) comes from the composition root.
 */
export interface ScheduleFrontEnd
  extends Pick<ScheduleRunnerDeps, "notifier" | "digestPublisher" | "planId"> {
  clock: SupervisionDeps["clock"];
  logger: ScheduleLogger;
}

/** The deps with defaults filled in. */
export interface ResolvedScheduleDeps extends Omit<ScheduleRunnerDeps, "owner" | "logger" | "tuning"> {
  owner: string;
  logger: ScheduleLogger;
  tuning: ScheduleTuning;
}

const silent: ScheduleLogger = { info: () => {}, warn: () => {}, error: () => {} };

export function resolveScheduleDeps(deps: ScheduleRunnerDeps): ResolvedScheduleDeps {
  return {
    ...deps,
    owner: deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    logger: deps.logger ?? silent,
    tuning: { ...DEFAULT_SCHEDULE_TUNING, ...deps.tuning },
  };
}
