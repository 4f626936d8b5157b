import { systemClock } from "../adapters/clock/system-clock.ts";
import type { Logger } from "../adapters/logging/create-logger.ts";
import { type RunningCronSchedule, startCronSchedule } from "../adapters/scheduler/start-cron-schedule.ts";
import { createOutboxSlackNotifier } from "../adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../adapters/slack/create-outbox-web-client.ts";
import { createSlackAccountStatus } from "../adapters/slack/create-slack-account-status.ts";
import { createSlackDigestPublisher } from "../adapters/slack/slack-digest-publisher.ts";
import {
  type RunningSlackFrontEnd,
  type StartSlackFrontEndOptions,
  startSlackFrontEnd,
} from "../adapters/slack/start-slack-front-end.ts";
import type { Env } from "../config/env-schema.ts";
import type { Clock } from "../domain/ports/clock.ts";
import { createScheduleRunner } from "../services/schedule/create-schedule-runner.ts";
import { findDigestChannel } from "../services/schedule/find-digest-channel.ts";
import type { CoreDependencies } from "../services/supervision-deps.ts";

export interface StartSchedulesOptions {
  env: Pick<Env, "SLACK_BOT_TOKEN" | "SLACK_API_URL" | "DUBAN_DIGEST_CHANNEL" | "TZ">;
  /** The core's dependencies, from the composition root (compose-core.ts). */
  core: CoreDependencies;
  logger: Logger;
  clock?: Clock;
}

/**
 * Runs the plan's schedule on Slack: reminders, escalations and the weekly digest, through the outbox, woken
 * every minute by node-cron; catches up missed firings at start. Nothing when Slack is not configured (the
 * local shell drives the schedule with `/tick`). A plan whose digest has no channel is warned about once here.
 */
export async function startSchedules(options: StartSchedulesOptions): Promise<RunningCronSchedule | null> {
  const { env, core, logger } = options;
  if (!env.SLACK_BOT_TOKEN) return null;
  const clock = options.clock ?? systemClock;
  const client = createOutboxWebClient({ botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL });
  const { store } = core;
  const accounts = createSlackAccountStatus(client, {
    clock,
    onError: (error) =>
      logger.warn({ err: error }, "users.list failed; deactivated contacts not checked for now"),
  });
  const runner = createScheduleRunner({
    store,
    schedules: core.schedules,
    clock,
    notifier: createOutboxSlackNotifier(client, { accounts }),
    digestPublisher: createSlackDigestPublisher(client, {
      defaultChannel: env.DUBAN_DIGEST_CHANNEL,
      onThreadFailure: (error, part) =>
        logger.warn({ err: error, part }, "digest: a thread message could not be posted"),
      onChartFailure: (error) => logger.warn({ err: error }, "digest: the chart could not be attached"),
    }),
    assessment: core.assessment,
    calendar: core.calendar,
    logger,
  });
  logger.info({ timeZone: env.TZ }, "schedules running: reminders, escalations and the weekly digest");
  const digest = await findDigestChannel(store, env.DUBAN_DIGEST_CHANNEL);
  if (digest.kind === "missing") logger.warn({ plan: digest.planId }, `digest: ${digest.problem}`);
  return startCronSchedule({ runner, timeZone: env.TZ, clock, logger });
}

/** The schedule is alive when cron woke the runner within this (it wakes it every minute). */
export const SCHEDULE_TICK_WITHIN_MS = 2 * 60_000;

export function scheduleTickedRecently(lastTickAt: Date | null, now: Date): boolean {
  return lastTickAt !== null && now.getTime() - lastTickAt.getTime() <= SCHEDULE_TICK_WITHIN_MS;
}

/**
 * The Slack front end with the schedule running beside it, both on the same core dependencies; stopping it
 * stops both at once: no new requests and no new firings, then the requests, the firing and the message in
 * flight finish.
 */
export async function startSlackWithSchedules(
  options: StartSlackFrontEndOptions & { env: StartSchedulesOptions["env"]; core: CoreDependencies },
): Promise<RunningSlackFrontEnd> {
  const slack = await startSlackFrontEnd(options);
  let schedules: RunningCronSchedule | null;
  try {
    schedules = await startSchedules({
      env: options.env,
      core: options.core,
      logger: options.logger,
      clock: options.clock,
    });
  } catch (error) {
    await slack.stop();
    throw error;
  }
  const clock = options.clock ?? systemClock;
  const running = schedules;
  if (running !== null)
    options.readiness?.add("schedule", () => scheduleTickedRecently(running.lastTickAt(), clock.now()));
  return {
    ...slack,
    stop: async () => {
      await Promise.all([schedules?.stop(), slack.stop()]);
    },
  };
}
