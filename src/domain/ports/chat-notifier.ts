import type { OutboundMessage } from "../messages/message-types.ts";
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
