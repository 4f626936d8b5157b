import { type Locale, pick } from "../supervision/locale.ts";
import { countLights, lightCountsText } from "./count-lights.ts";
import type { StatusMessage, TaskItem, TaskListMessage } from "./message-types.ts";

/** `/duban tasks`: the person's tasks with lights, last reports and report buttons. */
export function buildTaskListMessage(locale: Locale, tasks: readonly TaskItem[]): TaskListMessage {
  const title = pick(locale, { zh: `我的任务（${tasks.length}）`, en: `My tasks (${tasks.length})` });
  const emptyText = pick(locale, {
    zh: "您还不是任何部门的联络员，暂无任务。请督查人员用 /duban assign <部门> @您 指派。",
    en: "You are not a contact of any department yet, so you have no tasks. Ask a supervisor to run /duban assign <department> @you.",
  });
  const counts = lightCountsText(countLights(tasks), locale);
  return {
    kind: "task_list",
    locale,
    summary: tasks.length === 0 ? emptyText : `${title} ${counts}`,
    title,
    emptyText,
    tasks: [...tasks],
  };
}

/** `/duban status <measure|部门>`: the tasks of one measure or department, with their lights. */
export function buildStatusMessage(
  locale: Locale,
  scopeName: string,
  tasks: readonly TaskItem[],
): StatusMessage {
  const totals = countLights(tasks);
  const title = pick(locale, { zh: `进展：${scopeName}`, en: `Progress: ${scopeName}` });
  return {
    kind: "status",
    locale,
    summary: `${title} (${lightCountsText(totals, locale)})`,
    title,
    totals,
    tasks: [...tasks],
  };
}
