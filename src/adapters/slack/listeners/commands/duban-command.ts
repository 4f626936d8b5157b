import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { uploadFile } from "../../upload-file.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { refreshHome } from "../publish-home.ts";
import { runListener } from "../run-listener.ts";
import { showOutcome } from "../show-outcome.ts";
import { tellByRespond } from "../tell.ts";
import { readSlackMentions } from "./read-slack-mentions.ts";

/**
 * `/duban <subcommand>`: ack at once, run the command in the core, answer ephemerally (or open the report
 * form), then republish the user's Home when the command changed their tasks.
 */
export function dubanCommand(deps: ListenerDeps) {
  return async ({
    ack,
    command,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const tell = tellByRespond(respond);
    await runListener(deps, { what: "command", userId: command.user_id, tell }, async () => {
      const user = await deps.profiles.chatUser(command.user_id);
      const { text, names } = await readSlackMentions(command.text ?? "", deps.profiles);
      // keyed by the trigger_id: the same command processed again from the inbox after a crash sends no DM twice
      const outcome = await deps.core.runCommand(user, text, names, `trigger:${command.trigger_id}`);
      await showOutcome(client, { triggerId: command.trigger_id, tell }, outcome);
      // files the command made (the /duban export ledger) go to the requester's DM, opened explicitly:
      // files.completeUploadExternal shares into a conversation id, not a user id
      const files = outcome.attachments ?? [];
      if (files.length > 0) {
        const opened = await client.conversations.open({ users: command.user_id });
        const channelId = opened.channel?.id;
        if (channelId === undefined) throw new Error("conversations.open returned no channel");
        for (const file of files) await uploadFile(client, file, { channelId });
      }
      await refreshHome(deps, client, user, outcome);
    });
  };
}
