import type { DueFiringDecision } from "../../domain/schedule/decide-due-firings.ts";
import type { Firing } from "../../domain/schedule/next-firings.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import { planEscalation } from "./plan-escalation.ts";
import { planReminderRound, type RoundOutcome } from "./plan-reminder-round.ts";
import { queueWeeklyDigest } from "./queue-weekly-digest.ts";
import { createRoundContext } from "./round-context.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** What runDue did with one firing it claimed. */
export interface FiringRun {
  slot: string;
  kind: Firing["kind"];
  cycleKey: string;
  /** When it was scheduled. */
  instant: Date;
  /** Run after its time (catch-up after downtime). */
  late: boolean;
  outcome: "ran" | "skipped" | "failed";
  /** "queued 12 message(s)", "superseded by …", the error. */
  note: string;
  /** Messages queued (DMs, or the digest). */
  messages: number;
  /** Departments behind with no one to remind. */
  unreachable: string[];
}

async function execute(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext,
  decision: DueFiringDecision,
  now: Date,
): Promise<RoundOutcome | string> {
  const { firing } = decision;
  if (firing.kind === "digest") return queueWeeklyDigest(deps, context, firing, { now, late: decision.late });
  const round = await createRoundContext(deps, context, firing, now);
  if (firing.kind === "escalation") return planEscalation(deps, context, round);
  if (firing.kind !== "snoozed") return planReminderRound(deps, context, round);
  const personId = firing.slot.split(":")[2] ?? "";
  const snoozes = await deps.schedules.listSnoozes(context.planId, firing.cycleKey);
  const snooze = snoozes.find((candidate) => candidate.personId === personId);
  if (snooze === undefined || snooze.remindedAt !== null) return "already reminded by a scheduled reminder";
  const outcome = await planReminderRound(deps, context, round, { onlyPersonId: personId });
  await deps.schedules.markSnoozesReminded([snooze.id], now);
  return outcome;
}

function describe(outcome: RoundOutcome): string {
  const missing =
    outcome.unreachable.length === 0
      ? ""
      : `; no contact in ${outcome.unreachable.length} department(s) behind`;
  return `queued ${outcome.messages} message(s), ${outcome.rows} row(s)${missing}`;
}

/**
 * Claims the firing's JobRun row (a conflict means another process has it: null), then runs it (queues its
 * messages held, releases them together) or records it skipped. A failure is recorded on the row, logged, and
 * the run retried once its claim is stale (staleRunAfterMs).
 */
export async function runFiring(
  deps: ResolvedScheduleDeps,
  context: ScheduleContext,
  decision: DueFiringDecision,
  now: Date,
): Promise<FiringRun | null> {
  const { firing, late } = decision;
  const { job, planId } = context;
  const staleBefore = new Date(now.getTime() - deps.tuning.staleRunAfterMs);
  const claimed = await deps.schedules.claimJobRun({
    job,
    slot: firing.slot,
    late,
    owner: deps.owner,
    at: now,
    staleBefore,
  });
  if (!claimed) return null;
  const base = {
    slot: firing.slot,
    kind: firing.kind,
    cycleKey: firing.cycleKey,
    instant: firing.instant,
    late,
  };
  const finish = (note: string | null, error: string | null) =>
    deps.schedules.finishJobRun({ job, slot: firing.slot, owner: deps.owner, at: now, note, error });
  if (decision.action === "skip") {
    const note = `skipped: ${decision.note ?? "not run"}`;
    await finish(note, null);
    return { ...base, outcome: "skipped", note, messages: 0, unreachable: [] };
  }
  try {
    const outcome = await execute(deps, context, decision, now);
    await deps.schedules.releaseHeld(`${firing.slot}@${planId}`, now);
    const result = typeof outcome === "string" ? { rows: 0, messages: 0, unreachable: [] } : outcome;
    const note = typeof outcome === "string" ? outcome : describe(outcome);
    await finish(note, null);
    deps.logger.info(
      { slot: firing.slot, late, ...result },
      `schedule: ran ${firing.slot}${late ? " (late)" : ""}`,
    );
    return { ...base, outcome: "ran", note, messages: result.messages, unreachable: result.unreachable };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Left unfinished: once the claim is stale a process runs it again (its rows are keyed, so nothing doubles).
    await deps.schedules.failJobRun({ job, slot: firing.slot, owner: deps.owner, at: now, error: message });
    deps.logger.error(
      { err: error, slot: firing.slot },
      `schedule: ${firing.slot} failed; it is retried later`,
    );
    return { ...base, outcome: "failed", note: message, messages: 0, unreachable: [] };
  }
}
