import type { SlackIds } from "./create-slack-ids.ts";
import { TRIGGER_ID_PATTERN } from "./create-slack-ids.ts";
import type { SlackUserFixture, SlackWorkspace } from "./create-slack-workspace.ts";
import type { JsonObject } from "./json-object.ts";

/** A channel, a DM ("D...") or a group DM ("G...") the double knows. */
export interface Conversation {
  id: string;
  kind: "channel" | "im" | "mpim";
  name?: string;
  botIsMember: boolean;
  /** A private channel: invisible (channel_not_found) to a bot that is not in it. */
  isPrivate?: boolean;
  isArchived?: boolean;
  members?: string[];
  /** The other party of a DM. */
  user?: string;
}

/** A message as the double keeps it: posted by the bot, or by a user through the driver. */
export interface StoredMessage {
  channel: string;
  ts: string;
  user: string;
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  threadTs?: string;
  botId?: string;
  /** Set for chat.postEphemeral: only this user sees it; it cannot be updated or deleted. */
  ephemeralTo?: string;
  files?: string[];
  deleted: boolean;
  edited?: { ts: string; user: string };
  /** chat.postMessage's `metadata` ({ event_type, event_payload }), returned by conversations.history with include_all_metadata. */
  metadata?: JsonObject;
}

/** A modal or Home tab; `view` is the object Slack returns (id, hash, state, root_view_id ...). */
export interface StoredView {
  id: string;
  type: "modal" | "home";
  userId: string;
  hash: string;
  view: JsonObject;
}

export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  bytes?: Buffer;
  title?: string;
  completed: boolean;
  /** Who uploaded it (the bot when unset). */
  user?: string;
  /** Seconds since the epoch. */
  created?: number;
  /** Set when the file was deleted: files.info answers file_deleted. */
  deleted?: boolean;
}

interface Trigger {
  userId: string;
  issuedAt: number;
  used: boolean;
}

type TriggerCheck = { userId: string } | { error: string };

export class DoubleState {
  conversations = new Map<string, Conversation>();
  messages: StoredMessage[] = [];
  views = new Map<string, StoredView>();
  files = new Map<string, StoredFile>();
  /** Open modal stacks per user: views.open starts one, views.push adds to it (at most 3, views.push docs). */
  modalStacks = new Map<string, string[]>();
  /** Users deactivated in the workspace (users.info answers `deleted: true`; posting to them still succeeds). */
  deletedUsers = new Set<string>();
  /** What every call with the bot token answers once the token is revoked or the workspace is gone. */
  tokenRefusal: "token_revoked" | "account_inactive" | null = null;
  private triggers = new Map<string, Trigger>();

  constructor(
    readonly workspace: SlackWorkspace,
    readonly ids: SlackIds,
    readonly now: () => number,
    readonly triggerTtlMs: number,
  ) {
    this.reset();
  }

  reset(): void {
    this.conversations = new Map(
      this.workspace.channels.map((channel) => [
        channel.id,
        {
          id: channel.id,
          kind: "channel",
          name: channel.name,
          // a newly installed bot is in no channel: someone invites it, or it joins a public one
          botIsMember: channel.botIsMember ?? false,
          members: channel.members,
          isPrivate: channel.isPrivate ?? false,
          isArchived: channel.isArchived ?? false,
        },
      ]),
    );
    this.messages = [];
    this.views = new Map();
    this.files = new Map();
    this.modalStacks = new Map();
    this.triggers = new Map();
    this.deletedUsers = new Set(this.workspace.users.filter((user) => user.deleted).map((user) => user.id));
    this.tokenRefusal = null;
  }

  findUser(id: unknown): SlackUserFixture | undefined {
    const { bot } = this.workspace;
    if (id === bot.userId)
      return { id: bot.userId, name: bot.name, realName: bot.name, isBot: true, botId: bot.botId };
    return this.workspace.users.find((user) => user.id === id);
  }

  /** The bot's DM with a user, opened on first use (conversations.open, or chat.postMessage to a user id). */
  openIm(userId: string): { conversation: Conversation; alreadyOpen: boolean } {
    const existing = [...this.conversations.values()].find((c) => c.kind === "im" && c.user === userId);
    if (existing) return { conversation: existing, alreadyOpen: true };
    const conversation: Conversation = {
      id: this.ids.id("D"),
      kind: "im",
      botIsMember: true,
      user: userId,
      members: [userId],
    };
    this.conversations.set(conversation.id, conversation);
    return { conversation, alreadyOpen: false };
  }

  /** Resolves a `channel` argument: an id, a name ("#general" or "general"), or (where allowed) a user id. */
  resolveChannel(value: unknown, options: { allowUserId: boolean }): Conversation | undefined {
    if (typeof value !== "string" || value === "") return undefined;
    const byId = this.conversations.get(value);
    if (byId) return byId;
    if (options.allowUserId && this.findUser(value)) return this.openIm(value).conversation;
    const name = value.replace(/^#/, "");
    return [...this.conversations.values()].find((c) => c.kind === "channel" && c.name === name);
  }

  /**
   * resolveChannel as the bot sees it: a private channel it is not in does not exist for it
   * (channel_not_found, not not_in_channel: getsentry/sentry#119600, mishk0/slack-bot-api#97).
   */
  visibleChannel(value: unknown, options: { allowUserId: boolean }): Conversation | undefined {
    const conversation = this.resolveChannel(value, options);
    if (conversation?.isPrivate && !conversation.botIsMember) return undefined;
    return conversation;
  }

  /** Why the bot cannot post in a conversation it can see: archived, or not a member; undefined when it can. */
  postingRefusal(conversation: Conversation): "is_archived" | "not_in_channel" | undefined {
    if (conversation.isArchived) return "is_archived";
    return conversation.botIsMember ? undefined : "not_in_channel";
  }

  findMessage(channel: string, ts: unknown): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted && !m.ephemeralTo);
  }

  registerTrigger(triggerId: string, userId: string): void {
    this.triggers.set(triggerId, { userId, issuedAt: this.now(), used: false });
  }

  /** Exchanges a trigger_id once, within the TTL (views.open docs: exchanged/expired/invalid_trigger_id). */
  useTrigger(triggerId: unknown): TriggerCheck {
    if (typeof triggerId !== "string" || !TRIGGER_ID_PATTERN.test(triggerId))
      return { error: "invalid_trigger_id" };
    const trigger = this.triggers.get(triggerId);
    if (!trigger) return { error: "invalid_trigger_id" };
    if (trigger.used) return { error: "exchanged_trigger_id" };
    if (this.now() - trigger.issuedAt > this.triggerTtlMs) return { error: "expired_trigger_id" };
    trigger.used = true;
    return { userId: trigger.userId };
  }
}
