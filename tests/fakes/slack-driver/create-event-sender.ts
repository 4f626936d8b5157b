import type { SlackWorkspace } from "../slack-double/create-slack-workspace.ts";
import type { JsonObject } from "../slack-double/json-object.ts";
import { buildEventEnvelope, channelTypeOf, messageBody, type UserMessage } from "./build-event-payloads.ts";
import { type DeliverLikeSlackOptions, deliverLikeSlack } from "./deliver-like-slack.ts";
import type { DeliveryOptions, SignedSender } from "./send-signed-request.ts";

type EventOptions = DeliveryOptions & { eventId?: string };

/** A user message the double keeps, updated here when the driver edits or deletes it. */
interface KeptMessage {
  text?: string;
  deleted: boolean;
}

export interface EventSenderDeps {
  workspace: SlackWorkspace;
  send: SignedSender;
  now: () => number;
  nextTs(): string;
  dmOf(userId: string): string;
  keep(message: { channel: string; user: string; text: string; ts: string; threadTs?: string }): KeptMessage;
}

/** Events API deliveries (JSON, `type: "event_callback"`), message events first among them. */
export function createEventSender({ workspace, send, now, nextTs, dmOf, keep }: EventSenderDeps) {
  const kept = new Map<string, KeptMessage>();

  async function event(event: JsonObject, options: EventOptions = {}) {
    const envelope = buildEventEnvelope(workspace, event, {
      ...options,
      eventTimeSec: Math.floor(now() / 1000),
    });
    return {
      ...(await send(JSON.stringify(envelope), "application/json", options)),
      eventId: String(envelope.event_id),
    };
  }

  return {
    /** Any event, wrapped in the event_callback envelope. */
    event,

    /**
     * An event delivered the way Slack delivers it (deliver-like-slack.ts): retried with X-Slack-Retry-Num and
     * X-Slack-Retry-Reason until an attempt is acknowledged within 3 seconds, at most 3 retries.
     */
    async deliverEvent(body: JsonObject, options: DeliverLikeSlackOptions & { eventId?: string } = {}) {
      const envelope = buildEventEnvelope(workspace, body, {
        ...options,
        eventTimeSec: Math.floor(now() / 1000),
      });
      const delivery = await deliverLikeSlack(send, JSON.stringify(envelope), "application/json", options);
      return { ...delivery, eventId: String(envelope.event_id) };
    },

    /**
     * A message event: by default a user's DM to the bot; `threadTs` makes it a thread reply; `files` (file
     * objects, full or as Slack sends some: `{id, file_access: "check_file_info"}`) makes it a file_share
     * (FileShareMessageEvent in slackapi/node-slack-sdk packages/types/src/events/message.ts).
     */
    async message(
      input: Omit<UserMessage, "ts"> & {
        ts?: string;
        channel?: string;
        parentUserId?: string;
        subtype?: string;
        files?: JsonObject[];
      },
      options?: EventOptions,
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const message = { ...input, ts: input.ts ?? nextTs() };
      if (!input.botId) kept.set(`${channel}:${message.ts}`, keep({ ...message, channel }));
      const files = input.files ?? [];
      const subtype = input.subtype ?? (files.length > 0 ? "file_share" : undefined);
      const body = {
        ...messageBody(workspace, message),
        ...(subtype ? { subtype } : {}),
        ...(files.length > 0 ? { files, upload: false, display_as_bot: false } : {}),
        ...(input.threadTs ? { parent_user_id: input.parentUserId ?? workspace.bot.userId } : {}),
        channel,
        event_ts: message.ts,
        channel_type: channelTypeOf(channel),
      };
      return { ...(await event(body, options)), ts: message.ts, channel };
    },

    /** message_changed: the user edited their message `ts` from `previousText` to `text`. */
    messageChanged(
      input: {
        user: string;
        channel?: string;
        ts: string;
        text: string;
        previousText: string;
        threadTs?: string;
      },
      options?: EventOptions,
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const eventTs = nextTs();
      const stored = kept.get(`${channel}:${input.ts}`);
      if (stored) stored.text = input.text;
      const original = { user: input.user, ts: input.ts, threadTs: input.threadTs };
      return event(
        {
          type: "message",
          subtype: "message_changed",
          message: {
            ...messageBody(workspace, { ...original, text: input.text }),
            edited: { user: input.user, ts: eventTs },
          },
          previous_message: messageBody(workspace, { ...original, text: input.previousText }),
          channel,
          hidden: true,
          ts: eventTs,
          event_ts: eventTs,
          channel_type: channelTypeOf(channel),
        },
        options,
      );
    },

    /** message_deleted: the user deleted their message `ts`. */
    messageDeleted(
      input: { user: string; channel?: string; ts: string; previousText: string; threadTs?: string },
      options?: EventOptions,
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const eventTs = nextTs();
      const stored = kept.get(`${channel}:${input.ts}`);
      if (stored) stored.deleted = true;
      const previous = { user: input.user, ts: input.ts, threadTs: input.threadTs, text: input.previousText };
      return event(
        {
          type: "message",
          subtype: "message_deleted",
          hidden: true,
          deleted_ts: input.ts,
          channel,
          previous_message: messageBody(workspace, previous),
          ts: eventTs,
          event_ts: eventTs,
          channel_type: channelTypeOf(channel),
        },
        options,
      );
    },

    /** The url_verification handshake Slack sends when the Request URL is saved. */
    urlVerification(challenge: string, options?: DeliveryOptions) {
      const body = { token: workspace.verificationToken, challenge, type: "url_verification" };
      return send(JSON.stringify(body), "application/json", options);
    },
  };
}
