import { isJsonObject, type JsonObject } from "../slack-double/json-object.ts";
import { findOption, listBlockElements } from "./find-block-element.ts";

/** What the user entered, per action_id: text, a chosen option's value, several values, or nothing. */
export type InputValue = string | string[] | null;

export interface ViewState {
  values: Record<string, Record<string, JsonObject>>;
}

/**
 * Builds `view.state` as Slack sends it in view_submission / block_actions: every input block's element
 * appears (value null when left empty), keyed by block_id then action_id, shaped by element type
 * (docs.slack.dev/reference/interaction-payloads/view-interactions-payload).
 * A file_input's state is `files`: the file objects of what the user uploaded (`files`, per action_id; UploadedFile
 * in slackapi/bolt-js src/types/view/index.ts), empty when none.
 * Throws when `values` or `files` names an action_id the view does not contain.
 */
export function buildViewState(
  blocks: unknown,
  values: Record<string, InputValue> = {},
  files: Record<string, JsonObject[]> = {},
): ViewState {
  const inputBlockIds = new Set(
    (Array.isArray(blocks) ? blocks : [])
      .filter((b) => isJsonObject(b) && b.type === "input")
      .map((b) => b.block_id),
  );
  const state: ViewState = { values: {} };
  const used = new Set<string>();
  for (const { blockId, element } of listBlockElements(blocks)) {
    const actionId = String(element.action_id);
    if (!inputBlockIds.has(blockId) && !(actionId in values)) continue;
    used.add(actionId);
    state.values[blockId] ??= {};
    (state.values[blockId] as Record<string, JsonObject>)[actionId] =
      element.type === "file_input"
        ? { type: "file_input", files: files[actionId] ?? [] }
        : stateEntry(element, values[actionId] ?? null);
  }
  const unknown = [...Object.keys(values), ...Object.keys(files)].filter((actionId) => !used.has(actionId));
  if (unknown.length > 0)
    throw new Error(`Slack driver: the view has no input with action_id ${unknown.join(", ")}`);
  return state;
}

function stateEntry(element: JsonObject, input: InputValue): JsonObject {
  const type = String(element.type);
  const many = input === null ? [] : Array.isArray(input) ? input : [input];
  const one = input === null ? null : Array.isArray(input) ? (input[0] ?? null) : input;
  switch (type) {
    case "static_select":
    case "radio_buttons":
    case "external_select":
      return { type, selected_option: one === null ? null : findOption(element, one) };
    case "multi_static_select":
    case "checkboxes":
    case "multi_external_select":
      return { type, selected_options: many.map((value) => findOption(element, value)) };
    case "users_select":
      return { type, selected_user: one };
    case "multi_users_select":
      return { type, selected_users: many };
    case "conversations_select":
      return { type, selected_conversation: one };
    case "channels_select":
      return { type, selected_channel: one };
    case "datepicker":
      return { type, selected_date: one };
    case "timepicker":
      return { type, selected_time: one };
    default:
      return { type, value: one };
  }
}
