import type { ReminderMessage } from "../../../domain/messages/schedule-message-types.ts";
import { renderSnoozeButton } from "../snooze-action.ts";
import { actions, type Block, context, escapeMrkdwn, header, section } from "./block-kit.ts";
import { fitTaskList } from "./fit-task-list.ts";

/**
 * A scheduled reminder: the person's tasks still to report in the cycle, each with its light and report
 * button, as many as fit in one message (the rest counted), the snooze button, and how to answer.
 */
export function reminderBlocks(message: ReminderMessage): Block[] {
  return fitTaskList({
    head: [header(message.title, "title"), section(escapeMrkdwn(message.intro), { blockId: "intro" })],
    tasks: message.tasks,
    tail: [
      ...(message.snooze === null ? [] : [actions([renderSnoozeButton(message.snooze)], "snooze")]),
      context(escapeMrkdwn(message.replyHint), "hint"),
    ],
    unlisted: message.totalTasks - message.tasks.length,
    locale: message.locale,
  });
}
