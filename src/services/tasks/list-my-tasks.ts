import { buildTaskListMessage } from "../../domain/messages/build-task-list-message.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "./describe-tasks.ts";

/** The tasks of the person's departments, with their latest reports. */
export async function loadMyTasks(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
): Promise<TaskRecord[]> {
  if (person.departmentIds.length === 0) return [];
  return deps.store.listTasks({
    planId: context.directory.planId,
    departmentIds: person.departmentIds,
    withLastReport: true,
  });
}

/** `/duban tasks`: my tasks with lights, last reports and a report button each. */
export async function listMyTasks(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
): Promise<CoreOutcome> {
  const locale = localeOf(person.locale);
  const tasks = await loadMyTasks(deps, person, context);
  return outcome([buildTaskListMessage(locale, describeTasks(tasks, context.light, locale))]);
}
