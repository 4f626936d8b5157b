import { randomUUID } from "node:crypto";
import type { EvidenceFile } from "../../domain/evidence/report-evidence.ts";
import { buildReportReceipt } from "../../domain/messages/build-report-receipt.ts";
import { taskTitle } from "../../domain/messages/build-task-item.ts";
import type { ReportedStatus } from "../../domain/progress/reply-parse.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import { canReportFor } from "../../domain/supervision/roles.ts";
import type { Person, ReportSource, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { taskChangeForReport } from "../../domain/supervision/task-change-for-report.ts";
import { requestApproval } from "../approval/request-approval.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

/** A progress report as read from the form or a reply. */
export interface ReportContent {
  status: ReportedStatus;
  percent: number | null;
  done: string;
  nextSteps: string | null;
  blocker: string | null;
  evidence: readonly string[];
  /** Files kept as evidence: shared with the reply, added in the form, or attached in the shell. */
  evidenceFiles: readonly EvidenceFile[];
  /** The free-text reply as written; null for the form. */
  rawText: string | null;
}

/** Where the report came from in the chat, if from a message. */
export interface ReportOrigin {
  source: ReportSource;
  chatChannel: string | null;
  chatTs: string | null;
  /** The platform's event id (a form's view id and hash): the same event or form twice stores one report. */
  chatEventId: string | null;
}

/** Checks that the person may report for the task, and that the task is still open. */
export function checkCanReport(person: Person, task: TaskRecord): void {
  const title = taskTitle(task);
  if (!canReportFor(person, task.department.id)) {
    refuse(person, "forbidden", {
      zh: `您不是${task.department.name}的联络员，不能填报“${title}”的进展。`,
      en: `You are not a contact of ${task.department.name}, so you cannot report on "${title}".`,
    });
  }
  if (task.status === "DONE") {
    refuse(person, "task-closed", {
      zh: `“${title}”已办结，不能再填报；如需修改请联系督查人员退回。`,
      en: `"${title}" is closed (办结); ask a supervisor to return it first.`,
    });
  }
}

/**
 * Stores a progress report and what it does to the task (one transaction, audited), answers with a
 * receipt, and asks the supervisors to approve when it reports 已完成. A re-delivered event answers with
 * the receipt of the report stored the first time, and changes nothing.
 */
export async function saveProgressReport(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  person: Person,
  task: TaskRecord,
  content: ReportContent,
  origin: ReportOrigin,
): Promise<CoreOutcome> {
  checkCanReport(person, task);
  const now = deps.clock.now();
  const change = taskChangeForReport(content, task.percent);
  const fixedPercent = content.status === "done" || content.status === "not_started";
  const report = {
    id: randomUUID(),
    taskId: task.id,
    authorId: person.id,
    status: change.status,
    percent: fixedPercent ? change.percent : content.percent,
    done: content.done,
    nextSteps: content.nextSteps,
    blocker: content.blocker,
    evidence: [...content.evidence],
    evidenceFiles: [...content.evidenceFiles],
    rawText: content.rawText,
    ...origin,
    createdAt: now,
  };
  const saved = await deps.store.saveReport(
    report,
    { taskId: task.id, ...change, lastReportAt: now },
    {
      actor: person.id,
      action: "report.create",
      subjectType: "task",
      subjectId: task.id,
      before: { status: task.status, percent: task.percent },
      after: {
        ...change,
        reportId: report.id,
        source: origin.source,
        ...(report.evidenceFiles.length > 0 ? { evidenceFiles: report.evidenceFiles } : {}),
      },
      at: now,
    },
  );
  const receipt = buildReportReceipt(localeOf(person.locale), task, saved.report, {
    duplicate: saved.duplicate,
  });
  if (saved.duplicate) return outcome([receipt]);
  const newlyDone = change.status === "AWAITING_APPROVAL" && task.status !== "AWAITING_APPROVAL";
  const deliveries = newlyDone ? await requestApproval(deps, person, task, saved.report) : [];
  return outcome([receipt], { deliveries });
}
