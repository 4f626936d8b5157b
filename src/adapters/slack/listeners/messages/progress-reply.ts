import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { readSlackFiles, toEvidenceFiles } from "../../slack-evidence-files.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { runListener } from "../run-listener.ts";
import { isRedelivery, showOutcome } from "../show-outcome.ts";
import { tellInConversation } from "../tell.ts";
import { isPersonInDirectMessage, NewMessageEventSchema, threadOf } from "./message-payloads.ts";

type MessageArgs = SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs;

/**
 * A person's message in their DM with Duban, or in the thread of a Duban DM: the core reads it as a progress
 * report (or asks back), keyed by the event_id so a re-delivered event stores one report; the answer goes
 * where the message was. Files shared with it (a photo, a PDF) are kept as evidence: with the report it makes,
 * or, shared without words, with the sender's latest report.
 */
export function progressReply(deps: ListenerDeps) {
  return async ({ event, body, client }: MessageArgs): Promise<void> => {
    const parsed = NewMessageEventSchema.safeParse(event);
    if (!parsed.success)
      return deps.logger.debug({ issues: parsed.error.issues.length }, "ignored an unreadable message event");
    const message = parsed.data;
    const files = readSlackFiles(message.files);
    if (!isPersonInDirectMessage(message, message) || (!message.text?.trim() && files.length === 0)) return;
    const threadTs = threadOf(message);
    const tell = tellInConversation(deps.messenger, message.channel, threadTs);
    await runListener(deps, { what: "progress_reply", userId: message.user, tell }, async () => {
      const user = await deps.profiles.chatUser(message.user);
      const evidence = await toEvidenceFiles(client, files, (error, file) =>
        deps.logger.warn({ err: error, file }, "files.info failed; the file is kept by its id"),
      );
      const reply = {
        user,
        text: message.text ?? "",
        channel: message.channel,
        ts: message.ts,
        threadTs,
        eventId: body.event_id,
        files: evidence,
      };
      const outcome = await deps.core.recordReply(reply);
      if (isRedelivery(outcome))
        return deps.logger.debug({ eventId: body.event_id }, "re-delivered event: report already stored");
      await showOutcome(client, { tell }, outcome);
    });
  };
}
