import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { tellInConversation } from "../tell.ts";
import { isPersonInDirectMessage, MessageChangedEventSchema, threadOf } from "./message-payloads.ts";

type MessageArgs = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs;

/**
 * message_changed: a person edited a reply; the core updates the report it made. Changes that leave the text
 * as it was (link unfurls) are ignored.
 */
export function replyChanged(deps: ListenerDeps) {
  return async ({ event, client }: MessageArgs): Promise<void> => {
    const parsed = MessageChangedEventSchema.safeParse(event);
    if (!parsed.success)
      return deps.logger.debug(
        { issues: parsed.error.issues.length },
        "ignored an unreadable message_changed",
      );
    const { channel, message, previous_message: previous } = parsed.data;
    if (
      !isPersonInDirectMessage(parsed.data, message) ||
      message.text === undefined ||
      message.text === previous?.text
    )
      return;
    const tell = tellInConversation(deps.messenger, channel, threadOf(message));
    await runListener(deps, { what: "reply_changed", userId: message.user, tell }, async () => {
      const user = await deps.profiles.chatUser(message.user);
      const outcome = await deps.core.reviseReply({
        user,
        channel,
        ts: message.ts ?? "",
        text: message.text ?? "",
      });
      await showOutcome(client, { tell }, outcome);
    });
  };
}
