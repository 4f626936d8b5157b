// What the supervision core keeps (SupervisionStore): people, the plan's directory, tasks, reports, reminders.
import type { EvidenceFile } from "../evidence/report-evidence.ts";
import type {
  Person,
  PlanDirectory,
  ProgressReportRecord,
  Role,
  TaskRecord,
  TaskStatus,
} from "../supervision/supervision-types.ts";
import type { TaskChange } from "../supervision/task-change-for-report.ts";
import type { AuditEntry } from "./audit-entry.ts";
import type { ChatMessageRef } from "./chat.ts";
import type { AbsenceStore, SnoozeStore } from "./schedule-store.ts";

/** Everything the supervision core keeps: people and contacts, the plan, tasks, reports, reminders. */
export type SupervisionStore = PersonStore &
  PlanDirectoryStore &
  TaskStore &
  ReportStore &
  ReminderStore &
  AbsenceStore &
  SnoozeStore;

export interface NewPerson {
  platform: string;
  externalId: string;
  displayName: string;
  email: string | null;
  locale: string | null;
  role: Role;
}

export interface PersonChanges {
  displayName?: string;
  email?: string | null;
  locale?: string | null;
  role?: Role;
}

/** The people Duban knows and the departments they are contacts (联络员) of. */
export interface PersonStore {
  findPerson(platform: string, externalId: string): Promise<Person | null>;
  findPersonById(id: string): Promise<Person | null>;
  /** People of the platform with exactly this display name (for "@张三" mentions). */
  findPeopleByName(platform: string, displayName: string): Promise<Person[]>;
  /**
   * Creates the person with the audit entry (its subjectId and `after` are set to the new person), or
   * returns the one a concurrent call created under the same platform id.
   */
  createPerson(person: NewPerson, audit: AuditEntry): Promise<Person>;
  updatePerson(id: string, changes: PersonChanges, audit: AuditEntry): Promise<Person>;
  /** Supervisors and admins. */
  listSupervisors(): Promise<Person[]>;
  /** The contacts of the departments, each with the department they stand for. */
  listContacts(departmentIds: readonly string[]): Promise<Array<{ departmentId: string; person: Person }>>;
  /**
   * In one transaction: gives the person `role` and, when `departmentId` is set, makes them a contact of
   * that department (nothing when they already are).
   */
  assignPerson(
    assignment: { personId: string; role: Role; departmentId: string | null },
    audit: AuditEntry,
  ): Promise<{ contactAdded: boolean; roleChanged: boolean }>;
}

/** The loaded plan the supervision core works on. */
export interface PlanDirectoryStore {
  /** The plan `planId`, or the most recently created plan when none is named; null when none is loaded. */
  readPlanDirectory(planId?: string): Promise<PlanDirectory | null>;
}

/** Which active tasks to list; every given filter applies. */
export interface TaskQuery {
  planId?: string;
  taskIds?: readonly string[];
  departmentIds?: readonly string[];
  measureNumbers?: readonly number[];
  /** Only the tasks listed by the Duban message at this chat channel and timestamp (its reminders). */
  listedBy?: { channel: string; ts: string };
  /** Include each task's latest report that is not withdrawn (an extra join; off on hot paths). */
  withLastReport?: boolean;
}

/** The plan's active tasks, narrowed: to a department, to a county (null: the city-level tasks), to departments. */
export interface TaskSliceQuery {
  planId: string;
  departmentId?: string;
  county?: string | null;
  /** Only these departments' tasks (what a contact may see). */
  departmentIds?: readonly string[];
  /** The plan's IANA time zone: days below are its calendar days. */
  timeZone: string;
}

/**
 * What a task's light depends on besides the plan's calendar and the time (assessTask reads only the status and
 * the plan-local days of the last report and of the tracking start): tasks with the same key have the same light.
 */
export interface TaskLightKey {
  status: TaskStatus;
  /** The day of the last report, "YYYY-MM-DD"; null when none. */
  reportDay: string | null;
  /** The day the task was first tracked, "YYYY-MM-DD". */
  trackedDay: string;
}

/** Tasks of one measure with the same light key, counted; the times are one such task's. */
export interface TaskTally extends TaskLightKey {
  measureNumber: number;
  lastReportAt: Date | null;
  trackedSince: Date;
  count: number;
}

export interface TaskStatusChange extends TaskChange {
  approvedAt: Date | null;
  approvedById: string | null;
}

/** Tasks: one measure x one lead department. */
export interface TaskStore {
  /** Active tasks, by measure number, the primary lead first, then by department name. */
  listTasks(query: TaskQuery): Promise<TaskRecord[]>;
  /** The slice's tasks counted by measure and light key, without reading them (the web board at scale). */
  tallyTasks(query: TaskSliceQuery): Promise<TaskTally[]>;
  /**
   * The ids of one page of the slice's tasks of `measureNumbers` whose light key is one of `keys` (null: any),
   * in listTasks' order (measure, primary lead first, city before counties, county, department name).
   */
  pageTaskIds(
    query: TaskSliceQuery & {
      measureNumbers: readonly number[];
      keys: readonly TaskLightKey[] | null;
      /** The plan's counties, as listTaskCounties gives them (in listTasks' order). */
      counties: readonly string[];
      offset: number;
      limit: number;
    },
  ): Promise<string[]>;
  /** The counties (workflow ids) the plan's active tasks are in. */
  listTaskCounties(planId: string): Promise<string[]>;
  /**
   * Changes a task's status when it still has one of `expected`, with the audit entry; false (nothing
   * changed) when someone changed it meanwhile.
   */
  changeTaskStatus(
    taskId: string,
    change: TaskStatusChange,
    expected: readonly TaskStatus[],
    audit: AuditEntry,
  ): Promise<boolean>;
}

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

/** A direct message to send, recorded before it is sent (an outbox row: Reminder). */
export interface NewReminder {
  taskId: string | null;
  recipientId: string;
  /** "urge", "approval-request", "approval-result" ... */
  kind: string;
  /** The reporting cycle or schedule slot it belongs to ("2026-11"). */
  slot: string;
  /** Unique: a second row with the same key is not created (and its message not sent again). */
  idempotencyKey: string;
  /**
   * The rows of one message share it: a message not delivered at once is left to the outbox, which sends
   * the group later, once (see OutboxStore). Without it the row is a record only, never resent.
   */
  groupKey?: string | null;
  /** The message, so an unsent row can be sent later. */
  payload: unknown;
  /** When the action made it (the core's clock): the ledger's 催办记录 files the row by this. */
  createdAt: Date;
}

/** Who is sending the rows being created: they are written claimed by `owner`, so no outbox pass takes them meanwhile. */
export interface ReminderClaim {
  owner: string;
  at: Date;
}

/** When a message that could not be sent now is tried again, by the outbox. */
export interface ReminderRetry {
  nextAttemptAt: Date;
  /** False for a rate limit (HTTP 429): it is no failed attempt. */
  countAttempt: boolean;
}

/** Messages Duban sends, and the tasks each one listed, so replies in its thread map back to them. */
export interface ReminderStore {
  /**
   * Creates the rows not already there (by idempotency key) with the audit entries, claimed by `claim` when
   * given; returns the keys created.
   */
  createReminders(
    rows: readonly NewReminder[],
    audits: readonly AuditEntry[],
    claim?: ReminderClaim,
  ): Promise<Set<string>>;
  markRemindersSent(idempotencyKeys: readonly string[], ref: ChatMessageRef, at: Date): Promise<void>;
  /** Records the failure and gives the rows back (unclaimed) to be sent by the outbox at `retry.nextAttemptAt`. */
  markRemindersFailed(idempotencyKeys: readonly string[], error: string, retry: ReminderRetry): Promise<void>;
  /** The tasks listed by the message `ts` Duban sent in `channel` (none when it is not one of Duban's). */
  findTaskIdsOfMessage(channel: string, ts: string): Promise<string[]>;
  /**
   * Records a digest posted at once (`/duban digest`, not through the outbox) as a sent row like the scheduled
   * digests' (kind "digest", slot "…@<plan>", `payload` as the outbox holds it), so the web archive lists it too.
   */
  recordPostedDigest(entry: {
    planId: string;
    payload: unknown;
    ref: ChatMessageRef;
    at: Date;
  }): Promise<void>;
}
