import type { EvidenceFile } from "../evidence/report-evidence.ts";

/** Who may do what: admin, supervisor (督查人员), department contact (联络员), reader. */
export type Role = "ADMIN" | "SUPERVISOR" | "CONTACT" | "READER";

/** A task's state: 未启动, 推进中, 受阻, 已完成 awaiting a supervisor, 办结 (approved). */
export type TaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "BLOCKED" | "AWAITING_APPROVAL" | "DONE";

/** Where a progress report came from. */
export type ReportSource = "MODAL" | "THREAD_REPLY" | "DIRECT_MESSAGE" | "SHELL" | "CLI";

/** A chat user as a front end sees them, before Duban knows them. */
export interface ChatUser {
  /** "slack", "shell" ... */
  platform: string;
  /** The platform's user id ("U024BE7LH"). */
  externalId: string;
  displayName?: string | undefined;
  /** "zh-CN", "en-US" ...; unknown means Chinese. */
  locale?: string | undefined;
  email?: string | undefined;
}

/** A person Duban knows, with the departments they are a contact of. */
export interface Person {
  id: string;
  platform: string;
  externalId: string;
  displayName: string;
  email: string | null;
  locale: string | null;
  role: Role;
  /** Departments whose contact (联络员) this person is. */
  departmentIds: string[];
}

export interface DepartmentInfo {
  id: string;
  /** "市农业农村局" */
  name: string;
  aliases: string[];
}

export interface MeasureInfo {
  id: string;
  number: number;
  /** "（五）" */
  label: string;
  title: string;
  /** The section it belongs to ("二、", its title), null when none. */
  section: { label: string; title: string } | null;
}

/** The loaded plan as the supervision core needs it: time zone, schedule, measures and departments. */
export interface PlanDirectory {
  planId: string;
  title: string;
  timezone: string;
  /** The plan's stored schedule as written ({} when none): see readPlanSchedule. */
  schedule: unknown;
  /** When the plan was first loaded (nothing scheduled before it is caught up); unknown when absent. */
  loadedAt?: Date;
  /** Active (not archived) measures, by number. */
  measures: MeasureInfo[];
  /** Active departments that lead at least one active task. */
  departments: DepartmentInfo[];
}

/** The latest report of a task, enough to show it. */
export interface ReportSummary {
  id: string;
  authorName: string;
  status: TaskStatus;
  percent: number | null;
  done: string;
  blocker: string | null;
  createdAt: Date;
}

/** A task (one measure x one lead department) with what the front ends show about it. */
export interface TaskRecord {
  id: string;
  measure: MeasureInfo;
  department: { id: string; name: string };
  isPrimary: boolean;
  status: TaskStatus;
  percent: number;
  lastReportAt: Date | null;
  approvedAt: Date | null;
  /** When Duban began tracking it (the plan load that created it); a cycle due before then asks nothing of it. */
  trackedSince?: Date | undefined;
  /** The county (its workflow id) whose counterpart carries the task; absent for a city-level task or when not read. */
  county?: string | undefined;
  /** The latest report not withdrawn; null when none (or not asked for). */
  lastReport: ReportSummary | null;
}

/** A stored progress report. */
export interface ProgressReportRecord {
  id: string;
  taskId: string;
  authorId: string;
  status: TaskStatus;
  percent: number | null;
  done: string;
  nextSteps: string | null;
  blocker: string | null;
  /** Evidence links (佐证材料) typed into the report. */
  evidence: string[];
  /** Evidence files kept with the report; they count like links. */
  evidenceFiles: EvidenceFile[];
  rawText: string | null;
  source: ReportSource;
  chatChannel: string | null;
  chatTs: string | null;
  chatEventId: string | null;
  editedAt: Date | null;
  withdrawnAt: Date | null;
  createdAt: Date;
}
