import { isDomainError } from "../../domain/errors.ts";
import type { EvidenceFile } from "../../domain/evidence/report-evidence.ts";
import type { ReportFieldId } from "../../domain/messages/report-form-fields.ts";
import { type ReportFormInput, validateReportForm } from "../../domain/messages/report-form-schema.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { ChatUser, ReportSource } from "../../domain/supervision/supervision-types.ts";
import type { CoreOutcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { findTask } from "../tasks/find-task.ts";
import { reviseReport } from "./revise-report.ts";
import { checkCanReport, saveProgressReport } from "./save-progress-report.ts";

export interface ReportFormSubmission {
  user: ChatUser;
  taskId: string;
  /** Set when the form edits this report. */
  reportId?: string | null;
  values: ReportFormInput;
  /** Files added in the form (Slack: its file_input), kept with the report as evidence. */
  files?: readonly EvidenceFile[];
  /** Names this submission (Slack: the view's id and hash): the same form submitted twice stores one report. */
  submissionKey?: string | null;
  /** Default MODAL; the shell says SHELL. */
  source?: ReportSource;
}

export type ReportFormResult =
  /** Show these errors on the form's fields; nothing was stored. */
  | { kind: "invalid"; errors: Partial<Record<ReportFieldId, string>> }
  | { kind: "done"; outcome: CoreOutcome };

/** Whether a submitted form will be accepted, worked out without storing anything. */
export type ReportFormCheck =
  | { kind: "invalid"; errors: Partial<Record<ReportFieldId, string>> }
  /** The person may not report this (not their department, the task closed, someone else's report). */
  | { kind: "refused"; message: string }
  | { kind: "ok" };

/**
 * The form's checks, in the database only (no chat platform call), so that a front end can answer the
 * submission at once (Slack wants its answer within 3 seconds) and store it after with submitReportForm: the
 * fields (errors per field, in the person's language), then the person's right to report on the task and, for
 * an edit, that the report is theirs and not withdrawn.
 */
export async function checkReportForm(
  deps: SupervisionDeps,
  submission: ReportFormSubmission,
): Promise<ReportFormCheck> {
  const person = await identifyPerson(deps, submission.user);
  const validation = validateReportForm(submission.values, localeOf(person.locale));
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  try {
    const task = await findTask(deps, person, submission.taskId);
    checkCanReport(person, task);
    if (submission.reportId) {
      const report = await deps.store.findReport(submission.reportId);
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
    }
  } catch (error) {
    if (isDomainError(error)) return { kind: "refused", message: error.userMessage };
    throw error;
  }
  return { kind: "ok" };
}

/**
 * A submitted report form: validated (errors per field), then stored as a new report or an edit, with the
 * files added in the form as evidence. A submission whose key is already stored (the same form submitted
 * twice) answers with the report stored the first time.
 */
export async function submitReportForm(
  deps: SupervisionDeps,
  submission: ReportFormSubmission,
): Promise<ReportFormResult> {
  const person = await identifyPerson(deps, submission.user);
  const validation = validateReportForm(submission.values, localeOf(person.locale));
  if (!validation.ok) return { kind: "invalid", errors: validation.errors };
  const content = { ...validation.values, evidenceFiles: submission.files ?? [], rawText: null };
  const result = await withRefusals(person, async () => {
    const task = await findTask(deps, person, submission.taskId);
    if (!submission.reportId) {
      const origin = {
        source: submission.source ?? "MODAL",
        chatChannel: null,
        chatTs: null,
        chatEventId: submission.submissionKey ?? null,
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
