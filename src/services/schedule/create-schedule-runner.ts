import { decideDueFirings } from "../../domain/schedule/decide-due-firings.ts";
import type { Firing } from "../../domain/schedule/next-firings.ts";
import { type DeliveryReport, deliverOutbox, newDeliveryPause } from "./deliver-outbox.ts";
import { firingsBetween, upcomingFirings } from "./list-firings.ts";
import { cacheScheduleContext, loadScheduleContext, type ScheduleContext } from "./load-schedule-context.ts";
import { type FiringRun, runFiring } from "./run-firing.ts";
import { resolveScheduleDeps, type ScheduleRunnerDeps } from "./schedule-runner-deps.ts";
import { tellAdminsOfMissingNotice } from "./tell-admins-of-missing-notice.ts";

export type { DeliveryReport } from "./deliver-outbox.ts";
export type { FiringRun } from "./run-firing.ts";

const DAY_MS = 86_400_000;

/**
 * The schedule as front ends and cron drive it. Every time is passed in, so a test or the shell's `/tick` can
 * live a whole cycle in a second.
 */
export interface ScheduleRunner {
  /** The next `count` (default 10) firings at or after `now`, with their working-day reasoning. */
  upcoming(now: Date, count?: number): Promise<Firing[]>;
  /**
   * Claims every firing due at or before `now` that has not run (a JobRun (job, slot) row; a conflict means
   * another process has it) and runs it: its messages are queued in the outbox, not delivered (the caller
   * delivers: the cron tick drains the outbox once per tick). Catch-up: firings missed within `lookBackDays`
   * run once, marked late; only the latest rung of a cycle and the latest digest run, reminders of a closed
   * cycle are not sent, and nothing due before the plan was first loaded runs (decideDueFirings). From
   * 1 November, when next year has no State Council notice, admins are told once a year
   * (tellAdminsOfMissingNotice). Returns the firings this runner claimed. Once `signal` aborts (the process
   * is stopping), the firing being run finishes and no other starts.
   */
  queueDue(now: Date, signal?: AbortSignal): Promise<FiringRun[]>;
  /** queueDue, then one delivery pass (the shell's `/tick`, tests and benches: run a round and see it sent). */
  runDue(now: Date, signal?: AbortSignal): Promise<FiringRun[]>;
  /** One delivery pass over the outbox at `now` (see deliverOutbox); ends after the message in flight once `signal` aborts. */
  deliverOutbox(now: Date, signal?: AbortSignal): Promise<DeliveryReport>;
  /** Gives up the firing claims this runner holds unfinished (a clean stop), so another process runs them at once; how many. */
  releaseClaims(): Promise<number>;
}

/** The schedule runner of the plan `deps.planId` (default: the most recently loaded plan). */
export function createScheduleRunner(input: ScheduleRunnerDeps): ScheduleRunner {
  const deps = resolveScheduleDeps(input);
  const pause = newDeliveryPause();
  const contexts = cacheScheduleContext(deps);
  const noticeYearsTold = new Set<number>();
  const queueDue = async (
    now: Date,
    context: ScheduleContext,
    signal?: AbortSignal,
  ): Promise<FiringRun[]> => {
    const from = new Date(now.getTime() - deps.tuning.lookBackDays * DAY_MS);
    const due = await firingsBetween(deps, context, from, now);
    const staleBefore = new Date(now.getTime() - deps.tuning.staleRunAfterMs);
    const claimed = await deps.schedules.listClaimedSlots(
      context.job,
      due.map((firing) => firing.slot),
      staleBefore,
    );
    const decisions = decideDueFirings(due, now, {
      schedule: context.schedule,
      calendar: deps.calendar,
      timeZone: context.timeZone,
      lateAfterMs: deps.tuning.lateAfterMs,
      loadedAt: context.loadedAt,
    });
    const runs: FiringRun[] = [];
    for (const decision of decisions) {
      if (signal?.aborted) return runs;
      if (claimed.has(decision.firing.slot)) continue;
      const run = await runFiring(deps, context, decision, now);
      if (run !== null) runs.push(run);
    }
    if (deps.tuning.tellAdminsOfMissingNotice)
      await tellAdminsOfMissingNotice(deps, context.timeZone, now, noticeYearsTold);
    return runs;
  };
  return {
    async upcoming(now, count = 10) {
      const context = await loadScheduleContext(deps);
      return context === null ? [] : upcomingFirings(deps, context, now, count);
    },
    async queueDue(now, signal) {
      const context = await loadScheduleContext(deps);
      return context === null ? [] : queueDue(now, context, signal);
    },
    async runDue(now, signal) {
      const context = await loadScheduleContext(deps);
      if (context === null) return [];
      const runs = await queueDue(now, context, signal);
      await deliverOutbox(deps, context, now, pause, signal);
      return runs;
    },
    deliverOutbox: async (now, signal) => deliverOutbox(deps, await contexts.get(now), now, pause, signal),
    releaseClaims: () => deps.schedules.releaseJobRuns(deps.owner),
  };
}
