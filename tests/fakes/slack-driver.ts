import { createSlackIds, mintTriggerId } from "./slack-double/create-slack-ids.ts";
import type { SlackWorkspace } from "./slack-double/create-slack-workspace.ts";
import type { JsonObject } from "./slack-double/json-object.ts";
import {
  buildEventEnvelope,
  channelTypeOf,
  messageBody,
  type UserMessage,
} from "./slack-driver/build-event-payloads.ts";
import {
  buildBlockActionsPayload,
  buildViewSubmissionPayload,
  type ClickedMessage,
  channelName,
} from "./slack-driver/build-interaction-payloads.ts";
import type { InputValue } from "./slack-driver/build-view-state.ts";
import { findBlockElement } from "./slack-driver/find-block-element.ts";
import { signSlackRequest } from "./slack-driver/sign-slack-request.ts";

/** How to tamper with delivery; by default a request is signed correctly, now, without retry headers. */
export interface DeliveryOptions {
  /** Sets X-Slack-Retry-Num (and X-Slack-Retry-Reason, default "http_timeout"). */
  retryNum?: number;
  retryReason?: string;
  /** Sign with a wrong secret. */
  forgeSignature?: boolean;
  /** Timestamp 6 minutes in the past (Bolt refuses older than 5), correctly signed. */
  stale?: boolean;
}

export interface DriverResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json<T = unknown>(): T;
  /** The exact request body and type, for resend(). */
  request: { rawBody: string; contentType: string };
}

/** The part of the Slack double the driver uses; see tests/fakes/slack-double/start-slack-double.ts. */
export interface SlackDriverDouble {
  registerTriggerId(triggerId: string, userId: string): void;
  createResponseUrl(): string;
  dmChannelId(userId: string): string;
  nextTs(): string;
  addUserMessage(input: { channel: string; user: string; text: string; ts: string; threadTs?: string }): {
    text?: string;
    deleted: boolean;
  };
}

export interface SlackDriverOptions {
  /** The bot's endpoint, e.g. "http://127.0.0.1:<port>/slack/events". */
  url: string;
  workspace: SlackWorkspace;
  double?: SlackDriverDouble;
  now?: () => number;
}

export type SlackDriver = ReturnType<typeof createSlackDriver>;

/** Sends requests to the bot's HTTP endpoint exactly as Slack formats and signs them. */
export function createSlackDriver({ url, workspace, double, now = Date.now }: SlackDriverOptions) {
  const ids = createSlackIds(now);
  const nextTs = () => double?.nextTs() ?? ids.ts();
  const sent = new Map<string, { text?: string; deleted: boolean }>();
  const dmOf = (user: string) => double?.dmChannelId(user) ?? `D${user.slice(1)}`;
  const newTrigger = (user: string) => {
    const triggerId = mintTriggerId(now);
    double?.registerTriggerId(triggerId, user);
    return triggerId;
  };
  const newResponseUrl = () =>
    double?.createResponseUrl() ?? `https://hooks.slack.com/commands/${workspace.teamId}/1/${ids.hash()}`;

  async function send(
    rawBody: string,
    contentType: string,
    options: DeliveryOptions = {},
  ): Promise<DriverResponse> {
    const timestamp = Math.floor(now() / 1000) - (options.stale ? 6 * 60 : 0);
    const secret = options.forgeSignature ? `${workspace.signingSecret}-forged` : workspace.signingSecret;
    const headers: Record<string, string> = {
      "content-type": contentType,
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(secret, timestamp, rawBody),
    };
    if (options.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(options.retryNum);
      headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
    }
    const response = await fetch(url, { method: "POST", headers, body: rawBody });
    const body = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body,
      json: <T>() => JSON.parse(body) as T,
      request: { rawBody, contentType },
    };
  }

  const sendForm = (fields: Record<string, string>, options?: DeliveryOptions) =>
    send(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", options);
  const sendInteraction = (payload: JsonObject, options?: DeliveryOptions) =>
    sendForm({ payload: JSON.stringify(payload) }, options);
  const sendEvent = (event: JsonObject, options: DeliveryOptions & { eventId?: string } = {}) => {
    const envelope = buildEventEnvelope(workspace, event, {
      ...options,
      eventTimeSec: Math.floor(now() / 1000),
    });
    return send(JSON.stringify(envelope), "application/json", options).then((r) => ({
      ...r,
      eventId: envelope.event_id,
    }));
  };

  return {
    /** Any signed body, e.g. a malformed payload. */
    send,
    /** The same request again with a fresh timestamp, e.g. a retry: resend(first, { retryNum: 1 }). */
    resend: (previous: DriverResponse, options?: DeliveryOptions) =>
      send(previous.request.rawBody, previous.request.contentType, options),

    /** A slash command (docs.slack.dev/interactivity/implementing-slash-commands), from the user's DM by default. */
    async slashCommand(
      input: { user: string; text?: string; command?: string; channel?: string },
      options?: DeliveryOptions,
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const triggerId = newTrigger(input.user);
      const responseUrl = newResponseUrl();
      const response = await sendForm(
        {
          token: workspace.verificationToken,
          team_id: workspace.teamId,
          team_domain: workspace.teamDomain,
          channel_id: channel,
          channel_name: channelName(workspace, channel),
          user_id: input.user,
          user_name: workspace.users.find((user) => user.id === input.user)?.name ?? input.user.toLowerCase(),
          command: input.command ?? "/duban",
          text: input.text ?? "",
          api_app_id: workspace.appId,
          is_enterprise_install: "false",
          response_url: responseUrl,
          trigger_id: triggerId,
        },
        options,
      );
      return { ...response, triggerId, responseUrl };
    },

    /** Clicks (or picks from) an element the bot rendered in a message or a view; throws if it is not there. */
    async blockAction(
      input: { user: string; actionId: string; blockId?: string; value?: string; selected?: InputValue } & (
        | { message: ClickedMessage }
        | { view: JsonObject; values?: Record<string, InputValue> }
      ),
      options?: DeliveryOptions,
    ) {
      const blocks = "message" in input ? input.message.blocks : input.view.blocks;
      const found = findBlockElement(blocks, input.actionId, { blockId: input.blockId, value: input.value });
      const triggerId = newTrigger(input.user);
      const responseUrl = "message" in input ? newResponseUrl() : undefined;
      const context = { workspace, userId: input.user, triggerId, actionTs: ids.ts() };
      const source =
        "message" in input ? { message: input.message, responseUrl: responseUrl as string } : input;
      const payload = buildBlockActionsPayload(context, found, source, input.selected);
      return { ...(await sendInteraction(payload, options)), triggerId, responseUrl, payload };
    },

    /** Submits a modal (the view object as views.open returned it) with the user's inputs per action_id. */
    async viewSubmission(
      input: { user: string; view: JsonObject; values?: Record<string, InputValue> },
      options?: DeliveryOptions,
    ) {
      const triggerId = newTrigger(input.user);
      const payload = buildViewSubmissionPayload(
        { workspace, userId: input.user, triggerId },
        input.view,
        input.values,
      );
      return { ...(await sendInteraction(payload, options)), triggerId, payload };
    },

    /** A message event: by default a user's DM to the bot; `threadTs` makes it a thread reply. */
    async message(
      input: Omit<UserMessage, "ts"> & {
        ts?: string;
        channel?: string;
        parentUserId?: string;
        subtype?: string;
      },
      options?: DeliveryOptions & { eventId?: string },
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const message = { ...input, ts: input.ts ?? nextTs() };
      const stored = input.botId ? undefined : double?.addUserMessage({ ...message, channel });
      sent.set(`${channel}:${message.ts}`, stored ?? { text: message.text, deleted: false });
      const event = {
        ...messageBody(workspace, message),
        ...(input.subtype ? { subtype: input.subtype } : {}),
        ...(input.threadTs ? { parent_user_id: input.parentUserId ?? workspace.bot.userId } : {}),
        channel,
        event_ts: message.ts,
        channel_type: channelTypeOf(channel),
      };
      return { ...(await sendEvent(event, options)), ts: message.ts, channel };
    },

    /** message_changed: the user edited a message (`ts` of the original) to `text`. */
    async messageChanged(
      input: {
        user: string;
        channel?: string;
        ts: string;
        text: string;
        previousText: string;
        threadTs?: string;
      },
      options?: DeliveryOptions & { eventId?: string },
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const eventTs = nextTs();
      const stored = sent.get(`${channel}:${input.ts}`);
      if (stored) stored.text = input.text;
      const original = { user: input.user, ts: input.ts, threadTs: input.threadTs };
      const event = {
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
      };
      return sendEvent(event, options);
    },

    /** message_deleted: the user deleted the message with `ts`. */
    async messageDeleted(
      input: { user: string; channel?: string; ts: string; previousText: string; threadTs?: string },
      options?: DeliveryOptions & { eventId?: string },
    ) {
      const channel = input.channel ?? dmOf(input.user);
      const eventTs = nextTs();
      const stored = sent.get(`${channel}:${input.ts}`);
      if (stored) stored.deleted = true;
      const previous = { user: input.user, ts: input.ts, threadTs: input.threadTs, text: input.previousText };
      const event = {
        type: "message",
        subtype: "message_deleted",
        hidden: true,
        deleted_ts: input.ts,
        channel,
        previous_message: messageBody(workspace, previous),
        ts: eventTs,
        event_ts: eventTs,
        channel_type: channelTypeOf(channel),
      };
      return sendEvent(event, options);
    },

    /** Any other event, wrapped in the event_callback envelope. */
    event: sendEvent,

    /** The url_verification handshake Slack sends when the Request URL is saved. */
    urlVerification: (challenge: string, options?: DeliveryOptions) =>
      send(
        JSON.stringify({ token: workspace.verificationToken, challenge, type: "url_verification" }),
        "application/json",
        options,
      ),
  };
}
