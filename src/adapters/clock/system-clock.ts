import type { Clock } from "../../domain/ports/clock.ts";

/** The computer's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The process's clock: the computer's, or — when DUBAN_CLOCK sets a start (tests and demos only) — a clock
 * that shows `start` when the process begins and runs on in real time from there. Chosen once, at the
 * composition edge (src/main.ts, the CLI's io); everything else is handed the Clock.
 */
export function processClock(start: Date | undefined, realNow: () => number = Date.now): Clock {
  if (start === undefined) return systemClock;
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
