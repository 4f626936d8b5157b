import type {
  QuestionMessage,
  StatusMessage,
  TaskListMessage,
  UrgeMessage,
} from "../../../domain/messages/message-types.ts";
import { BLOCK_LIMITS, type Block, context, escapeMrkdwn, header, section } from "./block-kit.ts";
import { fitBlocks } from "./fit-blocks.ts";
import { lightCountsMrkdwn, slackWords } from "./slack-words.ts";
import { taskBlocks } from "./task-blocks.ts";

// The messages that are a list of tasks (task list, status, urge, question), each task drawn by taskBlocks.

type TaskMessage = TaskListMessage | StatusMessage | UrgeMessage | QuestionMessage;

function tasksWithin(message: TaskMessage, head: Block[], tail: Block[]): Block[] {
  return fitBlocks({
    head,
    items: message.tasks,
    render: (task) => taskBlocks(task, message.locale, "task"),
    tail,
    more: (hidden) => section(slackWords.moreTasks(message.locale, hidden), { blockId: "more" }),
    max: BLOCK_LIMITS.messageBlocks,
  });
}

/** `/duban tasks`: the contact's tasks with lights, last reports and report buttons. */
export function taskListBlocks(message: TaskListMessage): Block[] {
  const head = [header(message.title, "title")];
  if (message.tasks.length === 0)
    return [...head, section(escapeMrkdwn(message.emptyText), { blockId: "empty" })];
  return tasksWithin(message, head, []);
}

/** `/duban status 5`: one measure's or one department's tasks, with their lights. */
export function statusBlocks(message: StatusMessage): Block[] {
  return tasksWithin(
    message,
    [header(message.title, "title"), context(lightCountsMrkdwn(message.totals), "totals")],
    [],
  );
}

/** 催办: the urged contact's tasks, each with a report button, and how to answer in the thread. */
export function urgeBlocks(message: UrgeMessage): Block[] {
  const head = [header(message.title, "title"), section(escapeMrkdwn(message.intro), { blockId: "intro" })];
  return tasksWithin(message, head, [context(escapeMrkdwn(message.replyHint), "hint")]);
}

/** A question back (which task? which status?), with the candidate tasks as choices. */
export function questionBlocks(message: QuestionMessage): Block[] {
  return tasksWithin(
    message,
    [section(`:grey_question: ${escapeMrkdwn(message.question)}`, { blockId: "question" })],
    [],
  );
}
