/**
 * Why the chat platform would not take a message, as the core needs to tell them apart (adapters throw these;
 * RateLimitedError is the fourth). Each says what a person has to do, which the core tells the right people.
 */

/** Why a channel cannot take Duban's post: Duban is not in it (a private one must invite it), Slack does not know it (to Duban), or it is archived. */
export type ChannelProblem = "not_member" | "not_found" | "archived";

/** The digest channel cannot take the post (Slack: not_in_channel that joining did not cure, channel_not_found, is_archived). */
export class ChannelUnavailableError extends Error {
  constructor(
    /** The channel as people know it: "#duban-digest" (or its id when Duban cannot see its name). */
    readonly channelLabel: string,
    readonly problem: ChannelProblem,
    /** The bot's name in the chat, for "/invite @duban". */
    readonly botName: string,
  ) {
    super(`the digest channel ${channelLabel} cannot take the post (${problem})`);
    this.name = "ChannelUnavailableError";
  }
}

/** The recipient's chat account is deactivated: no message reaches them; their departments need a new contact. */
export class RecipientDeactivatedError extends Error {
  constructor(readonly externalId: string) {
    super(`the chat account ${externalId} is deactivated`);
    this.name = "RecipientDeactivatedError";
  }
}

/** The chat platform no longer accepts Duban's credentials (Slack: token_revoked, account_inactive). */
export class ChatAccessRevokedError extends Error {
  constructor(readonly code: string) {
    super(`the chat platform refused Duban's credentials (${code})`);
    this.name = "ChatAccessRevokedError";
  }
}
