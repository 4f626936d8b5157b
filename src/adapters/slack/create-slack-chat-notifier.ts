import type { webApi } from "@slack/bolt";
import type { OutboundMessage } from "../../domain/messages/message-types.ts";
import type { ChatMessageRef, ChatNotifier } from "../../domain/ports/chat-notifier.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { renderMessage } from "./blocks/render-message.ts";

/**
 * The core's ChatNotifier on Slack: opens (once per user, then remembered) the bot's DM with the person
 * (conversations.open) and posts the rendered message there (chat.postMessage). Rate limits (HTTP 429) are
 * waited out by the WebClient's retry policy; any other failure rejects, and the core keeps the message to
 * resend.
 */
export function createSlackChatNotifier(client: webApi.WebClient): ChatNotifier {
  const dmChannels = new Map<string, string>();

  async function dmChannelOf(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known !== undefined) return known;
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`conversations.open returned no channel for ${userId}`);
    dmChannels.set(userId, channel);
    return channel;
  }

  return {
    async sendDirectMessage(person: Person, message: OutboundMessage): Promise<ChatMessageRef> {
      if (person.platform !== "slack") throw new Error(`cannot DM ${person.platform} user ${person.externalId} on Slack`);
      const channel = await dmChannelOf(person.externalId);
      const posted = await client.chat.postMessage({ channel, ...renderMessage(message) });
      if (!posted.ts) throw new Error(`chat.postMessage returned no ts for ${person.externalId}`);
      return { channel: posted.channel ?? channel, ts: posted.ts };
    },
  };
}
