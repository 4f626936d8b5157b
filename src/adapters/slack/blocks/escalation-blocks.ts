import type { EscalationMessage } from "../../../domain/messages/schedule-message-types.ts";
import { BLOCK_LIMITS, type Block, context, escapeMrkdwn, header, section } from "./block-kit.ts";
import { taskLinesBlocks } from "./board-section-blocks.ts";
import { fitTaskList } from "./fit-task-list.ts";
import { linesWithinBudget, MESSAGE_TEXT_BUDGET } from "./message-budget.ts";
import { slackWords } from "./slack-words.ts";

const MAX_TASK_LINES = 25;

function departmentLines(message: EscalationMessage): string[] {
  const zh = message.locale === "zh";
  const lines = message.departments.map((d) =>
    escapeMrkdwn(zh ? `• ${d.name}：${d.overdueTasks} 项` : `• ${d.name}: ${d.overdueTasks}`),
  );
  const hidden = message.totalDepartments - message.departments.length;
  if (hidden > 0) lines.push(slackWords.moreLines(message.locale, hidden));
  if (message.unreachable.length > 0) {
    const names = escapeMrkdwn(message.unreachable.slice(0, 30).join(zh ? "、" : ", "));
    const more = message.unreachable.length > 30 ? (zh ? " 等" : " …") : "";
    lines.push(
      zh
        ? `:warning: 无联络员、无法催办的部门（${message.unreachable.length}）：${names}${more}`
        : `:warning: No contact to remind (${message.unreachable.length}): ${names}${more}`,
    );
  }
  return lines;
}

/**
 * 督办. To supervisors: the departments behind with their counts, who could not be reminded, and the first
 * tasks as compact lines. To a lead contact: their department's tasks with report buttons.
 */
export function escalationBlocks(message: EscalationMessage): Block[] {
  const { locale } = message;
  const head = [header(message.title, "title"), section(escapeMrkdwn(message.intro), { blockId: "intro" })];
  if (message.audience === "supervisor") {
    // the departments take at most half the message's text, the task lines the rest
    const departments = linesWithinBudget(departmentLines(message), MESSAGE_TEXT_BUDGET / 2, (hidden) =>
      slackWords.moreLines(locale, hidden),
    ).map((text, index) => section(text, { blockId: `departments.${index}` }));
    const title = locale === "zh" ? "逾期任务" : "Overdue tasks";
    const tasks = taskLinesBlocks(title, message.tasks, {
      locale,
      scope: "tasks",
      maxLines: MAX_TASK_LINES,
      total: message.totalTasks,
    });
    return [...head, ...departments, ...tasks].slice(0, BLOCK_LIMITS.messageBlocks);
  }
  return fitTaskList({
    head,
    tasks: message.tasks,
    tail: [context(escapeMrkdwn(message.summary), "summary")],
    unlisted: message.totalTasks - message.tasks.length,
    locale,
  });
}
