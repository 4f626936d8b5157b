// The chat ports: sending messages (ChatNotifier), posting the digest (DigestPublisher), the workspace's
// users (UserDirectory), and the errors a chat platform's refusals become (rate limits, revoked access …).
import type { OutboundMessage } from "../messages/message-types.ts";
import type { DigestMessage } from "../messages/schedule-message-types.ts";
import type { Person } from "../supervision/supervision-types.ts";

/** Where a sent message is in the chat: its conversation and timestamp (Slack's channel + ts). */
export interface ChatMessageRef {
  channel: string;
  ts: string;
}

/** How a message is sent. */
export interface SendOptions {
  /**
   * The outbox key the message carries into the chat (Slack: chat.postMessage `metadata`), so that after a
   * crash Duban can tell whether it arrived (findSent).
   */
  key?: string;
}

/** The chat front end, as the core sees it: it renders a message model and delivers it. */
export interface ChatNotifier {
  /**
   * Sends a direct message to the person; returns where it went so replies in its thread can be mapped.
   * Throws RateLimitedError, RecipientDeactivatedError or ChatAccessRevokedError when the chat says so.
   */
  sendDirectMessage(person: Person, message: OutboundMessage, options?: SendOptions): Promise<ChatMessageRef>;
  /**
   * The message sent to the person since `since` carrying `key` (SendOptions.key), or null when the chat
   * has none: how a message whose send was in doubt (the process died mid-send) is reconciled.
   */
  findSent?(person: Person, key: string, since: Date): Promise<ChatMessageRef | null>;
}

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

/**
 * A chat platform refused a call for now (Slack: HTTP 429 with `Retry-After`). Adapters throw it; the
 * outbox waits `retryAfterMs` before sending again, without counting it as a failed attempt.
 */
export class RateLimitedError extends Error {
  readonly retryAfterMs: number;

  constructor(
    retryAfterMs: number,
    message = `rate limited: retry after ${Math.ceil(retryAfterMs / 1000)} s`,
  ) {
    super(message);
    this.name = "RateLimitedError";
    this.retryAfterMs = Math.max(0, retryAfterMs);
  }
}

export function isRateLimitedError(error: unknown): error is RateLimitedError {
  return error instanceof RateLimitedError;
}

/**
 * Posts the weekly digest where readers see it (Slack: a channel, the long lists in the message's thread).
 * `channel` null means the front end's default digest channel. Returns where each message went, the main
 * one first. Throws RateLimitedError when nothing was posted because of a rate limit, ChannelUnavailableError
 * when the channel cannot take it (Duban not in it, unknown, archived); once the main message is posted it
 * does not throw for its thread (a digest is never posted twice).
 */
export interface DigestPublisher {
  publish(channel: string | null, digest: DigestMessage, options?: SendOptions): Promise<ChatMessageRef[]>;
  /** The main message posted since `since` carrying `key`, or null: reconciles a digest in doubt after a crash. */
  findPublished?(channel: string | null, key: string, since: Date): Promise<ChatMessageRef | null>;
}

/** A chat workspace's user, found by e-mail. */
export interface DirectoryUser {
  externalId: string;
  displayName: string;
  locale: string | null;
}

/** The chat platform's user directory (Slack: users.lookupByEmail), for importing contacts. */
export interface UserDirectory {
  /** The platform the ids belong to ("slack"). */
  platform: string;
  lookupByEmail(email: string): Promise<DirectoryUser | null>;
}
