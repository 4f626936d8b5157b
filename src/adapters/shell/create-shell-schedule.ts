import type { ScheduleRunner } from "../../services/schedule/create-schedule-runner.ts";
import type { ShellSchedule } from "./shell-context.ts";

/**
 * The schedule runner (the same one cron drives on Slack, made by src/app/create-schedule.ts with the shell's
 * notifier and digest publisher) on the shell's plan clock: `/tick` runs its due firings at the time it jumps
 * to, and after every command the outbox is drained of what is due (DMs the core could not deliver at once,
 * retried after their backoff).
 */
export function createShellSchedule(runner: ScheduleRunner): ShellSchedule {
  return {
    upcoming: (now, count) => runner.upcoming(now, count),
    runDue: (now) => runner.runDue(now),
    deliverDue: async (now) => {
      await runner.deliverOutbox(now);
    },
  };
}
