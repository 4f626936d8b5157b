import type { CoreDependencies } from "../services/core/supervision-deps.ts";
import { createScheduleRunner, type ScheduleRunner } from "../services/schedule/create-schedule-runner.ts";
import type { ScheduleFrontEnd } from "../services/schedule/schedule-runner-deps.ts";

/**
 * The plan's schedule runner (reminders, escalations, the weekly digest, the outbox) for any front end: the
 * core's stores, calendar and assessment from the composition root, the chat ports, the clock and the log
 * from the front end. Slack's cron (start-schedules.ts) and the shell's `/tick` both run the runner this makes.
 */
export function createSchedule(core: CoreDependencies, frontEnd: ScheduleFrontEnd): ScheduleRunner {
  return createScheduleRunner({
    store: core.store,
    schedules: core.schedules,
    calendar: core.calendar,
    assessment: core.assessment,
    ...frontEnd,
  });
}
