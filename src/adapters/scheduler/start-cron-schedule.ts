import { setTimeout as sleepTimer } from "node:timers/promises";
import cron from "node-cron";
import type { Clock } from "../../domain/ports/clock.ts";
import type { ScheduleRunner } from "../../services/schedule/create-schedule-runner.ts";
import { drainOutbox } from "../../services/schedule/drain-outbox.ts";

/**
 * Every minute, on the minute, in the plan's time zone. Firing times (working days, holidays, 调休, snoozes)
 * come from the schedule runner; cron only wakes it up. A per-minute tick rather than one cron expression per
 * firing: firings are at whole minutes, move when the calendar, the workflow or a snooze changes, and a
 * missed tick (a process asleep) is caught up by the next one.
 */
export const TICK_EXPRESSION = "* * * * *";

export interface CronScheduleOptions {
  runner: Pick<ScheduleRunner, "queueDue" | "deliverOutbox">;
  timeZone: string;
  clock: Clock;
  logger: { info(fields: object, message: string): void; error(fields: object, message: string): void };
}

export interface RunningCronSchedule {
  /** The catch-up run at start (missed firings, undelivered messages). */
  caughtUp: Promise<void>;
  /** When cron wakes the runner next. */
  nextTickAt(): Date | null;
  stop(): Promise<void>;
}

const abortableSleep = (ms: number, signal?: AbortSignal) =>
  sleepTimer(ms, undefined, signal ? { signal } : {}).catch(() => undefined);

/**
 * Starts the per-minute tick: each tick queues what is due, then delivers until nothing is deliverable now
 * (one drain per tick: its first pass is the tick's only one unless more can be sent at once).
 */
export function startCronSchedule(options: CronScheduleOptions): RunningCronSchedule {
  if (!cron.validate(TICK_EXPRESSION)) throw new Error(`invalid cron expression ${TICK_EXPRESSION}`);
  const stopping = new AbortController();
  let running: Promise<void> = Promise.resolve();
  const tick = async (reason: string) => {
    try {
      const runs = await options.runner.queueDue(options.clock.now());
      for (const run of runs) options.logger.info({ ...run, reason }, `schedule: ${run.slot} ${run.outcome}`);
      await drainOutbox((now) => options.runner.deliverOutbox(now), {
        now: () => options.clock.now(),
        sleep: abortableSleep,
        signal: stopping.signal,
      });
    } catch (error) {
      options.logger.error({ err: error, reason }, "schedule tick failed; the next tick tries again");
    }
  };
  const caughtUp = tick("start: catch up");
  running = caughtUp;
  const task = cron.schedule(
    TICK_EXPRESSION,
    () => {
      running = running.then(() => tick("cron"));
      return running;
    },
    { timezone: options.timeZone, name: "duban-schedule", noOverlap: true },
  );
  return {
    caughtUp,
    nextTickAt: () => task.getNextRun(),
    async stop() {
      stopping.abort();
      await task.destroy();
      await running;
    },
  };
}
