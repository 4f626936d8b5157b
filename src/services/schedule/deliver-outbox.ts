import type { ChatMessageRef } from "../../domain/ports/chat-notifier.ts";
import type { ClaimedGroup } from "../../domain/ports/outbox-store.ts";
import { isRateLimitedError } from "../../domain/ports/rate-limited-error.ts";
import { assembleGroupMessage } from "./assemble-group-message.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import { retryDelay } from "./retry-delay.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** Rows of a group loaded to build its message (a DM shows at most 40 tasks; the rest are counted). */
const MAX_PAYLOADS = 200;

/** What one delivery pass did. */
export interface DeliveryReport {
  sent: number;
  /** Failed this pass, to be retried with backoff. */
  failed: number;
  /** Given up (too many failures, unreadable) or expired (their cycle closed). */
  closed: number;
  /** A 429: nothing more is sent before this (the pass stopped there). */
  rateLimitedUntil: Date | null;
  /** The earliest time something pending may be tried; null when the outbox is empty. */
  nextAttemptAt: Date | null;
  /** Each message sent or failed this pass. */
  deliveries: Array<{ groupKey: string; kind: string; ref: ChatMessageRef | null; error: string | null }>;
}

/** A 429 applies to every message (Slack's limits are per workspace and channel): no pass sends before it ends. */
export interface DeliveryPause {
  until: Date | null;
}

class PermanentFailure extends Error {}

async function send(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext | null,
  group: ClaimedGroup,
  now: Date,
): Promise<ChatMessageRef> {
  if (context === null) throw new PermanentFailure("no plan is loaded");
  const delivery = await assembleGroupMessage(deps, context, group, now);
  if (delivery.to === "nobody") throw new PermanentFailure(delivery.reason);
  if (delivery.to === "channel") {
    const [main] = await deps.digestPublisher.publish(delivery.channel, delivery.digest);
    if (main === undefined) throw new PermanentFailure("the digest publisher posted nothing");
    return main;
  }
  const person = group.recipientId === null ? null : await deps.store.findPersonById(group.recipientId);
  if (person === null) throw new PermanentFailure("the recipient no longer exists");
  return deps.notifier.sendDirectMessage(person, delivery.message);
}

/**
 * One pass over the scheduled outbox at `now`: drops what expired, then claims one group (one message) at a
 * time, sends it and marks it sent. A group is claimed by one process only and never sent twice: a process
 * that dies mid-send leaves its claim (in doubt), and no one resends it. A 429 (RateLimitedError) gives the
 * group back until Retry-After, ends the pass and pauses this runner's delivery until then (`pause`); other
 * failures are retried with exponential backoff, and given up after `maxAttempts`.
 */
export async function deliverOutbox(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext | null,
  now: Date,
  pause: DeliveryPause = { until: null },
): Promise<DeliveryReport> {
  const { schedules, owner, tuning } = deps;
  if (pause.until !== null && now < pause.until) {
    return {
      sent: 0,
      failed: 0,
      closed: 0,
      rateLimitedUntil: pause.until,
      nextAttemptAt: pause.until,
      deliveries: [],
    };
  }
  const report: DeliveryReport = {
    sent: 0,
    failed: 0,
    closed: await schedules.closeExpired(now),
    rateLimitedUntil: null,
    nextAttemptAt: null,
    deliveries: [],
  };
  while (report.sent + report.failed < tuning.maxMessagesPerPass) {
    const group = await schedules.claimNextGroup(now, owner, MAX_PAYLOADS);
    if (group === null) break;
    const entry = { groupKey: group.groupKey, kind: group.kind };
    try {
      const ref = await send(deps, context, group, now);
      await schedules.markGroupSent(group.groupKey, owner, ref, now);
      report.sent += 1;
      report.deliveries.push({ ...entry, ref, error: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.deliveries.push({ ...entry, ref: null, error: message });
      if (isRateLimitedError(error)) {
        report.rateLimitedUntil = new Date(now.getTime() + error.retryAfterMs);
        pause.until = report.rateLimitedUntil;
        await schedules.releaseGroup(group.groupKey, owner, {
          error: message,
          nextAttemptAt: report.rateLimitedUntil,
          countAttempt: false,
        });
        deps.logger.warn(
          { groupKey: group.groupKey, retryAfterMs: error.retryAfterMs },
          "outbox: rate limited",
        );
        break;
      }
      const attempts = group.attempts + 1;
      if (error instanceof PermanentFailure || attempts >= tuning.maxAttempts) {
        report.closed += 1;
        const reason =
          error instanceof PermanentFailure ? message : `gave up after ${attempts} attempt(s): ${message}`;
        await schedules.closeGroup(group.groupKey, owner, reason, now);
        deps.logger.error({ groupKey: group.groupKey, attempts, err: error }, "outbox: gave up on a message");
        continue;
      }
      report.failed += 1;
      const nextAttemptAt = new Date(
        now.getTime() + retryDelay(attempts, tuning.baseRetryMs, tuning.maxRetryMs),
      );
      await schedules.releaseGroup(group.groupKey, owner, {
        error: message,
        nextAttemptAt,
        countAttempt: true,
      });
      deps.logger.warn(
        { groupKey: group.groupKey, attempts, nextAttemptAt, err: error },
        "outbox: send failed; retrying later",
      );
    }
  }
  report.nextAttemptAt = await schedules.nextAttemptAt();
  return report;
}
