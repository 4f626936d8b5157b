import type { OutboundMessage } from "../domain/messages/message-types.ts";
import type { AuditEntry } from "../domain/ports/audit-entry.ts";
import type { NewReminder } from "../domain/ports/reminder-store.ts";
import type { Person } from "../domain/supervision/supervision-types.ts";
import type { Delivery } from "./core-outcome.ts";
import type { SupervisionDeps } from "./supervision-deps.ts";

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
  /** The reporting cycle or schedule slot. */
  slot: string;
  messages: readonly DirectMessage[];
  /** Written with the outbox rows, in the same transaction. */
  audits: readonly AuditEntry[];
}

function rowsFor(batch: DeliveryBatch, message: DirectMessage, at: Date): NewReminder[] {
  const taskIds = message.taskIds.length === 0 ? [null] : message.taskIds;
  return taskIds.map((taskId) => ({
    taskId,
    recipientId: message.recipient.id,
    kind: batch.kind,
    slot: batch.slot,
    // Actor and time make each urge its own; the same action recorded twice (same instant) is one.
    idempotencyKey: `${batch.kind}:${batch.actor}:${at.toISOString()}:${message.recipient.id}:${taskId ?? "-"}`,
    payload: { message: message.message },
  }));
}

/**
 * Records the messages as outbox rows (Reminder) with the audit entries, then sends each through the
 * ChatNotifier and marks its rows sent with the chat reference. A message that fails to send stays
 * recorded with its error, to be sent again; it is reported, not thrown. A message whose rows were
 * already recorded (same idempotency key) is not sent again.
 */
export async function deliverDirectMessages(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  batch: DeliveryBatch,
): Promise<Delivery[]> {
  const at = deps.clock.now();
  const planned = batch.messages.map((message) => ({ message, rows: rowsFor(batch, message, at) }));
  const created = await deps.store.createReminders(
    planned.flatMap((entry) => entry.rows),
    batch.audits,
  );
  const deliveries: Delivery[] = [];
  for (const { message, rows } of planned) {
    const keys = rows.map((row) => row.idempotencyKey).filter((key) => created.has(key));
    if (keys.length === 0) continue;
    const base = {
      recipientId: message.recipient.id,
      recipientName: message.recipient.displayName,
      kind: batch.kind,
    };
    try {
      const ref = await deps.notifier.sendDirectMessage(message.recipient, message.message);
      await deps.store.markRemindersSent(keys, ref, deps.clock.now());
      deliveries.push({ ...base, ref, error: null });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await deps.store.markRemindersFailed(keys, reason, deps.clock.now());
      deliveries.push({ ...base, ref: null, error: reason });
    }
  }
  return deliveries;
}
