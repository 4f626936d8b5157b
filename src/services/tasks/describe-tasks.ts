import { buildTaskItem, type TaskActionKind } from "../../domain/messages/build-task-item.ts";
import type { TaskItem } from "../../domain/messages/message-types.ts";
import { assessTask, type LightContext } from "../../domain/supervision/assess-task.ts";
import type { Locale } from "../../domain/supervision/locale.ts";
import type { TaskRecord } from "../../domain/supervision/supervision-types.ts";

/** The buttons a task offers by default: report while it is not closed (办结). */
export function reportAction(task: TaskRecord): TaskActionKind[] {
  return task.status === "DONE" ? [] : ["report"];
}

/** The buttons a supervisor gets: approve (办结) or return a task awaiting approval, report on the others. */
export function supervisorActions(task: TaskRecord): TaskActionKind[] {
  return task.status === "AWAITING_APPROVAL" ? ["approve", "return"] : reportAction(task);
}

/** Tasks as messages show them: lights assessed, buttons chosen per task. */
export function describeTasks(
  tasks: readonly TaskRecord[],
  light: LightContext,
  locale: Locale,
  actions: (task: TaskRecord) => TaskActionKind[] = reportAction,
): TaskItem[] {
  return tasks.map((task) =>
    buildTaskItem(task, assessTask(task, light), locale, {
      timeZone: light.timeZone,
      actions: actions(task),
    }),
  );
}
