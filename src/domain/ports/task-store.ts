import type { TaskRecord, TaskStatus } from "../supervision/supervision-types.ts";
import type { TaskChange } from "../supervision/task-change-for-report.ts";
import type { AuditEntry } from "./audit-entry.ts";

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

export interface TaskStatusChange extends TaskChange {
  approvedAt: Date | null;
  approvedById: string | null;
}

/** Tasks: one measure x one lead department. */
export interface TaskStore {
  /** Active tasks, by measure number, the primary lead first, then by department name. */
  listTasks(query: TaskQuery): Promise<TaskRecord[]>;
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
