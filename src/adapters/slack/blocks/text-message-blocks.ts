import type {
  HelpMessage,
  HistoryMessage,
  NoticeMessage,
  UrgeSummaryMessage,
} from "../../../domain/messages/message-types.ts";
import { type Block, context, escapeMrkdwn, header, section } from "./block-kit.ts";
import { blockTextLength, linesWithinBudget, MESSAGE_TEXT_BUDGET } from "./message-budget.ts";
import { slackWords } from "./slack-words.ts";

const TONE_ICONS: Record<NoticeMessage["tone"], string> = {
  info: ":information_source:",
  success: ":white_check_mark:",
  error: ":no_entry:",
};

/**
 * Lines packed into sections after `head` and before `tail`, as many as fit the message's text budget (which
 * also keeps them far within 50 blocks), then a "more" line.
 */
function linesWithin(
  head: Block[],
  lines: readonly string[],
  more: (hidden: number) => string,
  tail: Block[] = [],
): Block[] {
  const room = MESSAGE_TEXT_BUDGET - blockTextLength(head) - blockTextLength(tail);
  const chunks = linesWithinBudget(lines, room, more);
  return numbered([...head, ...chunks.map((text) => section(text)), ...tail]);
}

/** Gives blocks without an id a positional one, so ids are unique and stable. */
function numbered(blocks: Block[]): Block[] {
  return blocks.map((block, index) => (block.block_id ? block : { ...block, block_id: `b${index}` }));
}

/** `/duban help`, or the answer to a command that could not be read. */
export function helpBlocks(message: HelpMessage): Block[] {
  const head: Block[] = [];
  if (message.problem !== null)
    head.push(section(`:warning: ${escapeMrkdwn(message.problem)}`, { blockId: "problem" }));
  head.push(header(message.title, "title"));
  const lines = message.commands.map(
    (command) => `\`${escapeMrkdwn(command.usage)}\`  ${escapeMrkdwn(command.description)}`,
  );
  return linesWithin(head, lines, (hidden) => slackWords.moreLines(message.locale, hidden), [
    context(escapeMrkdwn(message.footer), "footer"),
  ]);
}

/** A short answer: a confirmation, a refusal, or "nothing to do". */
export function noticeBlocks(message: NoticeMessage): Block[] {
  const [first = message.summary, ...rest] = message.lines.map(escapeMrkdwn);
  return linesWithin([], [`${TONE_ICONS[message.tone]} ${first}`, ...rest], (hidden) =>
    slackWords.moreLines(message.locale, hidden),
  );
}

/** What the supervisor hears back after urging. */
export function urgeSummaryBlocks(message: UrgeSummaryMessage): Block[] {
  const [first = message.summary, ...rest] = message.lines.map(escapeMrkdwn);
  return linesWithin([], [`:mega: ${first}`, ...rest], (hidden) =>
    slackWords.moreLines(message.locale, hidden),
  );
}

/** The reports of a measure, newest first; older ones summarised when they do not fit. */
export function historyBlocks(message: HistoryMessage): Block[] {
  const head = [header(message.title, "title")];
  if (message.entries.length === 0)
    return [...head, section(escapeMrkdwn(message.emptyText), { blockId: "empty" })];
  const lines = message.entries.map((entry) =>
    entry.withdrawn ? `~${escapeMrkdwn(entry.line)}~` : escapeMrkdwn(entry.line),
  );
  return linesWithin(head, lines, (hidden) => slackWords.moreEntries(message.locale, hidden));
}
