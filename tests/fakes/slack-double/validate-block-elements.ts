import type { BlockKitProblems } from "./block-kit-problems.ts";
import { isJsonObject, type JsonObject } from "./json-object.ts";
import { INTERACTIVE_ELEMENT_TYPES, SLACK_LIMITS as L } from "./slack-limits.ts";

/** An image block or image element: image_url (or slack_file) and alt_text are required. */
export function validateImage(image: JsonObject, pointer: string, problems: BlockKitProblems): void {
  if (image.slack_file === undefined) problems.string(image.image_url, `${pointer}/image_url`, L.url, true);
  problems.string(image.alt_text, `${pointer}/alt_text`, L.imageAltText, true);
}

/**
 * A block element: accessory, actions element or (`inInput`) an input block's element. A file_input works in
 * an input block only (docs.slack.dev/reference/block-kit/block-elements/file-input-element).
 */
export function validateElement(
  element: unknown,
  pointer: string,
  problems: BlockKitProblems,
  inInput = false,
): void {
  if (!isJsonObject(element)) {
    problems.add("expected object", pointer);
  } else if (element.type === "file_input" && !inInput) {
    problems.add("file_input is only allowed in an input block", pointer);
  } else if (element.type === "image") {
    validateImage(element, pointer, problems);
  } else if (!INTERACTIVE_ELEMENT_TYPES.has(String(element.type))) {
    problems.add("failed to match all allowed schemas", pointer);
  } else {
    problems.string(element.action_id, `${pointer}/action_id`, L.actionId);
    problems.text(element.placeholder, `${pointer}/placeholder`, L.placeholder, {
      plainOnly: true,
      required: false,
    });
    validateInteractive(element, pointer, problems);
  }
}

function validateInteractive(element: JsonObject, pointer: string, problems: BlockKitProblems): void {
  switch (element.type) {
    case "button":
      problems.text(element.text, `${pointer}/text`, L.buttonText, { plainOnly: true });
      problems.string(element.value, `${pointer}/value`, L.buttonValue);
      problems.string(element.url, `${pointer}/url`, L.url);
      if (element.style !== undefined && element.style !== "primary" && element.style !== "danger") {
        problems.add("must be one of: primary, danger", `${pointer}/style`);
      }
      break;
    case "static_select":
    case "multi_static_select":
      validateSelect(element, pointer, problems);
      break;
    case "overflow":
      validateOptions(
        element.options,
        `${pointer}/options`,
        { max: L.overflowOptions, min: 1, plainOnly: true },
        problems,
      );
      break;
    case "radio_buttons":
    case "checkboxes":
      validateOptions(
        element.options,
        `${pointer}/options`,
        { max: L.choiceOptions, min: 1, plainOnly: false },
        problems,
      );
      break;
    case "file_input":
      validateFileInput(element, pointer, problems);
      break;
    case "plain_text_input":
      problems.string(element.initial_value, `${pointer}/initial_value`, L.plainTextInputLength);
      for (const field of ["min_length", "max_length"]) {
        const value = element[field];
        if (typeof value === "number" && value > L.plainTextInputLength) {
          problems.add(`must be at most ${L.plainTextInputLength}`, `${pointer}/${field}`);
        }
      }
      break;
  }
}

/**
 * file_input (docs.slack.dev/reference/block-kit/block-elements/file-input-element; FileInput in
 * slackapi/node-slack-sdk packages/types/src/block-kit/block-elements.ts): max_files an integer from 1 to 10,
 * filetypes an array of file extensions.
 */
function validateFileInput(element: JsonObject, pointer: string, problems: BlockKitProblems): void {
  const { max_files: maxFiles, filetypes } = element;
  if (
    maxFiles !== undefined &&
    !(Number.isInteger(maxFiles) && Number(maxFiles) >= 1 && Number(maxFiles) <= 10)
  )
    problems.add("must be an integer from 1 to 10", `${pointer}/max_files`);
  if (
    filetypes !== undefined &&
    !(Array.isArray(filetypes) && filetypes.every((type) => typeof type === "string"))
  )
    problems.add("must be an array of strings", `${pointer}/filetypes`);
}

function validateSelect(element: JsonObject, pointer: string, problems: BlockKitProblems): void {
  if (element.options === undefined && element.option_groups === undefined) {
    problems.add("must provide either options or option_groups", pointer);
  }
  const limits = { max: L.selectOptions, min: 0, plainOnly: true };
  validateOptions(element.options, `${pointer}/options`, limits, problems);
  for (const [index, group] of problems
    .items(element.option_groups, `${pointer}/option_groups`, L.optionGroups)
    .entries()) {
    const at = `${pointer}/option_groups/${index}`;
    if (isJsonObject(group)) {
      problems.text(group.label, `${at}/label`, L.optionText, { plainOnly: true });
      validateOptions(group.options, `${at}/options`, limits, problems);
    } else {
      problems.add("expected object", at);
    }
  }
}

function validateOptions(
  options: unknown,
  pointer: string,
  limits: { max: number; min: number; plainOnly: boolean },
  problems: BlockKitProblems,
): void {
  const { max, min, plainOnly } = limits;
  for (const [index, option] of problems.items(options, pointer, max, min).entries()) {
    const at = `${pointer}/${index}`;
    if (isJsonObject(option)) {
      problems.text(option.text, `${at}/text`, L.optionText, { plainOnly });
      problems.string(option.value, `${at}/value`, L.optionValue);
      problems.text(option.description, `${at}/description`, L.optionDescription, {
        plainOnly,
        required: false,
      });
    } else {
      problems.add("expected object", at);
    }
  }
}
