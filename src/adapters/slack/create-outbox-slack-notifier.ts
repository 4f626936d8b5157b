import type { webApi } from "@slack/bolt";
import type { ChatNotifier } from "../../domain/ports/chat.ts";
import { RecipientDeactivatedError } from "../../domain/ports/chat.ts";
import { createSlackAccountStatus, type SlackAccountStatus } from "./create-slack-account-status.ts";
import { createSlackMessenger } from "./create-slack-messenger.ts";
import { asCoreErrors } from "./slack-errors.ts";

/**
 * The ChatNotifier the scheduled outbox sends with: the rendered message posted to the user's id (Slack puts it
 * in the bot's DM with them and answers with the DM's channel, one call per message) carrying its outbox key in
 * its metadata; a 429 surfaced as RateLimitedError so the outbox honours Retry-After, a refused token as
 * ChatAccessRevokedError, a deactivated member as RecipientDeactivatedError (nothing posted). Give it a client
 * from createOutboxWebClient.
 */
export function createOutboxSlackNotifier(
  client: webApi.WebClient,
  options: { accounts?: SlackAccountStatus } = {},
): ChatNotifier {
  const messenger = createSlackMessenger(client);
  const accounts = options.accounts ?? createSlackAccountStatus(client);
  return {
    async sendDirectMessage(person, message, sendOptions) {
      if (person.platform !== "slack") {
        throw new Error(`cannot DM ${person.platform} user ${person.externalId} on Slack`);
      }
      if (await accounts.isDeactivated(person.externalId))
        throw new RecipientDeactivatedError(person.externalId);
      return asCoreErrors(() => messenger.post(person.externalId, message, null, sendOptions));
    },
    findSent: (person, key, since) =>
      asCoreErrors(() => messenger.findInUserDm(person.externalId, key, since)),
  };
}
