import type { webApi } from "@slack/bolt";
import type { ChatNotifier } from "../../domain/ports/chat-notifier.ts";
import { createSlackMessenger } from "./create-slack-messenger.ts";
import { surfacingRateLimits } from "./to-rate-limited-error.ts";

/**
 * The ChatNotifier the scheduled outbox sends with: the rendered message posted to the user's id (Slack puts it
 * in the bot's DM with them and answers with the DM's channel, one call per message), a 429 surfaced as
 * RateLimitedError so the outbox honours Retry-After. Give it a client from createOutboxWebClient.
 */
export function createOutboxSlackNotifier(client: webApi.WebClient): ChatNotifier {
  const messenger = createSlackMessenger(client);
  return {
    sendDirectMessage(person, message) {
      if (person.platform !== "slack") {
        return Promise.reject(new Error(`cannot DM ${person.platform} user ${person.externalId} on Slack`));
      }
      return surfacingRateLimits(() => messenger.post(person.externalId, message));
    },
  };
}
