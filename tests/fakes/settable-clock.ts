import type { Clock } from "../../src/domain/ports/clock.ts";

export interface SettableClock extends Clock {
  set(iso: string): void;
  advance(milliseconds: number): void;
}

/** A clock that stands still at `iso` until a test moves it. */
export function createSettableClock(iso: string): SettableClock {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => {
      now = new Date(next);
    },
    advance: (milliseconds) => {
      now = new Date(now.getTime() + milliseconds);
    },
  };
}
