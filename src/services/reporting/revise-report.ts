import { newEvidenceFiles } from "../../domain/evidence/report-evidence.ts";
import { buildReportReceipt } from "../../domain/messages/build-report-receipt.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { Person, ProgressReportRecord, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { taskChangeForReport } from "../../domain/supervision/task-change-for-report.ts";
import { requestApproval } from "../approval/request-approval.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { checkCanReport, type ReportContent } from "./save-progress-report.ts";

/**
 * Changes a report (its author, from the form's "edit" or an edited chat message), audited. The task
 * follows when it is the task's latest report; a change to 已完成 asks the supervisors to approve.
 */
export async function reviseReport(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  person: Person,
  task: TaskRecord,
  report: ProgressReportRecord,
  content: ReportContent,
): Promise<CoreOutcome> {
  if (report.authorId !== person.id || report.withdrawnAt !== null) {
    refuse(person, "forbidden", {
      zh: "只能修改自己填报且未撤回的进展。",
      en: "You can only edit your own reports that are not withdrawn.",
    });
  }
  checkCanReport(person, task);
  const now = deps.clock.now();
  const change = taskChangeForReport(content, task.percent);
  const fixedPercent = content.status === "done" || content.status === "not_started";
  const revision = {
    status: change.status,
    percent: fixedPercent ? change.percent : content.percent,
    done: content.done,
    nextSteps: content.nextSteps,
    blocker: content.blocker,
    evidence: [...content.evidence],
    // files are only ever added: a file the form or the edit does not mention stays kept
    evidenceFiles: [
      ...report.evidenceFiles,
      ...newEvidenceFiles(report.evidenceFiles, content.evidenceFiles),
    ],
    rawText: content.rawText,
    editedAt: now,
  };
  const [latest] = await deps.store.listReports([task.id], { limit: 1 });
  const isLatest = latest?.id === report.id;
  const taskUpdate = isLatest
    ? { taskId: task.id, ...change, lastReportAt: task.lastReportAt ?? report.createdAt }
    : null;
  const { status, percent, done, nextSteps, blocker, evidence, evidenceFiles, rawText } = report;
  await deps.store.reviseReport(report.id, revision, taskUpdate, {
    actor: person.id,
    action: "report.edit",
    subjectType: "report",
    subjectId: report.id,
    before: {
      status,
      percent,
      done,
      nextSteps,
      blocker,
      evidence,
      evidenceFiles,
      rawText,
      task: { status: task.status, percent: task.percent },
    },
    after: { ...revision, task: taskUpdate },
    at: now,
  });
  const updated = { ...report, ...revision };
  const receipt = buildReportReceipt(localeOf(person.locale), task, updated, { edited: true });
  const newlyDone = isLatest && change.status === "AWAITING_APPROVAL" && task.status !== "AWAITING_APPROVAL";
  const deliveries = newlyDone ? await requestApproval(deps, person, task, updated) : [];
  return outcome([receipt], { deliveries });
}
