import type { Block } from "./block-kit.ts";

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
}

/**
 * Lays out as many whole items as fit within `max` blocks, with a "… N more" block for the rest, so a list
 * of any length stays within Slack's block limits.
 */
export function fitBlocks<T>({ head, items, render, tail = [], more, max }: FitInput<T>): Block[] {
  const body: Block[] = [];
  let budget = max - head.length - tail.length;
  for (const [index, item] of items.entries()) {
    const blocks = render(item);
    const isLast = index === items.length - 1;
    // keep room for the "more" line unless this is the last item
    if (blocks.length > budget - (isLast ? 0 : 1)) {
      return [...head, ...body, more(items.length - index), ...tail];
    }
    body.push(...blocks);
    budget -= blocks.length;
  }
  return [...head, ...body, ...tail];
}
