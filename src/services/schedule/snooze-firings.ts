import type { SnoozeRecord } from "../../domain/ports/schedule-store.ts";
import type { Firing } from "../../domain/schedule/next-firings.ts";
import { weekdayName } from "../../domain/time/plan-date.ts";
import { toPlanDateTime } from "../../domain/time/plan-time.ts";

/** The slot of a snoozed reminder: one per person and cycle (a snooze is allowed once per cycle). */
export function snoozeSlot(cycleKey: string, personId: string): string {
  return `snooze:${cycleKey}:${personId}`;
}

/** A pending snooze as a firing: the reminder it put off, due at `untilAt`. */
export function snoozeFiring(snooze: SnoozeRecord, timeZone: string): Firing {
  const { date, time } = toPlanDateTime(snooze.untilAt, timeZone);
  return {
    slot: snoozeSlot(snooze.cycleKey, snooze.personId),
    kind: "snoozed",
    cycleKey: snooze.cycleKey,
    on: date,
    at: time,
    instant: snooze.untilAt,
    reason: `${weekdayName(date)} ${date}: snoozed reminder for ${snooze.cycleKey} (a contact put it off to the next working day)`,
    calendarCovered: true,
  };
}
