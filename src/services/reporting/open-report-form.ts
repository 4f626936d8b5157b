import { buildReportForm } from "../../domain/messages/build-report-form.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { ChatUser } from "../../domain/supervision/supervision-types.ts";
import { reportedStatusOf } from "../../domain/supervision/task-change-for-report.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { findTask } from "../tasks/find-task.ts";
import { checkCanReport } from "./save-progress-report.ts";
import { newReportForm } from "./start-report.ts";

/**
 * A "report progress" button: the report form for the task, when the person may report on it; with
 * `reportId` (an "edit" button), the form for editing that report of theirs, filled in.
 */
export async function openReportForm(
  deps: Pick<SupervisionDeps, "store" | "clock" | "admins">,
  user: ChatUser,
  taskId: string,
  reportId: string | null = null,
): Promise<CoreOutcome> {
  const person = await identifyPerson(deps, user);
  return withRefusals(person, async () => {
    const task = await findTask(deps, person, taskId);
    checkCanReport(person, task);
    if (reportId === null) return outcome([], { openForm: newReportForm(person, task) });
    const report = await deps.store.findReport(reportId);
    if (
      report === null ||
      report.taskId !== task.id ||
      report.authorId !== person.id ||
      report.withdrawnAt !== null
    ) {
      refuse(person, "forbidden", {
        zh: "只能修改自己填报且未撤回的进展。",
        en: "You can only edit your own reports that are not withdrawn.",
      });
    }
    const form = buildReportForm(
      localeOf(person.locale),
      task,
      { ...report, status: reportedStatusOf(report.status) },
      report.id,
    );
    return outcome([], { openForm: form });
  });
}
