import type { StoredView } from "./double-state.ts";
import { fillGeneratedIds } from "./fill-generated-ids.ts";
import type { JsonObject } from "./json-object.ts";
import { type MethodContext, stringArg, type WebApiMethod } from "./method-context.ts";
import { type SlackApiResult, slackApiError } from "./slack-api-error.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import { validateView } from "./validate-view.ts";

interface ViewPlacement {
  id: string;
  userId: string;
  rootViewId: string;
  previousViewId: string | null;
}

/** Stores `view` as Slack would return it: ids filled in, a fresh hash, empty state. */
function storeView(context: MethodContext, view: JsonObject, placement: ViewPlacement): SlackApiResult {
  const { state } = context;
  const { workspace } = state;
  const type = view.type === "home" ? "home" : "modal";
  const hash = state.ids.hash();
  const slackView: JsonObject = {
    id: placement.id,
    team_id: workspace.teamId,
    type,
    title: type === "modal" ? view.title : null,
    close: view.close ?? null,
    submit: view.submit ?? null,
    blocks: fillGeneratedIds(view.blocks),
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    state: { values: {} },
    hash,
    clear_on_close: view.clear_on_close === true,
    notify_on_close: view.notify_on_close === true,
    root_view_id: placement.rootViewId,
    previous_view_id: placement.previousViewId,
    app_id: workspace.appId,
    external_id: view.external_id ?? "",
    app_installed_team_id: workspace.teamId,
    bot_id: workspace.bot.botId,
  };
  const stored: StoredView = { id: placement.id, type, userId: placement.userId, hash, view: slackView };
  state.views.set(placement.id, stored);
  return { ok: true, view: slackView };
}

function invalidView(view: unknown, types: ReadonlyArray<"modal" | "home">): SlackApiResult | undefined {
  const problems = validateView(view, types);
  return problems.length > 0 ? slackApiError("invalid_arguments", problems) : undefined;
}

function open(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const invalid = invalidView(args.view, ["modal"]);
  if (invalid) return invalid;
  const trigger = state.useTrigger(args.trigger_id ?? args.interactivity_pointer);
  if ("error" in trigger) return slackApiError(trigger.error);
  const id = state.ids.id("V");
  state.modalStacks.set(trigger.userId, [id]);
  return storeView(context, args.view as JsonObject, {
    id,
    userId: trigger.userId,
    rootViewId: id,
    previousViewId: null,
  });
}

function push(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const invalid = invalidView(args.view, ["modal"]);
  if (invalid) return invalid;
  const trigger = state.useTrigger(args.trigger_id ?? args.interactivity_pointer);
  if ("error" in trigger) return slackApiError(trigger.error);
  const stack = state.modalStacks.get(trigger.userId);
  if (!stack || stack.length === 0) return slackApiError("not_found");
  if (stack.length >= SLACK_LIMITS.pushedViews) return slackApiError("push_limit_reached");
  const id = state.ids.id("V");
  const placement = {
    id,
    userId: trigger.userId,
    rootViewId: stack[0] as string,
    previousViewId: stack.at(-1) ?? null,
  };
  stack.push(id);
  return storeView(context, args.view as JsonObject, placement);
}

function update(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const viewId = stringArg(args, "view_id");
  const externalId = stringArg(args, "external_id");
  if (!viewId && !externalId) return slackApiError("invalid_arguments");
  const stored = viewId
    ? state.views.get(viewId)
    : [...state.views.values()].find((candidate) => candidate.view.external_id === externalId);
  if (!stored) return slackApiError("not_found");
  const hash = stringArg(args, "hash");
  if (hash !== undefined && hash !== stored.hash) return slackApiError("hash_conflict");
  const invalid = invalidView(args.view, [stored.type]);
  if (invalid) return invalid;
  const { root_view_id, previous_view_id } = stored.view;
  return storeView(context, args.view as JsonObject, {
    id: stored.id,
    userId: stored.userId,
    rootViewId: String(root_view_id),
    previousViewId: typeof previous_view_id === "string" ? previous_view_id : null,
  });
}

function publish(context: MethodContext): SlackApiResult {
  const { state, args } = context;
  const userId = stringArg(args, "user_id");
  const user = state.findUser(userId);
  if (!userId || !user || user.isBot) {
    return { ok: false, error: "invalid_arguments", response_metadata: { messages: ["invalid `user_id`"] } };
  }
  const invalid = invalidView(args.view, ["home"]);
  if (invalid) return invalid;
  const existing = [...state.views.values()].find((view) => view.type === "home" && view.userId === userId);
  const hash = stringArg(args, "hash");
  if (existing && hash !== undefined && hash !== existing.hash) return slackApiError("hash_conflict");
  const id = existing?.id ?? state.ids.id("V");
  return storeView(context, args.view as JsonObject, { id, userId, rootViewId: id, previousViewId: null });
}

export const viewsMethods: Record<string, WebApiMethod> = {
  "views.open": open,
  "views.push": push,
  "views.update": update,
  "views.publish": publish,
};
