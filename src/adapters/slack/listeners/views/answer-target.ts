import type { SlackMessenger } from "../../create-slack-messenger.ts";
import { type Tell, tellInConversation, tellInDirectMessage } from "../tell.ts";

/**
 * Where to answer a modal's submission: in the thread of the DM message whose button opened it (the urge
 * or approval request), else in the user's DM with the bot.
 */
export function answerTarget(
  messenger: SlackMessenger,
  userId: string,
  origin: { channel?: string | undefined; ts?: string | undefined },
): Tell {
  if (origin.channel?.startsWith("D") && origin.ts)
    return tellInConversation(messenger, origin.channel, origin.ts);
  return tellInDirectMessage(messenger, userId);
}
