import { createSlackIds, mintTriggerId } from "./slack-double/create-slack-ids.ts";
import type { SlackWorkspace } from "./slack-double/create-slack-workspace.ts";
import type { JsonObject } from "./slack-double/json-object.ts";
import {
  buildBlockActionsPayload,
  buildViewSubmissionPayload,
  type ClickedMessage,
  channelName,
} from "./slack-driver/build-interaction-payloads.ts";
import type { InputValue } from "./slack-driver/build-view-state.ts";
import { createEventSender } from "./slack-driver/create-event-sender.ts";
import { findBlockElement } from "./slack-driver/find-block-element.ts";
import {
  createSignedSender,
  type DeliveryOptions,
  type DriverResponse,
  type SignedSender,
} from "./slack-driver/send-signed-request.ts";

export type { DeliveryOptions, DriverResponse };

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
  /** Without it, trigger_ids are not registered anywhere and response_urls lead nowhere. */
  double?: SlackDriverDouble;
  now?: () => number;
  /** How bodies reach the bot; default signed HTTP POSTs to `url` (the double's socketMode.sender for Socket Mode). */
  send?: SignedSender;
}

export type SlackDriver = ReturnType<typeof createSlackDriver>;

/** Sends requests to the bot's HTTP endpoint exactly as Slack formats and signs them. */
export function createSlackDriver({
  url,
  workspace,
  double,
  now = Date.now,
  ...options
}: SlackDriverOptions) {
  const ids = createSlackIds(now);
  const send = options.send ?? createSignedSender(url, workspace.signingSecret, now);
  const dmOf = (user: string) => double?.dmChannelId(user) ?? `D${user.slice(1)}`;
  const newTrigger = (user: string) => {
    const triggerId = mintTriggerId(now);
    double?.registerTriggerId(triggerId, user);
    return triggerId;
  };
  const newResponseUrl = () =>
    double?.createResponseUrl() ?? `https://hooks.slack.com/commands/${workspace.teamId}/1/${ids.hash()}`;
  const sendInteraction = (payload: JsonObject, options?: DeliveryOptions) =>
    send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
      options,
    );

  return {
    ...createEventSender({
      workspace,
      send,
      now,
      dmOf,
      nextTs: () => double?.nextTs() ?? ids.ts(),
      keep: (message) => double?.addUserMessage(message) ?? { text: message.text, deleted: false },
    }),

    /** Any signed body, e.g. a malformed payload. */
    send,

    /** The same request again with a fresh timestamp, e.g. a redelivery: resend(first, { retryNum: 1 }). */
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
      const fields = {
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
      };
      const response = await send(
        new URLSearchParams(fields).toString(),
        "application/x-www-form-urlencoded",
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
        "message" in input ? { message: input.message, responseUrl: String(responseUrl) } : input;
      const payload = buildBlockActionsPayload(context, found, source, input.selected);
      return { ...(await sendInteraction(payload, options)), triggerId, responseUrl, payload };
    },

    /**
     * Submits a modal (the view object as views.open returned it) with the user's inputs per action_id, and the
     * files uploaded into its file inputs (file objects, e.g. from the double's addUserFile) per action_id.
     */
    async viewSubmission(
      input: {
        user: string;
        view: JsonObject;
        values?: Record<string, InputValue>;
        files?: Record<string, JsonObject[]>;
      },
      options?: DeliveryOptions,
    ) {
      const triggerId = newTrigger(input.user);
      const payload = buildViewSubmissionPayload(
        { workspace, userId: input.user, triggerId },
        input.view,
        input.values,
        input.files,
      );
      return { ...(await sendInteraction(payload, options)), triggerId, payload };
    },
  };
}
