// What the schedule runner keeps (ScheduleStore): job runs (one per slot), the outbox, contacts, absences,
// snoozes.
import type { Person, TaskRecord } from "../supervision/supervision-types.ts";
import type { PlanDate } from "../time/plan-date.ts";
import type { AuditEntry } from "./audit-entry.ts";
import type { ChatMessageRef } from "./chat.ts";

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

/** A claim on one run of a scheduled job (JobRun: unique per job and slot). */
export interface JobRunClaim {
  /** "schedule:<plan id>". */
  job: string;
  /** The firing's slot: "reminder:2026-10:due", "digest:2026-W41", "snooze:2026-10:<person>". */
  slot: string;
  late: boolean;
  /** host:pid:runner of the claiming process. */
  owner: string;
  at: Date;
  /** An unfinished claim started before this is taken to be from a process that died, and may be taken over. */
  staleBefore: Date;
}

export interface JobRunFinish {
  job: string;
  slot: string;
  owner: string;
  at: Date;
  note: string | null;
  error: string | null;
}

/** Exactly-once runs of scheduled jobs across processes: the row is claimed before anything is done. */
export interface JobRunStore {
  /** The slots among `slots` already run, or being run under a claim started at or after `staleBefore`. */
  listClaimedSlots(job: string, slots: readonly string[], staleBefore: Date): Promise<Set<string>>;
  /**
   * Inserts the (job, slot) row. True when this caller may run it: the row is new, or it was an unfinished
   * claim older than `staleBefore` (taken over). False when another process has it.
   */
  claimJobRun(claim: JobRunClaim): Promise<boolean>;
  finishJobRun(finish: JobRunFinish): Promise<void>;
  /** Records a failed run without finishing it: once its claim is stale, a process runs it again. */
  failJobRun(failure: Omit<JobRunFinish, "note">): Promise<void>;
  /**
   * Gives up the unfinished claims `owner` holds (a process stopping cleanly): another process may run those
   * slots at once instead of after `staleBefore`. Returns how many.
   */
  releaseJobRuns(owner: string): Promise<number>;
}

/**
 * One outbox row (Reminder). Rows sharing a `groupKey` are ONE message (a DM listing several tasks, a digest):
 * they are claimed, sent and marked together, and a group is sent at most once.
 */
export interface OutboxRow {
  /** Unique: a row already there is not written again. */
  idempotencyKey: string;
  groupKey: string;
  /** "first", "due", "overdue-1", "escalation", "snoozed", "digest". */
  kind: string;
  /** The firing that queued it (released together). */
  slot: string;
  taskId: string | null;
  recipientId: string | null;
  /** What the message is built from when it is sent. */
  payload: unknown;
  /** Not sent after this (its reporting cycle closed). */
  expiresAt: Date | null;
}

/**
 * Rows of per-recipient task messages (one row per task and recipient, one message per recipient), in the
 * compact form a reminder round queues them: row i is task `taskIds[i]` for `recipients[recipientOf[i]]`.
 * Each row is the OutboxRow with groupKey `${slot}:${recipient.id}`, idempotencyKey `${groupKey}:${taskId}`
 * and payload `{ ...recipient.payload, taskId }`; recipients may share one payload object (it is sent once).
 */
export interface TaskRowBatch {
  kind: string;
  slot: string;
  expiresAt: Date | null;
  recipients: readonly { id: string; payload: object }[];
  taskIds: readonly string[];
  recipientOf: readonly number[];
}

/** A group claimed for sending by one process. */
export interface ClaimedGroup {
  groupKey: string;
  kind: string;
  recipientId: string | null;
  /** Failed attempts so far. */
  attempts: number;
  /** The payloads of the group's first rows, in the order they were queued. */
  payloads: unknown[];
  /** How many rows the group has (more than `payloads` when it is long). */
  rowCount: number;
}

export interface OutboxCounts {
  pending: number;
  /**
   * Claimed by a process that has not finished sending (it is sending now, or died mid-send): reconciled by
   * the next delivery pass once the claim is older than a request can take.
   */
  inDoubt: number;
  sent: number;
  closed: number;
  /** Rows once in doubt that were settled by looking for their key in the chat: found (sent) or not (sent again). */
  reconciledFound: number;
  reconciledResent: number;
}

/** A group whose claim is old enough that its sender cannot still be sending: it died, or nearly. */
export interface InDoubtGroup {
  groupKey: string;
  kind: string;
  recipientId: string | null;
  claimedBy: string;
  claimedAt: Date;
  /** The group's first payload (a digest's channel is in it). */
  payload: unknown;
}

/** The scheduled outbox: rows queued held, released per firing, claimed per group, sent once. */
export interface OutboxStore {
  /** Writes the rows whose idempotency key is new, held (not deliverable); returns how many were written. */
  enqueueHeld(rows: readonly OutboxRow[]): Promise<number>;
  /** enqueueHeld for a batch of task rows in compact form (the same rows, far less to send and parse). */
  enqueueTaskRowsHeld(batch: TaskRowBatch): Promise<number>;
  /** Makes the held rows of the firing `slot` deliverable from `at`. */
  releaseHeld(slot: string, at: Date): Promise<number>;
  /** Closes unsent, unclaimed rows whose `expiresAt` has passed; returns how many. */
  closeExpired(now: Date): Promise<number>;
  /**
   * Claims every deliverable row of one group no row of which was sent or claimed before; rows that join a
   * group after it went are closed instead. Null when nothing is deliverable at `now`.
   */
  claimNextGroup(now: Date, owner: string, maxPayloads: number): Promise<ClaimedGroup | null>;
  markGroupSent(groupKey: string, owner: string, ref: ChatMessageRef, at: Date): Promise<void>;
  /** Gives a claimed group back to be tried again at `nextAttemptAt`. */
  releaseGroup(
    groupKey: string,
    owner: string,
    retry: { error: string; nextAttemptAt: Date; countAttempt: boolean },
  ): Promise<void>;
  /** Gives up on a claimed group: it will never be sent. */
  closeGroup(groupKey: string, owner: string, reason: string, at: Date): Promise<void>;
  /** Groups claimed before `claimedBefore` and neither sent nor closed, oldest claim first. */
  listInDoubt(claimedBefore: Date, limit: number): Promise<InDoubtGroup[]>;
  /**
   * Settles an in-doubt group while it is still claimed as listed: `found` marks it sent with that chat
   * reference; null releases it to be sent again at `at`. Either way it is marked reconciled. False when
   * another process settled it first.
   */
  settleInDoubt(
    group: Pick<InDoubtGroup, "groupKey" | "claimedBy" | "claimedAt">,
    found: ChatMessageRef | null,
    at: Date,
  ): Promise<boolean>;
  /** The earliest time a pending row may be tried; null when nothing is pending. */
  nextAttemptAt(): Promise<Date | null>;
  countOutbox(): Promise<OutboxCounts>;
}
