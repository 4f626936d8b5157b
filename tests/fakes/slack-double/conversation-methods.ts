import { toSlackMessage } from "./chat-methods.ts";
import type { Conversation, DoubleState } from "./double-state.ts";
import { booleanArg, type MethodContext, stringArg, type WebApiMethod } from "./method-context.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";

/**
 * Channels as the bot sees them (errors from slack-ruby/slack-api-ref methods/conversations/*.json and
 * docs.slack.dev/reference/methods/conversations.*): a private channel it is not in is channel_not_found;
 * conversations.join works on public channels only; history needs membership.
 */

/** The channel object of conversations.info / conversations.join / conversations.list. */
function toSlackChannel(conversation: Conversation, state: DoubleState) {
  if (conversation.kind === "im") {
    return { id: conversation.id, is_im: true, user: conversation.user, is_open: true };
  }
  return {
    id: conversation.id,
    name: conversation.name,
    name_normalized: conversation.name,
    is_channel: conversation.kind === "channel" && !conversation.isPrivate,
    is_group: conversation.kind === "channel" && Boolean(conversation.isPrivate),
    is_im: false,
    is_mpim: conversation.kind === "mpim",
    is_private: conversation.kind === "mpim" || Boolean(conversation.isPrivate),
    is_archived: Boolean(conversation.isArchived),
    is_member: conversation.botIsMember,
    created: Math.floor(state.now() / 1000),
  };
}

/** conversations.join: a public channel, by id; "already_in_channel" as a warning when it is in already. */
function conversationsJoin({ state, args }: MethodContext): SlackApiResult {
  const id = stringArg(args, "channel");
  const conversation = id === undefined ? undefined : state.conversations.get(id);
  if (!conversation || (conversation.isPrivate && !conversation.botIsMember))
    return slackApiError("channel_not_found");
  if (conversation.kind !== "channel" || conversation.isPrivate)
    return slackApiError("method_not_supported_for_channel_type");
  if (conversation.isArchived) return slackApiError("is_archived");
  const already = conversation.botIsMember;
  conversation.botIsMember = true;
  return {
    ok: true,
    channel: toSlackChannel(conversation, state),
    ...(already
      ? { warning: "already_in_channel", response_metadata: { warnings: ["already_in_channel"] } }
      : {}),
  };
}

function conversationsInfo({ state, args }: MethodContext): SlackApiResult {
  const id = stringArg(args, "channel");
  const conversation = id === undefined ? undefined : state.conversations.get(id);
  if (!conversation || (conversation.isPrivate && !conversation.botIsMember))
    return slackApiError("channel_not_found");
  return { ok: true, channel: toSlackChannel(conversation, state) };
}

/** Offsets as opaque cursors (Slack's are base64 too). */
const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64");
function offsetOf(cursor: string | undefined): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor ?? "", "base64").toString("utf8"));
  return match ? Number(match[1]) : 0;
}

/** Slack's page size: `limit` (default 100, at most 999 for history, 1000 for lists). */
function limitOf(args: MethodContext["args"], max: number): number {
  const limit = Number(stringArg(args, "limit") ?? 100);
  return Number.isFinite(limit) && limit > 0 ? Math.min(Math.floor(limit), max) : 100;
}

/**
 * conversations.list: `types` (default public_channel; private_channel lists only those the bot is in),
 * exclude_archived, cursor pagination.
 */
function conversationsList({ state, args }: MethodContext): SlackApiResult {
  const types = new Set((stringArg(args, "types") ?? "public_channel").split(",").map((t) => t.trim()));
  const excludeArchived = booleanArg(args, "exclude_archived");
  const all = [...state.conversations.values()].filter((conversation) => {
    if (excludeArchived && conversation.isArchived) return false;
    if (conversation.kind === "im") return types.has("im");
    if (conversation.kind === "mpim") return types.has("mpim");
    if (conversation.isPrivate) return types.has("private_channel") && conversation.botIsMember;
    return types.has("public_channel");
  });
  const start = offsetOf(stringArg(args, "cursor"));
  const limit = limitOf(args, 1000);
  const next = start + limit < all.length ? cursorOf(start + limit) : "";
  return {
    ok: true,
    channels: all.slice(start, start + limit).map((conversation) => toSlackChannel(conversation, state)),
    response_metadata: { next_cursor: next },
  };
}

/**
 * conversations.history: the conversation's top-level messages (thread replies only when broadcast, which
 * Duban never does), newest first, between `oldest` and `latest` (exclusive unless `inclusive`), `limit` per
 * page with has_more and a cursor. Metadata is returned only with include_all_metadata.
 */
function conversationsHistory(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const conversation = state.visibleChannel(args.channel, { allowUserId: false });
  if (!conversation) return slackApiError("channel_not_found");
  if (!conversation.botIsMember) return slackApiError("not_in_channel");
  const inclusive = booleanArg(args, "inclusive");
  const oldest = Number(stringArg(args, "oldest") ?? 0);
  const latest = Number(stringArg(args, "latest") ?? Number.POSITIVE_INFINITY);
  const inRange = (ts: number) =>
    (inclusive ? ts >= oldest : ts > oldest) && (inclusive ? ts <= latest : ts < latest);
  const messages = state.messages
    .filter(
      (message) =>
        message.channel === conversation.id &&
        !message.deleted &&
        message.ephemeralTo === undefined &&
        (message.threadTs === undefined || message.threadTs === message.ts) &&
        inRange(Number(message.ts)),
    )
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const start = offsetOf(stringArg(args, "cursor"));
  const limit = limitOf(args, 999);
  const page = messages.slice(start, start + limit);
  const hasMore = start + limit < messages.length;
  const withMetadata = booleanArg(args, "include_all_metadata");
  return {
    ok: true,
    messages: page.map((message) => toSlackMessage(message, context, { withMetadata })),
    has_more: hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: hasMore ? cursorOf(start + limit) : "" },
  };
}

export const conversationMethods: Record<string, WebApiMethod> = {
  "conversations.join": conversationsJoin,
  "conversations.info": conversationsInfo,
  "conversations.list": conversationsList,
  "conversations.history": conversationsHistory,
};
