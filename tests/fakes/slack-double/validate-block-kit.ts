import type { BlockKitProblems } from "./block-kit-problems.ts";
import { isJsonObject, type JsonObject } from "./json-object.ts";
import { BLOCK_TYPES, INPUT_ELEMENT_TYPES, SLACK_LIMITS as L } from "./slack-limits.ts";
import { validateElement, validateImage } from "./validate-block-elements.ts";

/** Validates a blocks array for a surface: `pointer` is "/blocks" (messages) or "/view/blocks" (views). */
export function validateBlocks(
  blocks: unknown,
  pointer: string,
  maxBlocks: number,
  problems: BlockKitProblems,
): void {
  const items = problems.items(blocks, pointer, maxBlocks);
  for (const [index, block] of items.entries()) {
    const at = `${pointer}/${index}`;
    if (isJsonObject(block) && BLOCK_TYPES.has(String(block.type))) validateBlock(block, at, problems);
    else problems.add("failed to match all allowed schemas", at);
  }
  // Slack refuses a surface whose blocks share a block_id ("Block ID needs to be unique")
  uniqueIds(items, "block_id", pointer, problems);
}

/** Reports the second and later items carrying an `idField` value an earlier item already carries. */
function uniqueIds(items: unknown[], idField: string, pointer: string, problems: BlockKitProblems): void {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const id = isJsonObject(item) ? item[idField] : undefined;
    if (typeof id !== "string") continue;
    if (seen.has(id)) problems.add(`\`${idField}\` "${id}" already exists`, `${pointer}/${index}/${idField}`);
    seen.add(id);
  }
}

function validateBlock(block: JsonObject, pointer: string, problems: BlockKitProblems): void {
  problems.string(block.block_id, `${pointer}/block_id`, L.blockId);
  switch (block.type) {
    case "section":
      validateSection(block, pointer, problems);
      break;
    case "header":
      problems.text(block.text, `${pointer}/text`, L.headerText, { plainOnly: true });
      break;
    case "context":
      for (const [index, element] of problems
        .items(block.elements, `${pointer}/elements`, L.contextElements, 1)
        .entries()) {
        const at = `${pointer}/elements/${index}`;
        if (isJsonObject(element) && element.type === "image") validateImage(element, at, problems);
        else problems.text(element, at, L.textObject);
      }
      break;
    case "actions": {
      const elements = problems.items(block.elements, `${pointer}/elements`, L.actionsElements, 1);
      for (const [index, element] of elements.entries()) {
        validateElement(element, `${pointer}/elements/${index}`, problems);
      }
      // an action_id identifies the element within its block: Slack refuses two alike
      uniqueIds(elements, "action_id", `${pointer}/elements`, problems);
      break;
    }
    case "input":
      problems.text(block.label, `${pointer}/label`, L.inputLabel, { plainOnly: true });
      problems.text(block.hint, `${pointer}/hint`, L.inputHint, { plainOnly: true, required: false });
      if (isJsonObject(block.element) && INPUT_ELEMENT_TYPES.has(String(block.element.type))) {
        validateElement(block.element, `${pointer}/element`, problems, true);
      } else {
        problems.add("failed to match all allowed schemas", `${pointer}/element`);
      }
      break;
    case "image":
      problems.text(block.title, `${pointer}/title`, L.imageAltText, { plainOnly: true, required: false });
      validateImage(block, pointer, problems);
      break;
  }
}

function validateSection(block: JsonObject, pointer: string, problems: BlockKitProblems): void {
  if (block.text === undefined && block.fields === undefined)
    problems.add("must provide either text or fields", pointer);
  problems.text(block.text, `${pointer}/text`, L.sectionText, { required: false });
  for (const [index, field] of problems.items(block.fields, `${pointer}/fields`, L.sectionFields).entries()) {
    problems.text(field, `${pointer}/fields/${index}`, L.sectionFieldText);
  }
  if (block.accessory !== undefined) validateElement(block.accessory, `${pointer}/accessory`, problems);
}
