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
