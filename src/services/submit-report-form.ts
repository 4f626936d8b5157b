import type { ReportFieldId } from "../domain/messages/report-form-fields.ts";
import { type ReportFormInput, validateReportForm } from "../domain/messages/report-form-schema.ts";
import { localeOf } from "../domain/supervision/locale.ts";
import type { ChatUser, ReportSource } from "../domain/supervision/supervision-types.ts";
import type { CoreOutcome } from "./core-outcome.ts";
import { findTask } from "./find-task.ts";
import { identifyPerson } from "./identify-person.ts";
import { refuse } from "./refuse.ts";
import { reviseReport } from "./revise-report.ts";
import { saveProgressReport } from "./save-progress-report.ts";
import type { SupervisionDeps } from "./supervision-deps.ts";
import { withRefusals } from "./with-refusals.ts";

export interface ReportFormSubmission {
  user: ChatUser;
  taskId: string;
  /** Set when the form edits this report. */
  reportId?: string | null;
  values: ReportFormInput;
  /** Default MODAL; the shell says SHELL. */
  source?: ReportSource;
}

export type ReportFormResult =
  /** Show these errors on the form's fields; nothing was stored. */
  | { kind: "invalid"; errors: Partial<Record<ReportFieldId, string>> }
  | { kind: "done"; outcome: CoreOutcome };

/** A submitted report form: validated (errors per field), then stored as a new report or an edit. */
export async function submitReportForm(
  deps: SupervisionDeps,
  submission: ReportFormSubmission,
): Promise<ReportFormResult> {
  const person = await identifyPerson(deps, submission.user);
  const validation = validateReportForm(submission.values, localeOf(person.locale));
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const content = { ...validation.values, rawText: null };
  const result = await withRefusals(person, async () => {
    const task = await findTask(deps, person, submission.taskId);
    if (!submission.reportId) {
      const origin = {
        source: submission.source ?? "MODAL",
        chatChannel: null,
        chatTs: null,
        chatEventId: null,
      } as const;
      return saveProgressReport(deps, person, task, content, origin);
    }
    const report = await deps.store.findReport(submission.reportId);
    if (report === null || report.taskId !== task.id) {
      refuse(person, "report-not-found", {
        zh: "找不到要修改的进展。",
        en: "The report to edit was not found.",
      });
    }
    return reviseReport(deps, person, task, report, content);
  });
  return { kind: "done", outcome: result };
}
