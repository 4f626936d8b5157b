import { buildHistoryMessage } from "../../domain/messages/build-history-message.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";

/** How many reports `history` shows. */
export const HISTORY_LIMIT = 20;

/**
 * `/duban history <measure>`: the measure's reports, newest first, withdrawn and edited ones marked.
 * Supervisors see every department's; a contact their own departments'.
 */
export async function showHistory(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
  measureNumber: number,
): Promise<CoreOutcome> {
  const { directory } = context;
  const tasks = (
    await deps.store.listTasks({ planId: directory.planId, measureNumbers: [measureNumber] })
  ).filter((task) => isSupervisor(person) || person.departmentIds.includes(task.department.id));
  const measure = directory.measures.find((m) => m.number === measureNumber);
  if (tasks.length === 0 || measure === undefined) {
    refuse(person, "forbidden", {
      zh: "联络员只能查看本部门任务的进展记录。",
      en: "Contacts can only view the history of their own departments' tasks.",
    });
  }
  const reports = await deps.store.listReports(
    tasks.map((task) => task.id),
    { limit: HISTORY_LIMIT, includeWithdrawn: true },
  );
  const departmentOf = new Map(tasks.map((task) => [task.id, task.department.name]));
  const entries = reports.map((report) => ({
    ...report,
    departmentName: departmentOf.get(report.taskId) ?? "",
  }));
  return outcome([buildHistoryMessage(localeOf(person.locale), measure, entries, directory.timezone)]);
}
