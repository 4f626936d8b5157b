import type { BoardMessage } from "../../../domain/messages/message-types.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import { BLOCK_LIMITS, type Block, context, divider, header, section } from "./block-kit.ts";
import { boardSectionBlocks, countedTitle, taskLinesBlocks } from "./board-section-blocks.ts";
import { fitBlocks } from "./fit-blocks.ts";
import { lightCountsMrkdwn, slackWords } from "./slack-words.ts";
import { taskBlocks } from "./task-blocks.ts";

/** Overdue and blocked tasks are listed as compact lines, at most this many each. */
const MAX_LIST_LINES = 25;

/**
 * The board as a message (50 blocks at most): counts per light by section and measure, overdue and blocked
 * tasks as compact lines, and the tasks awaiting approval with their approve / return buttons as far as
 * they fit (the rest counted, to be handled from the App Home).
 */
export function boardMessageBlocks(message: BoardMessage): Block[] {
  const { locale } = message;
  const head: Block[] = [
    header(message.title, "title"),
    context(lightCountsMrkdwn(message.totals), "totals"),
    ...boardSectionBlocks(message.sections, "board"),
    divider(),
    ...taskLinesBlocks(pick(locale, slackWords.overdue), message.overdue, {
      locale,
      scope: "overdue",
      maxLines: MAX_LIST_LINES,
    }),
    ...taskLinesBlocks(pick(locale, slackWords.blocked), message.blocked, {
      locale,
      scope: "blocked",
      maxLines: MAX_LIST_LINES,
    }),
    section(
      `*${countedTitle(pick(locale, slackWords.awaitingApproval), message.awaitingApproval.length, locale)}*`,
      {
        blockId: "awaiting",
      },
    ),
  ];
  return fitBlocks({
    head,
    items: message.awaitingApproval,
    render: (task) => taskBlocks(task, locale, "awaiting"),
    more: (hidden) => section(slackWords.moreTasks(locale, hidden), { blockId: "more" }),
    max: BLOCK_LIMITS.messageBlocks,
  });
}
