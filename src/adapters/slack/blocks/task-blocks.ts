import type { StatusLight } from "../../../domain/lights/status-light.ts";
import type { TaskItem } from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import { actionButton } from "./action-button.ts";
import { actions, type Block, clip, escapeMrkdwn, section } from "./block-kit.ts";

const LIGHT_EMOJI: Record<StatusLight, string> = {
  green: ":large_green_circle:",
  yellow: ":large_yellow_circle:",
  red: ":red_circle:",
};

export function lightEmoji(light: StatusLight): string {
  return LIGHT_EMOJI[light];
}

function dueText(task: TaskItem, locale: Locale): string {
  if (task.dueOn === null || task.status === "DONE") return "";
  return locale === "zh" ? ` · 截止 ${task.dueOn}` : ` · due ${task.dueOn}`;
}

/** "（五）拓宽就业渠道 · 市人社局", escaped for mrkdwn. */
function taskHeading(task: TaskItem, titleMax: number): string {
  return escapeMrkdwn(`${task.measure.label}${clip(task.measure.title, titleMax)} · ${task.departmentName}`);
}

/**
 * One task as blocks: a section with its light, status, due day and last report; its one button as the
 * section's accessory, or several buttons in an actions block under it. `scope` keeps block ids unique when
 * the same task appears in two lists of one message.
 */
export function taskBlocks(task: TaskItem, locale: Locale, scope: string): Block[] {
  const lines = [
    `${lightEmoji(task.light)} *${taskHeading(task, 200)}*`,
    `${escapeMrkdwn(task.statusText)} · ${escapeMrkdwn(task.lightText)}${dueText(task, locale)}`,
  ];
  if (task.lastReport !== null) {
    const label = locale === "zh" ? "最近进展：" : "Last report: ";
    lines.push(`_${label}${escapeMrkdwn(clip(task.lastReport, 600))}_`);
  }
  const blockId = `${scope}.${task.taskId}`;
  const [only, ...others] = task.actions;
  if (only === undefined) return [section(lines.join("\n"), { blockId })];
  if (others.length === 0) return [section(lines.join("\n"), { blockId, accessory: actionButton(only) })];
  return [
    section(lines.join("\n"), { blockId }),
    actions(task.actions.map(actionButton), `${blockId}.actions`),
  ];
}

/** One compact line for a task in a summary list (no buttons). */
export function taskLine(task: TaskItem): string {
  return `${lightEmoji(task.light)} ${taskHeading(task, 30)} · ${escapeMrkdwn(task.statusText)}`;
}
