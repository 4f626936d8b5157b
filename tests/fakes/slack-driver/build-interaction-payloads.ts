import type { SlackWorkspace } from "../slack-double/create-slack-workspace.ts";
import type { JsonObject } from "../slack-double/json-object.ts";
import { buildViewState, type InputValue } from "./build-view-state.ts";
import { type FoundElement, findOption } from "./find-block-element.ts";

/** A message the user clicks in, shaped like the double's StoredMessage. */
export interface ClickedMessage {
  channel: string;
  ts: string;
  user?: string;
  text?: string;
  blocks?: unknown[];
  botId?: string;
  threadTs?: string;
  ephemeralTo?: string;
}

export interface InteractionContext {
  workspace: SlackWorkspace;
  userId: string;
  triggerId: string;
  /** "1700000000.123456" */
  actionTs: string;
}

/** `user` as interaction payloads carry it: id, username, name, team_id. */
function payloadUser(workspace: SlackWorkspace, userId: string) {
  const name = workspace.users.find((user) => user.id === userId)?.name ?? userId.toLowerCase();
  return { id: userId, username: name, name, team_id: workspace.teamId };
}

/** How Slack names a conversation in payloads: DMs are "directmessage". */
export function channelName(workspace: SlackWorkspace, channelId: string): string {
  if (channelId.startsWith("D")) return "directmessage";
  return workspace.channels.find((channel) => channel.id === channelId)?.name ?? "privategroup";
}

function actionFor(found: FoundElement, actionTs: string, selected: InputValue | undefined): JsonObject {
  const { blockId, element } = found;
  const base = { action_id: element.action_id, block_id: blockId, type: element.type, action_ts: actionTs };
  if (element.type === "button") {
    return { ...base, text: element.text, ...(element.value === undefined ? {} : { value: element.value }) };
  }
  if (
    typeof selected === "string" &&
    ["static_select", "overflow", "radio_buttons"].includes(String(element.type))
  ) {
    return { ...base, selected_option: findOption(element, selected) };
  }
  if (Array.isArray(selected))
    return { ...base, selected_options: selected.map((value) => findOption(element, value)) };
  return { ...base, ...(selected === undefined ? {} : { value: selected }) };
}

/** block_actions (docs.slack.dev/reference/interaction-payloads/block_actions-payload). */
export function buildBlockActionsPayload(
  context: InteractionContext,
  found: FoundElement,
  source:
    | { message: ClickedMessage; responseUrl: string }
    | { view: JsonObject; values?: Record<string, InputValue> },
  selected?: InputValue,
): JsonObject {
  const { workspace, userId, triggerId, actionTs } = context;
  const common = {
    type: "block_actions",
    user: payloadUser(workspace, userId),
    api_app_id: workspace.appId,
    token: workspace.verificationToken,
    trigger_id: triggerId,
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
  };
  const actions = [actionFor(found, actionTs, selected)];
  if ("view" in source) {
    const view = { ...source.view, state: buildViewState(source.view.blocks, source.values) };
    return { ...common, container: { type: "view", view_id: source.view.id }, view, actions };
  }
  const { message, responseUrl } = source;
  const ephemeral = message.ephemeralTo !== undefined;
  return {
    ...common,
    container: {
      type: "message",
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: ephemeral,
    },
    channel: { id: message.channel, name: channelName(workspace, message.channel) },
    ...(ephemeral
      ? {}
      : {
          message: {
            type: "message",
            user: message.user,
            ts: message.ts,
            ...(message.botId ? { bot_id: message.botId, app_id: workspace.appId } : {}),
            text: message.text ?? "",
            team: workspace.teamId,
            ...(message.blocks ? { blocks: message.blocks } : {}),
            ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
          },
        }),
    state: { values: {} },
    response_url: responseUrl,
    actions,
  };
}

/** view_submission (docs.slack.dev/reference/interaction-payloads/view-interactions-payload). */
export function buildViewSubmissionPayload(
  context: Omit<InteractionContext, "actionTs">,
  view: JsonObject,
  values: Record<string, InputValue> = {},
  files: Record<string, JsonObject[]> = {},
): JsonObject {
  const { workspace, userId, triggerId } = context;
  return {
    type: "view_submission",
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    user: payloadUser(workspace, userId),
    api_app_id: workspace.appId,
    token: workspace.verificationToken,
    trigger_id: triggerId,
    view: { ...view, state: buildViewState(view.blocks, values, files) },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
