import type { Clock } from "../../domain/ports/clock.ts";

/**
 * The shell's plan clock: it runs like a real clock, and `/tick` or `/clock set` move it. (Tests use
 * tests/fakes/settable-clock.ts instead: a clock that stands still until the test sets it.)
 */
export interface MovableClock extends Clock {
  /** From now on the clock shows `instant`, and keeps running from there. */
  set(instant: Date): void;
}

/**
 * A clock that starts at `start` and advances with real time (so two actions are never at the same
 * instant); `set` jumps it. `realNow` is the real time source, for tests.
 */
export function createMovableClock(start: Date, realNow: () => number = Date.now): MovableClock {
  let offset = start.getTime() - realNow();
  return {
    now: () => new Date(realNow() + offset),
    set: (instant) => {
      offset = instant.getTime() - realNow();
    },
  };
}
