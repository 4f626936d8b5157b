import type { RespondFn } from "@slack/bolt";
import type { OutboundMessage } from "../../../domain/messages/message-types.ts";
import { renderMessage } from "../blocks/render-message.ts";
import type { SlackMessenger } from "../create-slack-messenger.ts";

export type Tell = (message: OutboundMessage) => Promise<unknown>;

/** An ephemeral answer through the interaction's response_url: only the user sees it. */
export function tellByRespond(respond: RespondFn): Tell {
  return (message) =>
    respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(message) });
}

/** A message in the user's DM with the bot (only they see it), in a thread when given. */
export function tellInDirectMessage(
  messenger: SlackMessenger,
  userId: string,
  threadTs?: string | null,
): Tell {
  return (message) => messenger.postToUser(userId, message, threadTs);
}

/** A message in a conversation the user is having with the bot (their DM), in a thread when given. */
export function tellInConversation(
  messenger: SlackMessenger,
  channel: string,
  threadTs?: string | null,
): Tell {
  return (message) => messenger.post(channel, message, threadTs);
}
