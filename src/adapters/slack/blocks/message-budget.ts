import { type Block, linesToSections, section } from "./block-kit.ts";

/**
 * One budget for the text of every message Duban posts: its blocks' text in all, counted as Slack counts it
 * (every `text` of every block, header, section, context element and button, in code points).
 *
 * Slack refuses a message whose blocks carry too much text in total with `msg_blocks_too_long`, a limit its
 * docs give only for markdown blocks (12,000 characters):
 * - slackapi/bolt-js#2509 (2025): chat.postMessage refused from about 13,200 characters of block text in a few
 *   blocks (13,297 with markdown blocks only, fewer once a divider was added); a Slack maintainer answered
 *   "12,000 text characters with a buffer for block containers" (as quoted in #2867).
 * - slackapi/bolt-js#2867 (2026): refused at 11,341 characters summed over every `text` property of
 *   rich_text, section, header and divider blocks, i.e. under 12,000: the containers count as well, and the
 *   error says nothing about by how much.
 * So Duban stays at 10,000, well under the 11,300-13,200 at which messages were refused; the Slack double
 * refuses above 12,000 (tests/fakes/slack-double/slack-limits.ts). App Home views and modals keep their own
 * limits (100 blocks, texts per element) and are not measured against this.
 */
export const MESSAGE_TEXT_BUDGET = 10_000;

/** The text of `value` (blocks, a block, an element) as Slack counts it against the budget. */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (typeof value !== "object" || value === null) return 0;
  let sum = 0;
  for (const [key, inner] of Object.entries(value)) {
    sum += key === "text" && typeof inner === "string" ? [...inner].length : blockTextLength(inner);
  }
  return sum;
}

/** Room kept for the line that stands for what did not fit ("…还有 N 项未列出…"). */
export const MORE_LINE_RESERVE = 200;

/**
 * The last resort every rendered message passes through: when its blocks are over the budget, it keeps the
 * blocks from the start while they fit, then one `more` line saying where the rest is. Builders fit their
 * lists themselves (fitBlocks, linesWithinBudget), so this only catches what they could not foresee.
 */
export function keepWithinBudget(blocks: Block[], more: string, budget = MESSAGE_TEXT_BUDGET): Block[] {
  if (blockTextLength(blocks) <= budget) return blocks;
  const kept: Block[] = [];
  let used = blockTextLength(more) + MORE_LINE_RESERVE;
  for (const block of blocks) {
    const size = blockTextLength(block);
    if (used + size > budget) break;
    kept.push(block);
    used += size;
  }
  return [...kept, section(more, { blockId: "over_budget" })];
}

/**
 * Lines as sections within `budget` characters of text in all: as many lines as fit, then `more(hidden)` for
 * the rest. The sections stay within Slack's 3,000 characters each.
 */
export function linesWithinBudget(
  lines: readonly string[],
  budget: number,
  more: (hidden: number) => string,
): string[] {
  let used = 0;
  let count = 0;
  for (const line of lines) {
    const size = [...line].length + 1;
    if (used + size > budget - (count + 1 < lines.length ? MORE_LINE_RESERVE : 0)) break;
    used += size;
    count += 1;
  }
  const kept = lines.slice(0, count);
  if (count < lines.length) kept.push(more(lines.length - count));
  return linesToSections(kept);
}
