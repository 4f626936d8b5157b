import type { StoredMessage } from "./double-state.ts";
import { fillGeneratedIds } from "./fill-generated-ids.ts";
import { isJsonObject, type JsonObject } from "./json-object.ts";
import { type MethodContext, stringArg, type WebApiMethod } from "./method-context.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";
import { blocksTextLength, SLACK_LIMITS } from "./slack-limits.ts";
import { validateMessage } from "./validate-message.ts";

const MISSING_TEXT_WARNING = "missing_text_or_fallback_or_attachments";

/**
 * The message object Slack returns from chat.postMessage / chat.update / conversations.history. Metadata only
 * when asked for (conversations.history's include_all_metadata; chat.postMessage echoes what it was given).
 */
export function toSlackMessage(
  message: StoredMessage,
  context: MethodContext,
  options: { withMetadata?: boolean } = {},
) {
  const { workspace } = context.state;
  return {
    type: "message",
    user: message.user,
    ...(message.botId
      ? {
          bot_id: message.botId,
          app_id: workspace.appId,
          bot_profile: {
            id: message.botId,
            app_id: workspace.appId,
            name: workspace.bot.name,
            team_id: workspace.teamId,
          },
        }
      : {}),
    text: message.text ?? "",
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.edited ? { edited: message.edited } : {}),
    ...(message.metadata && options.withMetadata !== false ? { metadata: message.metadata } : {}),
    ts: message.ts,
    team: workspace.teamId,
  };
}

function missingTextWarning(args: MethodContext["args"]) {
  if (typeof args.text === "string" && args.text !== "") return {};
  return { warning: MISSING_TEXT_WARNING, response_metadata: { warnings: [MISSING_TEXT_WARNING] } };
}

/**
 * `metadata` as chat.postMessage takes it: `{ event_type, event_payload }` (docs.slack.dev/messaging/
 * message-metadata; @slack/types MessageMetadata: event_type a string, event_payload an object).
 */
function readMetadata(value: unknown): JsonObject | undefined | "invalid" {
  if (value === undefined) return undefined;
  if (!isJsonObject(value) || typeof value.event_type !== "string" || value.event_type === "")
    return "invalid";
  if (!isJsonObject(value.event_payload)) return "invalid";
  return { event_type: value.event_type, event_payload: value.event_payload };
}

/** msg_blocks_too_long: the blocks' text in all beyond what Slack takes in one message (slack-limits.ts). */
function blocksTooLong(args: MethodContext["args"]): SlackApiResult | undefined {
  return blocksTextLength(args.blocks) > SLACK_LIMITS.messageBlocksText
    ? slackApiError("msg_blocks_too_long")
    : undefined;
}

function postMessage(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const conversation = state.visibleChannel(args.channel, { allowUserId: true });
  if (!conversation) return slackApiError("channel_not_found");
  const refusal = state.postingRefusal(conversation);
  if (refusal) return slackApiError(refusal);
  const invalid = validateMessage(args) ?? blocksTooLong(args);
  if (invalid) return invalid;
  const metadata = readMetadata(args.metadata);
  if (metadata === "invalid") return slackApiError("invalid_metadata_format");
  const message: StoredMessage = {
    channel: conversation.id,
    ts: state.ids.ts(),
    user: state.workspace.bot.userId,
    botId: state.workspace.bot.botId,
    text: stringArg(args, "text"),
    blocks: Array.isArray(args.blocks) ? fillGeneratedIds(args.blocks) : undefined,
    attachments: Array.isArray(args.attachments) ? args.attachments : undefined,
    threadTs: stringArg(args, "thread_ts"),
    ...(metadata ? { metadata } : {}),
    deleted: false,
  };
  state.messages.push(message);
  return {
    ok: true,
    channel: message.channel,
    ts: message.ts,
    message: toSlackMessage(message, context),
    ...missingTextWarning(args),
  };
}

function findOwnMessage(context: MethodContext, refusal: string): StoredMessage | SlackApiResult {
  const { state, args } = context;
  const conversation = state.visibleChannel(args.channel, { allowUserId: false });
  if (!conversation) return slackApiError("channel_not_found");
  const message = state.findMessage(conversation.id, stringArg(args, "ts"));
  if (!message) return slackApiError("message_not_found");
  if (message.user !== state.workspace.bot.userId) return slackApiError(refusal);
  return message;
}

function update(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const message = findOwnMessage(context, "cant_update_message");
  if ("ok" in message) return message;
  const invalid = validateMessage(args) ?? blocksTooLong(args);
  if (invalid) return invalid;
  if (args.text !== undefined) message.text = stringArg(args, "text");
  if (Array.isArray(args.blocks)) message.blocks = fillGeneratedIds(args.blocks);
  if (Array.isArray(args.attachments)) message.attachments = args.attachments;
  message.edited = { user: state.workspace.bot.userId, ts: state.ids.ts() };
  return {
    ok: true,
    channel: message.channel,
    ts: message.ts,
    text: message.text ?? "",
    message: toSlackMessage(message, context),
    ...missingTextWarning(args),
  };
}

function deleteMessage(context: MethodContext): SlackApiResult {
  const message = findOwnMessage(context, "cant_delete_message");
  if ("ok" in message) return message;
  message.deleted = true;
  return { ok: true, channel: message.channel, ts: message.ts };
}

function postEphemeral(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const conversation = state.visibleChannel(args.channel, { allowUserId: false });
  if (!conversation) return slackApiError("channel_not_found");
  const refusal = state.postingRefusal(conversation);
  if (refusal) return slackApiError(refusal);
  const user = stringArg(args, "user");
  if (!user || !state.findUser(user) || (conversation.members && !conversation.members.includes(user))) {
    return slackApiError("user_not_in_channel");
  }
  const invalid = validateMessage(args) ?? blocksTooLong(args);
  if (invalid) return invalid;
  const message: StoredMessage = {
    channel: conversation.id,
    ts: state.ids.ts(),
    user: state.workspace.bot.userId,
    botId: state.workspace.bot.botId,
    text: stringArg(args, "text"),
    blocks: Array.isArray(args.blocks) ? fillGeneratedIds(args.blocks) : undefined,
    threadTs: stringArg(args, "thread_ts"),
    ephemeralTo: user,
    deleted: false,
  };
  state.messages.push(message);
  return { ok: true, message_ts: message.ts };
}

export const chatMethods: Record<string, WebApiMethod> = {
  "chat.postMessage": postMessage,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.postEphemeral": postEphemeral,
};
