import type { DigestMessage } from "../messages/schedule-message-types.ts";
import type { ChatMessageRef } from "./chat-notifier.ts";

/**
 * Posts the weekly digest where readers see it (Slack: a channel, the long lists in the message's thread).
 * `channel` null means the front end's default digest channel. Returns where each message went, the main
 * one first. Throws RateLimitedError when nothing was posted because of a rate limit; once the main message
 * is posted it does not throw for its thread (a digest is never posted twice).
 */
export interface DigestPublisher {
  publish(channel: string | null, digest: DigestMessage): Promise<ChatMessageRef[]>;
}
