import type { CommandTarget } from "../../domain/commands/duban-command.ts";
import { buildBoardMessage } from "../../domain/messages/build-board-message.ts";
import { buildStatusMessage } from "../../domain/messages/build-task-list-message.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { describeTasks, reportAction, supervisorActions } from "./describe-tasks.ts";
import { listMyTasks } from "./list-my-tasks.ts";

const ONLY_OWN = {
  zh: "联络员只能查看本部门的任务；查看全部进展需要督查人员权限。",
  en: "Contacts can only view their own departments' tasks; the whole board is for supervisors.",
};

/**
 * `/duban status [measure|部门]`: supervisors see the board (everything) or any measure or department;
 * a contact sees their own departments' tasks only; others are refused.
 */
export async function showStatus(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
  target: Exclude<CommandTarget, { kind: "overdue" }> | null,
): Promise<CoreOutcome> {
  const locale = localeOf(person.locale);
  const { directory, light } = context;
  const supervisor = isSupervisor(person);
  const actions = supervisor ? supervisorActions : reportAction;
  if (target === null) {
    if (!supervisor && person.departmentIds.length > 0) return listMyTasks(deps, person, context);
    requireSupervisor(person, { zh: "查看全部进展", en: "view the whole board" });
    const tasks = await deps.store.listTasks({ planId: directory.planId, withLastReport: true });
    return outcome([
      buildBoardMessage(
        locale,
        directory.title,
        directory.measures,
        describeTasks(tasks, light, locale, actions),
      ),
    ]);
  }
  if (target.kind === "department" && !supervisor && !person.departmentIds.includes(target.id)) {
    refuse(person, "forbidden", ONLY_OWN);
  }
  const query =
    target.kind === "measure"
      ? { planId: directory.planId, measureNumbers: [target.number], withLastReport: true }
      : { planId: directory.planId, departmentIds: [target.id], withLastReport: true };
  const tasks = (await deps.store.listTasks(query)).filter(
    (task) => supervisor || person.departmentIds.includes(task.department.id),
  );
  if (!supervisor && tasks.length === 0) refuse(person, "forbidden", ONLY_OWN);
  const measure =
    target.kind === "measure" ? directory.measures.find((m) => m.number === target.number) : undefined;
  const department =
    target.kind === "department" ? directory.departments.find((d) => d.id === target.id) : undefined;
  const scopeName = measure ? `${measure.label}${measure.title}` : (department?.name ?? "");
  return outcome([buildStatusMessage(locale, scopeName, describeTasks(tasks, light, locale, actions))]);
}
