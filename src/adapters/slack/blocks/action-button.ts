import type { MessageAction } from "../../../domain/messages/message-types.ts";
import { encodeAction } from "../action-values.ts";
import { BLOCK_LIMITS, type Button, plainText } from "./block-kit.ts";

const STYLES: Partial<Record<MessageAction["kind"], "primary" | "danger">> = {
  report: "primary",
  approve: "primary",
  return: "danger",
};

/** A button for one of a message model's actions. */
export function actionButton(action: MessageAction): Button {
  const { actionId, value } = encodeAction(action);
  const style = STYLES[action.kind];
  return {
    type: "button",
    action_id: actionId,
    text: plainText(action.label, BLOCK_LIMITS.buttonText),
    value,
    ...(style ? { style } : {}),
  };
}
