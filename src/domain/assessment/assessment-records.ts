import type { EvidenceFile } from "../evidence/report-evidence.ts";
import type { TaskStatus } from "../supervision/supervision-types.ts";

/** A task as the assessment and the ledger read it. */
export interface AssessedTask {
  id: string;
  measure: { number: number; label: string; title: string; section: { label: string; title: string } | null };
  department: { id: string; name: string };
  /** The county whose counterpart carries the task; null for a city-level task. */
  county: { id: string; name: string } | null;
  status: TaskStatus;
  percent: number;
  lastReportAt: Date | null;
  approvedAt: Date | null;
  /** When Duban began tracking it (the plan's load); unknown: tracked all along. */
  trackedSince?: Date;
}

/** A progress report (withdrawn ones included: the ledger lists them, the assessment skips them). */
export interface AssessedReport {
  id: string;
  taskId: string;
  authorName: string;
  createdAt: Date;
  status: TaskStatus;
  percent: number | null;
  done: string;
  nextSteps: string | null;
  blocker: string | null;
  evidence: string[];
  evidenceFiles: EvidenceFile[];
  source: string;
  editedAt: Date | null;
  withdrawnAt: Date | null;
}

/** A reminder, urge or escalation (a Reminder outbox row). */
export interface AssessedReminder {
  id: string;
  taskId: string | null;
  /** first, due, overdue-N, escalation, urge, approval-request ... */
  kind: string;
  slot: string;
  recipientName: string | null;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
}

/** Everything Duban keeps about a plan's work, as the assessment and the ledger read it. */
export interface SupervisionHistory {
  tasks: AssessedTask[];
  reports: AssessedReport[];
  reminders: AssessedReminder[];
}

/** Reminder kinds that count as urges received: a supervisor's 催办 and the scheduled 督办 escalation. */
export const URGE_KINDS: ReadonlySet<string> = new Set(["urge", "escalation"]);
