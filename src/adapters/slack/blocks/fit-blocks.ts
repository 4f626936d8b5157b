import type { Block } from "./block-kit.ts";
import { blockTextLength, MESSAGE_TEXT_BUDGET, MORE_LINE_RESERVE } from "./message-budget.ts";

export interface FitInput<T> {
  /** Blocks before the items (always kept). */
  head: Block[];
  items: readonly T[];
  /** The blocks of one item. */
  render(item: T): Block[];
  /** Blocks after the items (always kept). */
  tail?: Block[];
  /** The line that stands for the items left out, given how many. */
  more(hidden: number): Block;
  /** At most this many blocks in all (50 in a message, 100 in a view). */
  max: number;
  /** At most this much block text in all (MESSAGE_TEXT_BUDGET in a message; views have no such limit). */
  textBudget?: number;
}

/**
 * Lays out as many whole items as fit within `max` blocks and `textBudget` characters of block text, with a
 * "… N more" block for the rest, so a list of any length stays within Slack's limits.
 */
export function fitBlocks<T>({
  head,
  items,
  render,
  tail = [],
  more,
  max,
  textBudget = MESSAGE_TEXT_BUDGET,
}: FitInput<T>): Block[] {
  const body: Block[] = [];
  let budget = max - head.length - tail.length;
  let text = textBudget - blockTextLength(head) - blockTextLength(tail);
  for (const [index, item] of items.entries()) {
    const blocks = render(item);
    const size = blockTextLength(blocks);
    const isLast = index === items.length - 1;
    // keep room for the "more" line unless this is the last item
    if (blocks.length > budget - (isLast ? 0 : 1) || size > text - (isLast ? 0 : MORE_LINE_RESERVE)) {
      return [...head, ...body, more(items.length - index), ...tail];
    }
    body.push(...blocks);
    budget -= blocks.length;
    text -= size;
  }
  return [...head, ...body, ...tail];
}
