import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

/** The active task with this id; refuses when there is none (archived, or a stale button). */
export async function findTask(
  deps: Pick<SupervisionDeps, "store">,
  person: Pick<Person, "locale">,
  taskId: string,
  options: { withLastReport?: boolean } = {},
): Promise<TaskRecord> {
  const [task] = await deps.store.listTasks({
    taskIds: [taskId],
    withLastReport: options.withLastReport === true,
  });
  if (task === undefined) {
    refuse(person, "task-not-found", {
      zh: "找不到该任务（可能已从方案中移除）。",
      en: "That task no longer exists (it may have been removed from the plan).",
    });
  }
  return task;
}
