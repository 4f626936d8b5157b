import type { AuditEntry } from "./audit-entry.ts";
import type { ChatMessageRef } from "./chat-notifier.ts";

/** A direct message to send, recorded before it is sent (an outbox row: Reminder). */
export interface NewReminder {
  taskId: string | null;
  recipientId: string;
  /** "urge", "approval-request", "approval-result" ... */
  kind: string;
  /** The reporting cycle or schedule slot it belongs to ("2026-11"). */
  slot: string;
  /** Unique: a second row with the same key is not created (and its message not sent again). */
  idempotencyKey: string;
  /** The message, so an unsent row can be sent later. */
  payload: unknown;
}

/** Messages Duban sends, and the tasks each one listed, so replies in its thread map back to them. */
export interface ReminderStore {
  /** Creates the rows not already there (by idempotency key) with the audit entries; returns the keys created. */
  createReminders(rows: readonly NewReminder[], audits: readonly AuditEntry[]): Promise<Set<string>>;
  markRemindersSent(idempotencyKeys: readonly string[], ref: ChatMessageRef, at: Date): Promise<void>;
  markRemindersFailed(idempotencyKeys: readonly string[], error: string, at: Date): Promise<void>;
  /** The tasks listed by the message `ts` Duban sent in `channel` (none when it is not one of Duban's). */
  findTaskIdsOfMessage(channel: string, ts: string): Promise<string[]>;
}
