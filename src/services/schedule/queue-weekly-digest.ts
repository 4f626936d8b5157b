import type { Firing } from "../../domain/schedule/next-firings.ts";
import { buildDigestExtras } from "./build-digest-extras.ts";
import { buildWeeklyDigest } from "./build-weekly-digest.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import type { OutboxPayload } from "./outbox-payload.ts";
import type { RoundOutcome } from "./plan-reminder-round.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** A digest not posted within a week is dropped: the next one says everything it would have. */
const DIGEST_TTL_MS = 7 * 86_400_000;

/** Queues the week's digest as one outbox row (key digest x week x plan); a late one says 补发. */
export async function queueWeeklyDigest(
  deps: Pick<ResolvedScheduleDeps, "store" | "schedules" | "calendar" | "tuning" | "assessment" | "logger">,
  context: ScheduleContext,
  firing: Firing,
  run: { now: Date; late: boolean },
): Promise<RoundOutcome> {
  const request = {
    directory: context.directory,
    schedule: context.schedule,
    calendar: deps.calendar,
    now: run.now,
    locale: deps.tuning.digestLocale,
  };
  const extras = await buildDigestExtras(deps.assessment, request, (error) =>
    deps.logger.warn({ err: error }, "digest: no chart or assessment lists this time"),
  );
  const digest = await buildWeeklyDigest(deps.store, {
    ...request,
    extras,
    weekKey: firing.cycleKey,
    dueAt: run.late ? firing.instant : null,
  });
  const key = `${firing.slot}@${context.planId}`;
  const payload: OutboxPayload = { type: "digest", channel: context.schedule.digest.channel ?? null, digest };
  const rows = await deps.schedules.enqueueHeld([
    {
      idempotencyKey: key,
      groupKey: key,
      kind: "digest",
      slot: key,
      taskId: null,
      recipientId: null,
      payload,
      expiresAt: new Date(firing.instant.getTime() + DIGEST_TTL_MS),
    },
  ]);
  return { rows, messages: rows, unreachable: [] };
}
