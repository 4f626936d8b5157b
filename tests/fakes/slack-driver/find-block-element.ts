import { isJsonObject, type JsonObject } from "../slack-double/json-object.ts";

export interface FoundElement {
  blockId: string;
  element: JsonObject;
}

/** Every interactive element in `blocks` (section accessories, input elements, actions elements). */
export function listBlockElements(blocks: unknown): FoundElement[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.filter(isJsonObject).flatMap((block) => {
    const candidates = [
      block.accessory,
      block.element,
      ...(Array.isArray(block.elements) ? block.elements : []),
    ];
    return candidates
      .filter(
        (candidate): candidate is JsonObject =>
          isJsonObject(candidate) && typeof candidate.action_id === "string",
      )
      .map((element) => ({ blockId: String(block.block_id), element }));
  });
}

/**
 * Finds the element a user would click: by action_id, narrowed by block_id and/or button value when the same
 * action_id appears several times (e.g. one "report" button per task). Throws when the bot never rendered it.
 */
export function findBlockElement(
  blocks: unknown,
  actionId: string,
  filter: { blockId?: string; value?: string } = {},
): FoundElement {
  const matches = listBlockElements(blocks).filter(
    ({ blockId, element }) =>
      element.action_id === actionId &&
      (filter.blockId === undefined || blockId === filter.blockId) &&
      (filter.value === undefined || element.type !== "button" || element.value === filter.value),
  );
  const [first] = matches;
  if (!first) {
    const seen = listBlockElements(blocks).map(
      ({ element }) => `${element.action_id}=${element.value ?? ""}`,
    );
    throw new Error(
      `Slack driver: no element with action_id "${actionId}" to click (found: ${seen.join(", ") || "none"})`,
    );
  }
  if (matches.length > 1 && filter.value === undefined && filter.blockId === undefined) {
    throw new Error(
      `Slack driver: ${matches.length} elements have action_id "${actionId}"; pass value or blockId`,
    );
  }
  return first;
}

/** The option object whose value is `value` among an element's options and option groups. */
export function findOption(element: JsonObject, value: string): JsonObject {
  const groups = Array.isArray(element.option_groups) ? element.option_groups.filter(isJsonObject) : [];
  const options = [element.options, ...groups.map((group) => group.options)]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter(isJsonObject);
  const option = options.find((candidate) => candidate.value === value);
  if (!option)
    throw new Error(`Slack driver: ${String(element.action_id)} has no option with value "${value}"`);
  return option;
}
