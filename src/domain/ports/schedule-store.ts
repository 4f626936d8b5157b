import type { Person, TaskRecord } from "../supervision/supervision-types.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { AuditEntry } from "./audit-entry.ts";
import type { JobRunStore } from "./job-run-store.ts";
import type { OutboxStore } from "./outbox-store.ts";

/** A contact (联络员) of a department; `isLead` marks the lead contact copied on escalations. */
export interface DepartmentContact {
  departmentId: string;
  person: Person;
  isLead: boolean;
}

/** A contact away from `fromOn` to `toOn` (inclusive); their reminders go to `deputy` (代理人). */
export interface AbsenceRecord {
  id: string;
  person: Person;
  deputy: Person;
  fromOn: PlanDate;
  toOn: PlanDate;
}

/** A contact's snooze of one cycle's reminders until `untilAt` (the next working day); once per cycle. */
export interface SnoozeRecord {
  id: string;
  planId: string;
  personId: string;
  cycleKey: string;
  untilAt: Date;
  remindedAt: Date | null;
}

/** What reminder rounds read, streamed so a plan of any size fits in bounded memory. */
export interface ScheduleTaskStore {
  /** The plan's active tasks, `batchSize` at a time (without their latest report: `lastReport` is null). */
  taskBatches(planId: string, batchSize: number): AsyncIterable<TaskRecord[]>;
  listDepartmentContacts(departmentIds: readonly string[]): Promise<DepartmentContact[]>;
}

export interface AbsenceStore {
  /** Absences covering the day `on`. */
  listAbsencesOn(on: PlanDate): Promise<AbsenceRecord[]>;
  createAbsence(
    absence: { personId: string; deputyId: string; fromOn: PlanDate; toOn: PlanDate; createdById: string },
    audit: AuditEntry,
  ): Promise<AbsenceRecord>;
}

export interface SnoozeStore {
  /** Records the snooze; null (nothing written) when the person already snoozed this cycle. */
  createSnooze(
    snooze: { planId: string; personId: string; cycleKey: string; untilAt: Date },
    audit: AuditEntry,
  ): Promise<SnoozeRecord | null>;
  listSnoozes(planId: string, cycleKey: string): Promise<SnoozeRecord[]>;
  /** Snoozes whose reminder has not gone yet, earliest first. */
  listPendingSnoozes(planId: string): Promise<SnoozeRecord[]>;
  markSnoozesReminded(ids: readonly string[], at: Date): Promise<void>;
}

/** Everything the schedule runner keeps besides the supervision records. */
export type ScheduleStore = JobRunStore & OutboxStore & ScheduleTaskStore & AbsenceStore & SnoozeStore;
