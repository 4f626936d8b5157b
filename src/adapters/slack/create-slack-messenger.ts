import type { webApi } from "@slack/bolt";
import type { OutboundMessage } from "../../domain/messages/message-types.ts";
import type { ChatMessageRef, SendOptions } from "../../domain/ports/chat.ts";
import { renderMessage } from "./blocks/render-message.ts";
import { findKeyedMessage, outboxMetadata } from "./outbox-metadata.ts";

/** Posts rendered message models: into a conversation (optionally a thread), or to a user's DM with the bot. */
export interface SlackMessenger {
  post(
    channel: string,
    message: OutboundMessage,
    threadTs?: string | null,
    options?: SendOptions,
  ): Promise<ChatMessageRef>;
  /** Posts in the bot's DM with the user (found once, then remembered). */
  postToUser(
    userId: string,
    message: OutboundMessage,
    threadTs?: string | null,
    options?: SendOptions,
  ): Promise<ChatMessageRef>;
  /** The message in the bot's DM with the user, posted since `since`, that carries the outbox key `key`. */
  findInUserDm(userId: string, key: string, since: Date): Promise<ChatMessageRef | null>;
}

export function createSlackMessenger(client: webApi.WebClient): SlackMessenger {
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

  async function post(
    channel: string,
    message: OutboundMessage,
    threadTs?: string | null,
    options: SendOptions = {},
  ): Promise<ChatMessageRef> {
    const posted = await client.chat.postMessage({
      channel,
      ...renderMessage(message),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...outboxMetadata(options.key),
    });
    if (!posted.ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
    return { channel: posted.channel ?? channel, ts: posted.ts };
  }

  return {
    post,
    async postToUser(userId, message, threadTs, options) {
      const known = dmChannels.get(userId);
      if (known !== undefined || threadTs)
        return post(known ?? (await dmChannelOf(userId)), message, threadTs, options);
      // a new DM: chat.postMessage to the user id lands in the bot's DM with them and names it, so a batch of
      // DMs costs no conversations.open (Tier 3, about 50 a minute) per recipient
      const ref = await post(userId, message, null, options);
      dmChannels.set(userId, ref.channel);
      return ref;
    },
    findInUserDm: async (userId, key, since) =>
      findKeyedMessage(client, await dmChannelOf(userId), key, since),
  };
}
