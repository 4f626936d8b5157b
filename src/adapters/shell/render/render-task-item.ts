import type { LightCounts, TaskItem } from "../../../domain/messages/message-types.ts";
import type { Locale } from "../../../domain/supervision/locale.ts";
import type { RenderContext } from "./render-context.ts";

function dueText(task: TaskItem, locale: Locale): string | null {
  if (task.dueOn === null || task.status === "DONE") return null;
  return locale === "zh" ? `截止 ${task.dueOn}` : `due ${task.dueOn}`;
}

/** "（五）拓宽就地就近就业渠道 · 市人力资源社会保障局". */
export function taskHeading(task: TaskItem): string {
  return `${task.measure.label}${task.measure.title} · ${task.departmentName}`;
}

/**
 * One task, in two or three lines: light and heading; status, why the light, due day and its buttons; the
 * latest report.
 */
export function taskItemLines(task: TaskItem, locale: Locale, context: RenderContext, indent = ""): string[] {
  const { style } = context;
  const facts = [task.statusText];
  if (task.lightText !== task.statusText) facts.push(task.lightText);
  const due = dueText(task, locale);
  if (due !== null) facts.push(due);
  const buttons = task.actions.map((action) => context.actions.button(action)).join("  ");
  const lines = [
    `${indent}${style.light(task.light, locale)} ${style.bold(taskHeading(task))}`,
    `${indent}  ${facts.join(" · ")}${buttons === "" ? "" : `   ${buttons}`}`,
  ];
  if (task.lastReport !== null) {
    lines.push(
      `${indent}  ${style.dim(`${locale === "zh" ? "最近进展：" : "Last report: "}${task.lastReport}`)}`,
    );
  }
  return lines;
}

/** One short line for a task in a summary list, without buttons. */
export function taskLine(task: TaskItem, locale: Locale, context: RenderContext, indent = ""): string {
  return `${indent}${context.style.light(task.light, locale)} ${taskHeading(task)} · ${task.statusText}`;
}

/** "● 3  ● 1  ● 2" (green, yellow, red), or "[绿] 3  [黄] 1  [红] 2" without colour. */
export function lightCountsText(counts: LightCounts, locale: Locale, context: RenderContext): string {
  return (["green", "yellow", "red"] as const)
    .map((light) => `${context.style.light(light, locale)} ${counts[light]}`)
    .join("  ");
}
