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
  /**
   * The rows of one message share it: a message not delivered at once is left to the outbox, which sends
   * the group later, once (see OutboxStore). Without it the row is a record only, never resent.
   */
  groupKey?: string | null;
  /** The message, so an unsent row can be sent later. */
  payload: unknown;
  /** When the action made it (the core's clock): the ledger's 催办记录 files the row by this. */
  createdAt: Date;
}

/** Who is sending the rows being created: they are written claimed by `owner`, so no outbox pass takes them meanwhile. */
export interface ReminderClaim {
  owner: string;
  at: Date;
}

/** When a message that could not be sent now is tried again, by the outbox. */
export interface ReminderRetry {
  nextAttemptAt: Date;
  /** False for a rate limit (HTTP 429): it is no failed attempt. */
  countAttempt: boolean;
}

/** Messages Duban sends, and the tasks each one listed, so replies in its thread map back to them. */
export interface ReminderStore {
  /**
   * Creates the rows not already there (by idempotency key) with the audit entries, claimed by `claim` when
   * given; returns the keys created.
   */
  createReminders(
    rows: readonly NewReminder[],
    audits: readonly AuditEntry[],
    claim?: ReminderClaim,
  ): Promise<Set<string>>;
  markRemindersSent(idempotencyKeys: readonly string[], ref: ChatMessageRef, at: Date): Promise<void>;
  /** Records the failure and gives the rows back (unclaimed) to be sent by the outbox at `retry.nextAttemptAt`. */
  markRemindersFailed(idempotencyKeys: readonly string[], error: string, retry: ReminderRetry): Promise<void>;
  /** The tasks listed by the message `ts` Duban sent in `channel` (none when it is not one of Duban's). */
  findTaskIdsOfMessage(channel: string, ts: string): Promise<string[]>;
}
