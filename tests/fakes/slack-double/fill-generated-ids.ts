import { randomBytes } from "node:crypto";
import { isJsonObject, type JsonObject } from "./json-object.ts";
import { INTERACTIVE_ELEMENT_TYPES } from "./slack-limits.ts";

/**
 * Returns a copy of `blocks` with the ids Slack generates when an app leaves them out: a `block_id` on every
 * block and an `action_id` on every interactive element (block_actions and view state are keyed by them).
 */
export function fillGeneratedIds(blocks: unknown): unknown[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.map((block) => {
    if (!isJsonObject(block)) return block;
    const copy: JsonObject = structuredClone(block);
    copy.block_id ??= generatedId();
    for (const key of ["accessory", "element"]) {
      if (isJsonObject(copy[key])) fillActionId(copy[key]);
    }
    for (const element of Array.isArray(copy.elements) ? copy.elements : []) {
      if (isJsonObject(element)) fillActionId(element);
    }
    return copy;
  });
}

function fillActionId(element: JsonObject): void {
  if (INTERACTIVE_ELEMENT_TYPES.has(String(element.type))) element.action_id ??= generatedId();
}

function generatedId(): string {
  return randomBytes(4).toString("base64url").slice(0, 5);
}
