import type { OutboundMessage } from "../messages/message-types.ts";
import type { Person } from "../supervision/supervision-types.ts";

/** Where a sent message is in the chat: its conversation and timestamp (Slack's channel + ts). */
export interface ChatMessageRef {
  channel: string;
  ts: string;
}

/** The chat front end, as the core sees it: it renders a message model and delivers it. */
export interface ChatNotifier {
  /** Sends a direct message to the person; returns where it went so replies in its thread can be mapped. */
  sendDirectMessage(person: Person, message: OutboundMessage): Promise<ChatMessageRef>;
}
