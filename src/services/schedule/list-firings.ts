import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import { type Firing, nextFirings } from "../../domain/schedule/next-firings.ts";
import type { ScheduleContext } from "./load-schedule-context.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";
import { snoozeFiring } from "./snooze-firings.ts";

const BATCH = 50;
const byTime = (a: Firing, b: Firing) =>
  a.instant.getTime() - b.instant.getTime() || a.slot.localeCompare(b.slot);

/** The plan's ladder and digest firings with instants in [from, to], earliest first. */
function scheduledBetween(
  from: Date,
  to: Date,
  context: ScheduleContext,
  calendar: WorkingDayCalendar,
): Firing[] {
  const found = new Map<string, Firing>();
  let cursor = from;
  for (;;) {
    const batch = nextFirings(cursor, context.schedule, calendar, context.timeZone, BATCH);
    const fresh = batch.filter((firing) => !found.has(firing.slot) && firing.instant <= to);
    for (const firing of fresh) found.set(firing.slot, firing);
    const last = batch.at(-1);
    if (fresh.length === 0 || batch.length < BATCH || last === undefined || last.instant > to) break;
    cursor = last.instant;
  }
  return [...found.values()].sort(byTime);
}

/** The plan's pending snoozes as firings, with their times at or after `from` (and at or before `to`). */
async function snoozedFrom(
  deps: Pick<ResolvedScheduleDeps, "schedules">,
  context: ScheduleContext,
  from: Date,
  to: Date | null = null,
): Promise<Firing[]> {
  return (await deps.schedules.listPendingSnoozes(context.planId))
    .filter((snooze) => snooze.untilAt >= from && (to === null || snooze.untilAt <= to))
    .map((snooze) => snoozeFiring(snooze, context.timeZone));
}

/** Every firing (ladder, digest, snoozed reminders) with its time in [from, to]. */
export async function firingsBetween(
  deps: Pick<ResolvedScheduleDeps, "schedules" | "calendar">,
  context: ScheduleContext,
  from: Date,
  to: Date,
): Promise<Firing[]> {
  const snoozes = await snoozedFrom(deps, context, from, to);
  return [...scheduledBetween(from, to, context, deps.calendar), ...snoozes].sort(byTime);
}

/**
 * The next `count` firings at or after `now` that have not run yet (snoozed reminders included), with their
 * reasoning. A firing already claimed (run at `now`, or by another process) is left out, so stepping to the
 * first upcoming firing and running it always moves on.
 */
export async function upcomingFirings(
  deps: Pick<ResolvedScheduleDeps, "schedules" | "calendar" | "tuning">,
  context: ScheduleContext,
  now: Date,
  count: number,
): Promise<Firing[]> {
  const pendingSnoozes = await snoozedFrom(deps, context, now);
  const staleBefore = new Date(now.getTime() - deps.tuning.staleRunAfterMs);
  for (let extra = 4; ; extra *= 4) {
    const scheduled = nextFirings(now, context.schedule, deps.calendar, context.timeZone, count + extra);
    const candidates = [...scheduled, ...pendingSnoozes].sort(byTime);
    const claimed = await deps.schedules.listClaimedSlots(
      context.job,
      candidates.map((f) => f.slot),
      staleBefore,
    );
    const open = candidates.filter((firing) => !claimed.has(firing.slot));
    if (open.length >= count || scheduled.length < count + extra || extra > 256) return open.slice(0, count);
  }
}
