import { randomBytes, randomUUID } from "node:crypto";
import type { SlackWorkspace } from "../slack-double/create-slack-workspace.ts";
import type { JsonObject } from "../slack-double/json-object.ts";

/** A user's message as Slack describes it inside events (docs.slack.dev/reference/events/message). */
export interface UserMessage {
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
  /** Set for messages from bots (the bot's own messages, or another app's). */
  botId?: string;
  clientMsgId?: string;
}

/** The Events API envelope around one event (docs.slack.dev/apis/events-api, "Callback field overview"). */
export function buildEventEnvelope(
  workspace: SlackWorkspace,
  event: JsonObject,
  options: { eventId?: string; eventTimeSec: number },
): JsonObject {
  return {
    token: workspace.verificationToken,
    team_id: workspace.teamId,
    context_team_id: workspace.teamId,
    context_enterprise_id: null,
    api_app_id: workspace.appId,
    event,
    type: "event_callback",
    event_id: options.eventId ?? newEventId(),
    event_time: options.eventTimeSec,
    authorizations: [
      {
        enterprise_id: null,
        team_id: workspace.teamId,
        user_id: workspace.bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(24).toString("base64url")}`,
  };
}

function newEventId(): string {
  return `Ev${randomBytes(5).toString("hex").toUpperCase()}`;
}

/** The message object inside message events, message_changed.message and .previous_message. */
export function messageBody(workspace: SlackWorkspace, message: UserMessage): JsonObject {
  return {
    ...(message.botId
      ? { bot_id: message.botId, app_id: `A${message.botId.slice(1)}` }
      : { client_msg_id: message.clientMsgId ?? randomUUID() }),
    type: "message",
    text: message.text,
    user: message.user,
    ts: message.ts,
    blocks: [
      {
        type: "rich_text",
        block_id: randomBytes(3).toString("base64url"),
        elements: [{ type: "rich_text_section", elements: [{ type: "text", text: message.text }] }],
      },
    ],
    team: workspace.teamId,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
  };
}

/** "im" for D..., "mpim" for G... opened as group DMs, "channel" for C... */
export function channelTypeOf(channel: string): "im" | "mpim" | "channel" {
  if (channel.startsWith("D")) return "im";
  if (channel.startsWith("G")) return "mpim";
  return "channel";
}
