/**
 * Slack's documented Block Kit and Web API limits, as the double enforces them.
 *
 * Sources (read through the `search` tool, 2025 copies of the docs):
 * - docs.slack.dev/reference/block-kit/blocks/section-block: text 1..3000 chars, fields <= 10 x 2000, block_id <= 255
 * - docs.slack.dev/reference/block-kit/blocks/header-block: plain_text only, <= 150 chars
 * - docs.slack.dev/reference/block-kit/blocks/context-block: elements <= 10
 * - docs.slack.dev/reference/block-kit/blocks/actions-block: elements <= 25
 * - docs.slack.dev/reference/block-kit/blocks/input-block: label and hint plain_text <= 2000
 * - docs.slack.dev/reference/block-kit/block-elements/button-element: text plain_text <= 75, value <= 2000,
 *   url <= 3000, action_id <= 255
 * - docs.slack.dev/reference/block-kit/composition-objects/option-object: text <= 75, value <= 150
 * - docs.slack.dev/reference/block-kit/composition-objects/option-group-object: label <= 75, options <= 100,
 *   option_groups <= 100; select menus: options <= 100, placeholder <= 150
 * - docs.slack.dev/reference/views/modal-views: title plain_text <= 24, close/submit <= 24, blocks <= 100,
 *   submit required with input blocks, private_metadata <= 3000, callback_id <= 255
 * - docs.slack.dev/reference/methods/chat.postMessage: blocks <= 50 ("maxItems": 50 in Slack's block JSON
 *   schema), text is truncated past 40,000 chars (the double refuses instead: msg_too_long, a listed error)
 * - docs.slack.dev/interactivity/handling-user-interaction: a response_url can be used up to 5 times within
 *   30 minutes of the interaction (after that Slack's webhook answers 404 used_url / expired_url)
 * - chat.postMessage's total block text (msg_blocks_too_long), a limit Slack does not document for section,
 *   header or context blocks: slackapi/bolt-js#2509 found messages refused from about 13,200 characters of
 *   block text (13,297 with markdown blocks only, fewer once a divider was added), and a Slack maintainer
 *   answered there "12,000 text characters with a buffer for block containers" (quoted in #2867);
 *   slackapi/bolt-js#2867 was refused at 11,341 characters summed over every `text` property. The double
 *   counts the same way (every `text` string in the blocks, in code points) and refuses above 12,000; the
 *   response_url path is not limited this way (#2867: "the limit only affects chat.postMessage").
 * - Error wording as Slack returns it, e.g. "[ERROR] no more than 50 items allowed [json-pointer:/blocks]"
 *   (github adobe/spacecat-api-service#176, jeremeamia/slack-block-kit#3, slackapi/java-slack-sdk#302).
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  messageBlocksText: 12_000,
  messageAttachments: 100,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  optionGroups: 100,
  overflowOptions: 5,
  choiceOptions: 10,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInputLength: 3000,
  imageAltText: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  pushedViews: 3,
  responseUrlUses: 5,
  responseUrlTtlMs: 30 * 60 * 1000,
} as const;

export const BLOCK_TYPES = new Set([
  "actions",
  "context",
  "context_actions",
  "divider",
  "file",
  "header",
  "image",
  "input",
  "markdown",
  "rich_text",
  "section",
  "table",
  "video",
]);

export const INPUT_ELEMENT_TYPES = new Set([
  "checkboxes",
  "channels_select",
  "conversations_select",
  "datepicker",
  "datetimepicker",
  "email_text_input",
  "external_select",
  "file_input",
  "multi_channels_select",
  "multi_conversations_select",
  "multi_external_select",
  "multi_static_select",
  "multi_users_select",
  "number_input",
  "plain_text_input",
  "radio_buttons",
  "rich_text_input",
  "static_select",
  "timepicker",
  "url_text_input",
  "users_select",
]);

export const INTERACTIVE_ELEMENT_TYPES = new Set([
  ...INPUT_ELEMENT_TYPES,
  "button",
  "overflow",
  "workflow_button",
]);

/** All text of all blocks, as the double counts it against `messageBlocksText`: every `text` string, in code points. */
export function blocksTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blocksTextLength(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  let sum = 0;
  for (const [key, inner] of Object.entries(value)) {
    sum += key === "text" && typeof inner === "string" ? [...inner].length : blocksTextLength(inner);
  }
  return sum;
}
