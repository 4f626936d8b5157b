import type { DigestMessage } from "../messages/schedule-message-types.ts";
import type { ChatMessageRef, SendOptions } from "./chat-notifier.ts";

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
