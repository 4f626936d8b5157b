import type { WorkingDayCalendar } from "../calendar/working-day-calendar.ts";
import { toPlanDate, toPlanDateTime } from "../time/plan-time.ts";
import type { Firing } from "./next-firings.ts";
import { cycleClosesOn, cycleOfKey } from "./reporting-cycles.ts";
import type { Schedule } from "./schedule-schema.ts";
import { trackedAfterDue } from "./tracked-after-due.ts";

/** What to do with a firing that is due: run it, or record it as skipped (never run later). */
export interface DueFiringDecision {
  firing: Firing;
  action: "run" | "skip";
  /** Run more than `lateAfterMs` after its time (after downtime): marked late, a digest says 补发. */
  late: boolean;
  /** Why it is skipped, for the JobRun record and `duban schedule`. */
  note: string | null;
}

export interface DueFiringRules {
  schedule: Schedule;
  calendar: WorkingDayCalendar;
  timeZone: string;
  /** A firing run this long after its time counts as late (default 10 minutes). */
  lateAfterMs?: number;
  /**
   * When the plan was first loaded: a firing before it is skipped, never caught up (the plan did not exist
   * then). A load time after `now` is ignored: the clock was set back (the shell's `/clock set`, tests).
   */
  loadedAt?: Date | null;
}

const DEFAULT_LATE_AFTER_MS = 10 * 60_000;

function latestInstant(firings: readonly Firing[]): number {
  return Math.max(...firings.map((firing) => firing.instant.getTime()));
}

/**
 * Catch-up rules for the firings due at `now` (everything not yet run in the look-back window):
 * - a reminder of a cycle that has closed (cycleClosesOn) is skipped;
 * - of one cycle's ladder only the latest rung due runs (rungs at the same time all run); earlier ones
 *   missed during downtime are skipped, so a restarted process sends one reminder per cycle, not five;
 * - only the latest weekly digest runs; one posted late says so (补发);
 * - a snoozed reminder runs unless its cycle has closed;
 * - nothing due before the plan was first loaded runs (no late reminder, escalation or digest for a plan
 *   that did not exist then), and a cycle that fell due before it is not chased at all: its follow-ups and
 *   escalation are skipped even when their time comes after the load (nobody was asked for that report).
 */
export function decideDueFirings(
  due: readonly Firing[],
  now: Date,
  rules: DueFiringRules,
): DueFiringDecision[] {
  const today = toPlanDate(now, rules.timeZone);
  const lateAfter = rules.lateAfterMs ?? DEFAULT_LATE_AFTER_MS;
  const closedOn = new Map<string, string | null>();
  const closedSince = (cycleKey: string): string | null => {
    if (!closedOn.has(cycleKey)) {
      const closes = cycleClosesOn(
        cycleOfKey(cycleKey, rules.schedule, rules.calendar),
        rules.schedule,
        rules.calendar,
      );
      closedOn.set(cycleKey, today > closes ? closes : null);
    }
    return closedOn.get(cycleKey) ?? null;
  };
  const ladders = new Map<string, Firing[]>();
  for (const firing of due) {
    if (firing.kind === "digest" || firing.kind === "snoozed") continue;
    ladders.set(firing.cycleKey, [...(ladders.get(firing.cycleKey) ?? []), firing]);
  }
  const digests = due.filter((firing) => firing.kind === "digest");
  const latestDigest = digests.length === 0 ? 0 : latestInstant(digests);
  const newestDigest = digests.find((firing) => firing.instant.getTime() === latestDigest);

  const loadedAt =
    rules.loadedAt !== undefined && rules.loadedAt !== null && rules.loadedAt <= now ? rules.loadedAt : null;
  const loadedNote = () => {
    if (loadedAt === null) return "";
    const { date, time } = toPlanDateTime(loadedAt, rules.timeZone);
    return `due before the plan was loaded (${date} ${time})`;
  };

  const decide = (firing: Firing): Omit<DueFiringDecision, "firing" | "late"> => {
    if (loadedAt !== null && firing.instant < loadedAt) return { action: "skip", note: loadedNote() };
    if (loadedAt !== null && firing.kind !== "digest" && firing.kind !== "snoozed") {
      const cycle = cycleOfKey(firing.cycleKey, rules.schedule, rules.calendar);
      // the plan-wide use of the rule each task's light and reminders follow (trackedAfterDue)
      if (trackedAfterDue(loadedAt, cycle.dueOn, toPlanDate(now, rules.timeZone), rules.timeZone))
        return { action: "skip", note: `cycle ${firing.cycleKey} fell due before the plan was loaded` };
    }
    if (firing.kind === "digest") {
      return firing.instant.getTime() === latestDigest
        ? { action: "run", note: null }
        : { action: "skip", note: `superseded by ${newestDigest?.slot ?? "a later digest"}` };
    }
    const closed = closedSince(firing.cycleKey);
    if (closed !== null) return { action: "skip", note: `cycle ${firing.cycleKey} closed after ${closed}` };
    if (firing.kind === "snoozed") return { action: "run", note: null };
    const ladder = ladders.get(firing.cycleKey) ?? [firing];
    const latest = latestInstant(ladder);
    if (firing.instant.getTime() === latest) return { action: "run", note: null };
    const newer = ladder.filter((other) => other.instant.getTime() === latest).map((other) => other.slot);
    return { action: "skip", note: `superseded by ${newer.join(", ")}` };
  };
  return [...due]
    .sort((a, b) => a.instant.getTime() - b.instant.getTime() || a.slot.localeCompare(b.slot))
    .map((firing) => ({
      firing,
      late: now.getTime() - firing.instant.getTime() > lateAfter,
      ...decide(firing),
    }));
}
