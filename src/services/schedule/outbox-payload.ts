import { buildEscalationMessage, type EscalationHeader } from "../../domain/messages/build-escalation-message.ts";
import { buildReminderMessage, type ReminderHeader } from "../../domain/messages/build-reminder-message.ts";
import type { OutboundMessage, TaskItem } from "../../domain/messages/message-types.ts";
import type { DigestMessage, EscalationMessage } from "../../domain/messages/schedule-message-types.ts";
import type { ClaimedGroup } from "../../domain/ports/outbox-store.ts";
import type { Locale } from "../../domain/supervision/locale.ts";

/**
 * What an outbox row holds. Rows of a DM each hold one task (so a reply in the DM's thread maps to its tasks)
 * and the DM's header; the DM is put together when it is sent. A summary DM or a digest is one row.
 */
export type OutboxPayload =
  | { type: "reminder"; locale: Locale; header: ReminderHeader; item: TaskItem }
  | { type: "escalation"; locale: Locale; header: EscalationHeader; item: TaskItem }
  | { type: "message"; message: EscalationMessage }
  | { type: "digest"; channel: string | null; digest: DigestMessage };

/** What a claimed group is sent as: a direct message, or a digest post. */
export type OutboxDelivery =
  | { to: "person"; message: OutboundMessage }
  | { to: "channel"; channel: string | null; digest: DigestMessage };

const TYPES = new Set(["reminder", "escalation", "message", "digest"]);

function isPayload(value: unknown): value is OutboxPayload {
  return typeof value === "object" && value !== null && TYPES.has((value as { type?: unknown }).type as string);
}

function byMeasureThenDepartment(a: TaskItem, b: TaskItem): number {
  return a.measure.number - b.measure.number || a.departmentName.localeCompare(b.departmentName, "zh-CN");
}

function departmentsOf(items: readonly TaskItem[]): EscalationHeader["departments"] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.departmentName, (counts.get(item.departmentName) ?? 0) + 1);
  return [...counts].map(([name, overdueTasks]) => ({ name, overdueTasks }));
}

/** The message a claimed group is sent as; null when its rows cannot be read (they are closed, not retried). */
export function deliveryOfGroup(group: ClaimedGroup): OutboxDelivery | null {
  const payloads = group.payloads.filter(isPayload);
  const [first] = payloads;
  if (first === undefined || payloads.length !== group.payloads.length) return null;
  if (first.type === "digest") return { to: "channel", channel: first.channel, digest: first.digest };
  if (first.type === "message") return { to: "person", message: first.message };
  const items = payloads.flatMap((payload) => (payload.type === first.type ? [payload.item] : []));
  items.sort(byMeasureThenDepartment);
  if (first.type === "reminder") {
    return { to: "person", message: buildReminderMessage(first.locale, first.header, items, group.rowCount) };
  }
  const departments = departmentsOf(items);
  const header = { ...first.header, departments, totalDepartments: departments.length };
  return { to: "person", message: buildEscalationMessage(first.locale, header, items, group.rowCount) };
}
