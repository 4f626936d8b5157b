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
  runner: Pick<ScheduleRunner, "queueDue" | "deliverOutbox"> & Partial<Pick<ScheduleRunner, "releaseClaims">>;
  timeZone: string;
  clock: Clock;
  logger: { info(fields: object, message: string): void; error(fields: object, message: string): void };
}

export interface RunningCronSchedule {
  /** The catch-up run at start (missed firings, undelivered messages). */
  caughtUp: Promise<void>;
  /** When cron wakes the runner next. */
  nextTickAt(): Date | null;
  /** When the runner was last woken (the clock's time a tick began); null before the first. Readiness reads it. */
  lastTickAt(): Date | null;
  /**
   * Stops waking the runner; the tick under way finishes its firing and the message in flight (nothing new is
   * started), then the firing claims this runner still holds are given up for other processes.
   */
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
  let lastTickAt: Date | null = null;
  const tick = async (reason: string) => {
    if (stopping.signal.aborted) return;
    lastTickAt = options.clock.now();
    try {
      const runs = await options.runner.queueDue(options.clock.now(), stopping.signal);
      for (const run of runs) options.logger.info({ ...run, reason }, `schedule: ${run.slot} ${run.outcome}`);
      await drainOutbox((now) => options.runner.deliverOutbox(now, stopping.signal), {
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
    lastTickAt: () => lastTickAt,
    async stop() {
      stopping.abort();
      await task.destroy();
      await running;
      try {
        const released = (await options.runner.releaseClaims?.()) ?? 0;
        if (released > 0)
          options.logger.info({ released }, `schedule: gave up ${released} unfinished firing claim(s)`);
      } catch (error) {
        options.logger.error(
          { err: error },
          "schedule: could not give up the firing claims; they go stale instead",
        );
      }
    },
  };
}
