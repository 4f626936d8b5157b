import type { EscalationHeader } from "../../domain/messages/build-escalation-message.ts";
import type { ReminderHeader } from "../../domain/messages/build-reminder-message.ts";
import type { OutboundMessage } from "../../domain/messages/message-types.ts";
import type { DigestMessage } from "../../domain/messages/schedule-message-types.ts";
import type { Locale } from "../../domain/supervision/locale.ts";

/**
 * What an outbox row holds. A DM to a contact is one row per task (so a reply in its thread maps to its
 * tasks), each with the DM's header; the message is put together when it is sent, from the tasks as they are
 * then (a task reported meanwhile is left out). A supervisors' summary or a digest is one row, built whole; a
 * direct message the core could not send at once (an urge, an approval request or result) is a group of
 * "message" rows, one per task it lists, each with the whole message.
 */
export type OutboxPayload =
  | { type: "reminder"; locale: Locale; header: ReminderHeader; taskId: string }
  | { type: "escalation"; locale: Locale; header: EscalationHeader; taskId: string }
  | { type: "message"; message: OutboundMessage }
  | { type: "digest"; channel: string | null; digest: DigestMessage };

export type TaskPayload = Extract<OutboxPayload, { taskId: string }>;

const TYPES = new Set(["reminder", "escalation", "message", "digest"]);

/** The group's payloads, or null when one cannot be read (the group is then closed, not retried). */
export function readPayloads(payloads: readonly unknown[]): OutboxPayload[] | null {
  const read = payloads.filter(
    (value): value is OutboxPayload =>
      typeof value === "object" && value !== null && TYPES.has((value as { type?: unknown }).type as string),
  );
  return read.length === payloads.length && read.length > 0 ? read : null;
}
