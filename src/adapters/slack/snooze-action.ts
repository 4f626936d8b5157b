import { z } from "zod";
import type { SnoozeOffer } from "../../domain/messages/schedule-message-types.ts";
import { BLOCK_LIMITS, type Button, plainText } from "./blocks/block-kit.ts";

/** The action_id of a reminder's "remind me next working day" button. */
export const SNOOZE_ACTION_ID = "duban.snooze";

/** What the snooze button carries: the reporting cycle it puts off. */
export const SnoozeButtonValueSchema = z.object({ cycle: z.string().regex(/^\d{4}-(W\d{2}|\d{2})$/) });

export function renderSnoozeButton(offer: SnoozeOffer): Button {
  return {
    type: "button",
    action_id: SNOOZE_ACTION_ID,
    text: plainText(offer.label, BLOCK_LIMITS.buttonText),
    value: JSON.stringify({ cycle: offer.cycleKey }),
  };
}
