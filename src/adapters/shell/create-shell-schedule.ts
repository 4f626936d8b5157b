import type { DigestPublisher } from "../../domain/ports/digest-publisher.ts";
import type { ScheduleStore } from "../../domain/ports/schedule-store.ts";
import { createScheduleRunner } from "../../services/schedule/create-schedule-runner.ts";
import type { SupervisionDeps } from "../../services/supervision-deps.ts";
import type { Logger } from "../logging/create-logger.ts";
import type { ShellSchedule } from "./shell-context.ts";

export interface ShellScheduleOptions {
  schedules: ScheduleStore;
  deps: SupervisionDeps;
  digestPublisher: DigestPublisher;
  logger: Logger;
}

/**
 * The schedule runner (the same one cron drives) on the shell's plan clock: `/tick` runs its due firings at
 * the time it jumps to, and after every command the outbox is drained of what is due (DMs the core could not
 * deliver at once, retried after their backoff). The shell shows what each firing did, so the runner's own info lines are left out of
 * the log unless debugging.
 */
export function createShellSchedule({
  schedules,
  deps,
  digestPublisher,
  logger,
}: ShellScheduleOptions): ShellSchedule {
  const quiet = ["debug", "trace"].includes(logger.level) ? logger : logger.child({}, { level: "warn" });
  const runner = createScheduleRunner({
    store: deps.store,
    notifier: deps.notifier,
    calendar: deps.calendar,
    clock: deps.clock,
    planId: deps.planId,
    schedules,
    digestPublisher,
    assessment: deps.assessment,
    logger: quiet,
  });
  return {
    upcoming: (now, count) => runner.upcoming(now, count),
    runDue: (now) => runner.runDue(now),
    deliverDue: async (now) => {
      await runner.deliverOutbox(now);
    },
  };
}
