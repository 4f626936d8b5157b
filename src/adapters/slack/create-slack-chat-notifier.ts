import type { ChatNotifier } from "../../domain/ports/chat.ts";
import type { SlackMessenger } from "./create-slack-messenger.ts";

/**
 * The core's ChatNotifier on Slack: the bot's DM with the person (conversations.open), the rendered message
 * posted there (chat.postMessage) with its outbox key in its metadata; returns its channel and ts so replies in
 * its thread map back. Rate limits (HTTP 429) are waited out by the WebClient's retry policy, from the moment
 * each 429 arrives; any other failure rejects, and the core keeps the message to resend.
 */
export function createSlackChatNotifier(messenger: SlackMessenger): ChatNotifier {
  return {
    sendDirectMessage(person, message, options) {
      if (person.platform !== "slack") {
        return Promise.reject(new Error(`cannot DM ${person.platform} user ${person.externalId} on Slack`));
      }
      return messenger.postToUser(person.externalId, message, null, options);
    },
    findSent: (person, key, since) => messenger.findInUserDm(person.externalId, key, since),
  };
}
