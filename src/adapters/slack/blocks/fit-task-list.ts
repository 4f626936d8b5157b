import type { TaskItem } from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { BLOCK_LIMITS, type Block, section } from "./block-kit.ts";
import { fitBlocks } from "./fit-blocks.ts";
import { slackWords } from "./slack-words.ts";
import { taskBlocks } from "./task-blocks.ts";

/**
 * Tasks with their buttons between `head` and `tail`, as many as fit in one message; one "… N more" line
 * counts both the tasks that did not fit and the `unlisted` ones the message model already left out.
 */
export function fitTaskList(input: {
  head: Block[];
  tasks: readonly TaskItem[];
  tail: Block[];
  unlisted: number;
  locale: Locale;
}): Block[] {
  const { head, tasks, tail, unlisted, locale } = input;
  const more = (hidden: number) => section(slackWords.moreTasks(locale, hidden), { blockId: "more" });
  const fitted = fitBlocks({
    head,
    items: tasks,
    render: (task) => taskBlocks(task, locale, "task"),
    tail,
    more: (hidden) => more(hidden + unlisted),
    max: BLOCK_LIMITS.messageBlocks - (unlisted > 0 ? 1 : 0),
  });
  if (unlisted === 0 || fitted.some((block) => block.block_id === "more")) return fitted;
  return [...fitted.slice(0, fitted.length - tail.length), more(unlisted), ...tail];
}
