import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { tellInConversation } from "../tell.ts";
import { isPersonInDirectMessage, MessageDeletedEventSchema, threadOf } from "./message-payloads.ts";

type MessageArgs = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs;

/** message_deleted: a person deleted a reply; the core withdraws the report it made. */
export function replyDeleted(deps: ListenerDeps) {
  return async ({ event, client }: MessageArgs): Promise<void> => {
    const parsed = MessageDeletedEventSchema.safeParse(event);
    if (!parsed.success)
      return deps.logger.debug(
        { issues: parsed.error.issues.length },
        "ignored an unreadable message_deleted",
      );
    const { channel, deleted_ts: ts, previous_message: previous } = parsed.data;
    if (!isPersonInDirectMessage(parsed.data, previous)) return;
    const tell = tellInConversation(deps.messenger, channel, threadOf(previous));
    await runListener(deps, { what: "reply_deleted", userId: previous.user, tell }, async () => {
      const user = await deps.profiles.chatUser(previous.user);
      const outcome = await deps.core.withdrawReply({ user, channel, ts });
      await showOutcome(client, { tell }, outcome);
    });
  };
}
