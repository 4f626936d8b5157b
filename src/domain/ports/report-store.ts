import type { EvidenceFile } from "../evidence/report-evidence.ts";
import type { ProgressReportRecord } from "../supervision/supervision-types.ts";
import type { TaskChange } from "../supervision/task-change-for-report.ts";
import type { AuditEntry } from "./audit-entry.ts";

export type NewProgressReport = Omit<ProgressReportRecord, "editedAt" | "withdrawnAt">;

/** What a report does to its task, written with it. */
export interface TaskReportUpdate extends TaskChange {
  taskId: string;
  /** The time of the task's latest report afterwards (null when none is left). */
  lastReportAt: Date | null;
}

/** A report's new content; `evidenceFiles` is the whole list after the revision (files are only ever added). */
export type ReportRevision = Pick<
  ProgressReportRecord,
  "status" | "percent" | "done" | "nextSteps" | "blocker" | "evidence" | "evidenceFiles" | "rawText"
> & { editedAt: Date };

export interface ReportWithAuthor extends ProgressReportRecord {
  authorName: string;
}

/** Progress reports. Every write changes the report, its task and the audit log in one transaction. */
export interface ReportStore {
  /**
   * Stores the report and updates its task. A report whose `chatEventId` is already stored (a platform
   * re-delivering an event) is not stored again: the stored one comes back with `duplicate: true`.
   */
  saveReport(
    report: NewProgressReport,
    task: TaskReportUpdate,
    audit: AuditEntry,
  ): Promise<{ report: ProgressReportRecord; duplicate: boolean }>;
  findReport(id: string): Promise<ProgressReportRecord | null>;
  /** The report made by the chat message `ts` in `channel`, withdrawn or not. */
  findReportByMessage(channel: string, ts: string): Promise<ProgressReportRecord | null>;
  reviseReport(
    id: string,
    revision: ReportRevision,
    task: TaskReportUpdate | null,
    audit: AuditEntry,
  ): Promise<void>;
  withdrawReport(id: string, at: Date, task: TaskReportUpdate | null, audit: AuditEntry): Promise<void>;
  /** Keeps more evidence files with a report (a file shared after the report); one already kept is skipped. */
  addEvidenceFiles(id: string, files: readonly EvidenceFile[], at: Date, audit: AuditEntry): Promise<void>;
  /** These reports (withdrawn or not), in no particular order; unknown ids are left out. */
  findReports(ids: readonly string[]): Promise<ProgressReportRecord[]>;
  /** Reports of the tasks, newest first; withdrawn ones only when asked. */
  listReports(
    taskIds: readonly string[],
    options: { limit: number; includeWithdrawn?: boolean },
  ): Promise<ReportWithAuthor[]>;
}
