import type { webApi } from "@slack/bolt";
import type { OutboundMessage } from "../../../domain/messages/message-types.ts";
import type { CoreOutcome } from "../../../services/core/core-outcome.ts";
import { renderReportModal } from "../blocks/render-report-modal.ts";
import { encodeMetadata } from "../view-metadata.ts";

export interface OutcomeSurface {
  /** The interaction's trigger_id, needed to open the report form. */
  triggerId?: string | undefined;
  /** The message whose button was pressed, so the receipt can answer in its thread. */
  origin?: { channel?: string | undefined; ts?: string | undefined };
  /** Shows a reply to the acting user only. */
  tell(message: OutboundMessage): Promise<unknown>;
}

/**
 * A request processed again (Slack delivered it again, or the inbox replayed it after a restart): its only
 * answer is the receipt already given the first time, which is not posted again.
 */
export function isRedelivery(outcome: CoreOutcome): boolean {
  return (
    outcome.replies.length > 0 &&
    outcome.replies.every((reply) => reply.kind === "report_receipt" && reply.duplicate)
  );
}

/** Shows the core's outcome: opens the report form (views.open) and tells the user the replies. */
export async function showOutcome(
  client: webApi.WebClient,
  surface: OutcomeSurface,
  outcome: CoreOutcome,
): Promise<void> {
  const form = outcome.openForm;
  if (form !== null) {
    if (!surface.triggerId) throw new Error("the report form needs a trigger_id to open");
    const metadata = encodeMetadata({
      task: form.taskId,
      ...(form.reportId ? { report: form.reportId } : {}),
      ...(surface.origin?.channel ? { channel: surface.origin.channel } : {}),
      ...(surface.origin?.ts ? { ts: surface.origin.ts } : {}),
    });
    await client.views.open({ trigger_id: surface.triggerId, view: renderReportModal(form, metadata) });
  }
  for (const reply of outcome.replies) await surface.tell(reply);
}
