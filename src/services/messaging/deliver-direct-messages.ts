import { randomUUID } from "node:crypto";
import type { OutboundMessage } from "../../domain/messages/message-types.ts";
import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type { ChatMessageRef } from "../../domain/ports/chat.ts";
import { isRateLimitedError } from "../../domain/ports/chat.ts";
import type { NewReminder, ReminderRetry } from "../../domain/ports/supervision-store.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import type { Delivery } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { OutboxPayload } from "../schedule/outbox-payload.ts";
import { retryDelay } from "../schedule/retry-delay.ts";
import { DEFAULT_SCHEDULE_TUNING } from "../schedule/schedule-runner-deps.ts";

/** One direct message to send, and the tasks it lists (so replies in its thread map back to them). */
export interface DirectMessage {
  recipient: Person;
  message: OutboundMessage;
  taskIds: readonly string[];
}

export interface DeliveryBatch {
  /** "urge", "approval-request", "approval-result". */
  kind: string;
  /** Who sends them (a person id, "system"). */
  actor: string;
  /**
   * The chat request that caused them (a Slack trigger_id or event_id). When given, it keys the rows in place
   * of the time, so the same request processed again (after a crash) finds its rows and sends nothing twice.
   */
  requestKey?: string;
  /** The reporting cycle or schedule slot. */
  slot: string;
  messages: readonly DirectMessage[];
  /** Written with the outbox rows, in the same transaction. */
  audits: readonly AuditEntry[];
}

function rowsFor(batch: DeliveryBatch, message: DirectMessage, at: Date): NewReminder[] {
  const taskIds = message.taskIds.length === 0 ? [null] : message.taskIds;
  // Actor and request (else time) make each action its own; the same request recorded twice is one.
  const action = batch.requestKey === undefined ? at.toISOString() : `request:${batch.requestKey}`;
  const keyOf = (taskId: string | null) =>
    `${batch.kind}:${batch.actor}:${action}:${message.recipient.id}:${taskId ?? "-"}`;
  // One message, one outbox group, named after its first row (so unique like the action).
  const groupKey = `direct:${keyOf(taskIds[0] ?? null)}`;
  const payload: OutboxPayload = { type: "message", message: message.message };
  return taskIds.map((taskId) => ({
    taskId,
    recipientId: message.recipient.id,
    kind: batch.kind,
    slot: batch.slot,
    idempotencyKey: keyOf(taskId),
    groupKey,
    payload,
    createdAt: at,
  }));
}

/** The outbox's first retry after a failure; a 429 waits for its Retry-After instead and is no failed attempt. */
function retryAfter(error: unknown, now: Date): ReminderRetry {
  if (isRateLimitedError(error))
    return { nextAttemptAt: new Date(now.getTime() + error.retryAfterMs), countAttempt: false };
  const { baseRetryMs, maxRetryMs } = DEFAULT_SCHEDULE_TUNING;
  return {
    nextAttemptAt: new Date(now.getTime() + retryDelay(1, baseRetryMs, maxRetryMs)),
    countAttempt: true,
  };
}

/**
 * Records the messages in the outbox (Reminder rows, one group per message, claimed by this call) with the
 * audit entries, then sends each through the ChatNotifier at once and marks its rows sent with the chat
 * reference. A message that fails to send is given back to the outbox, which the schedule runner drains:
 * it is sent later, with backoff (after Retry-After on a 429, counted from when the 429 arrived), exactly once;
 * it is reported, not thrown. Each message carries its outbox key (SendOptions.key) into the chat.
 * After a 429 the rest are not tried now but queued the same way. A message whose rows were already
 * recorded (same idempotency key) is not sent again.
 */
export async function deliverDirectMessages(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  batch: DeliveryBatch,
): Promise<Delivery[]> {
  const at = deps.clock.now();
  const claim = { owner: `direct:${randomUUID()}`, at };
  const planned = batch.messages.map((message) => ({ message, rows: rowsFor(batch, message, at) }));
  const created = await deps.store.createReminders(
    planned.flatMap((entry) => entry.rows),
    batch.audits,
    claim,
  );
  const deliveries: Delivery[] = [];
  let rateLimited: { error: string; retry: ReminderRetry } | null = null;
  for (const { message, rows } of planned) {
    const keys = rows.map((row) => row.idempotencyKey).filter((key) => created.has(key));
    if (keys.length === 0) continue;
    const base = {
      recipientId: message.recipient.id,
      recipientName: message.recipient.displayName,
      kind: batch.kind,
    };
    if (rateLimited !== null) {
      await deps.store.markRemindersFailed(keys, rateLimited.error, rateLimited.retry);
      deliveries.push({
        ...base,
        ref: null,
        error: rateLimited.error,
        retryAt: rateLimited.retry.nextAttemptAt,
      });
      continue;
    }
    let ref: ChatMessageRef;
    try {
      // the group's key goes with the message, so a crash right after Slack took it can be reconciled
      const key = rows[0]?.groupKey;
      ref = await deps.notifier.sendDirectMessage(message.recipient, message.message, key ? { key } : {});
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retry = retryAfter(error, deps.clock.now());
      if (isRateLimitedError(error)) rateLimited = { error: reason, retry };
      await deps.store.markRemindersFailed(keys, reason, retry);
      deliveries.push({ ...base, ref: null, error: reason, retryAt: retry.nextAttemptAt });
      continue;
    }
    // Sent: should recording it fail, the rows stay claimed (in doubt) until the schedule runner's delivery
    // pass finds the message by its key in Slack and marks them sent (reconcileInDoubt), never sending it twice.
    await deps.store.markRemindersSent(keys, ref, deps.clock.now()).catch(() => undefined);
    deliveries.push({ ...base, ref, error: null, retryAt: null });
  }
  return deliveries;
}
