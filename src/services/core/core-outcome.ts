import type { ReportFormModel } from "../../domain/messages/build-report-form.ts";
import type { OutboundMessage } from "../../domain/messages/message-types.ts";
import type { OutboundFile } from "../../domain/messages/outbound-file.ts";
import type { ChatMessageRef } from "../../domain/ports/chat.ts";

/**
 * A direct message the core sent now (`ref`), or could not send now (`error`): it is then queued in the outbox,
 * which sends it at `retryAt` or later, once.
 */
export interface Delivery {
  recipientId: string;
  recipientName: string;
  /** "urge", "approval-request", "approval-result". */
  kind: string;
  ref: ChatMessageRef | null;
  error: string | null;
  /** When the outbox tries a message not sent now again; null when it was sent. */
  retryAt: Date | null;
}

/** What an action leads to, for the front end to show. */
export interface CoreOutcome {
  /** Messages only the actor sees (Slack: ephemeral, or in the thread of their reply). */
  replies: OutboundMessage[];
  /** Open the report form (Slack: a modal) for this task. */
  openForm: ReportFormModel | null;
  /** Direct messages to others: sent through the ChatNotifier, or queued for the outbox to send later. */
  deliveries: Delivery[];
  /** Files for the actor (`/duban export`: the Excel ledger); Slack uploads them, the shell saves them. */
  attachments?: OutboundFile[];
}

export function outcome(
  replies: readonly OutboundMessage[],
  more: Partial<Omit<CoreOutcome, "replies">> = {},
): CoreOutcome {
  const result: CoreOutcome = {
    replies: [...replies],
    openForm: more.openForm ?? null,
    deliveries: more.deliveries ?? [],
  };
  if (more.attachments !== undefined) result.attachments = [...more.attachments];
  return result;
}
