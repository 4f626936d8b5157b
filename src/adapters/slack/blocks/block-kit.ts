import type { types } from "@slack/bolt";

export type Block = types.KnownBlock;
export type Button = types.Button;

/**
 * Slack's Block Kit limits the builders respect (docs.slack.dev/reference/block-kit): blocks per message and
 * per view, and the lengths of texts, in characters (code points).
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInput: 3000,
  privateMetadata: 3000,
  id: 255,
  /** The top-level `text` fallback: Slack truncates past 40,000; notifications show far less. */
  fallbackText: 3000,
} as const;

/** `text` cut to `max` characters (code points, as Slack counts), ending with "…" when cut; never empty. */
export function clip(text: string, max: number): string {
  const characters = [...text];
  if (characters.length === 0) return "—";
  if (characters.length <= max) return text;
  return `${characters.slice(0, max - 1).join("")}…`;
}

/** Escapes the three characters mrkdwn treats as control characters (docs.slack.dev/messaging/formatting-message-text). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function plainText(text: string, max: number): types.PlainTextElement {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

export function header(text: string, blockId?: string): types.HeaderBlock {
  return {
    type: "header",
    text: plainText(text, BLOCK_LIMITS.headerText),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

/** A section of mrkdwn (already escaped by the caller), cut to Slack's 3000 characters. */
export function section(
  mrkdwn: string,
  extra: { blockId?: string; accessory?: Button } = {},
): types.SectionBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: clip(mrkdwn, BLOCK_LIMITS.sectionText) },
    ...(extra.blockId ? { block_id: extra.blockId } : {}),
    ...(extra.accessory ? { accessory: extra.accessory } : {}),
  };
}

/** A context block with one mrkdwn element. */
export function context(mrkdwn: string, blockId?: string): types.ContextBlock {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: clip(mrkdwn, BLOCK_LIMITS.contextText) }],
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function divider(): types.DividerBlock {
  return { type: "divider" };
}

export function actions(elements: Button[], blockId?: string): types.ActionsBlock {
  return { type: "actions", elements, ...(blockId ? { block_id: blockId } : {}) };
}

/**
 * Lines joined into as few sections as fit Slack's 3000-character section text; a line longer than that is
 * cut. Used for long lists shown as text (board lines, history entries, help).
 */
export function linesToSections(lines: readonly string[], max: number = BLOCK_LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clip(raw, max);
    const joined = current === "" ? line : `${current}\n${line}`;
    if ([...joined].length <= max) {
      current = joined;
    } else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
