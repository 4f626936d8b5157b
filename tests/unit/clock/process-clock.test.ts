import { describe, expect, it } from "vitest";
import { processClock, systemClock } from "../../../src/adapters/clock/system-clock.ts";

describe("processClock (DUBAN_CLOCK)", () => {
  it("is the computer's clock when no start is set", () => {
    expect(processClock(undefined)).toBe(systemClock);
  });

  it("starts at the given instant and runs on with real time", () => {
    let real = Date.parse("2026-12-03T09:00:00Z");
    const clock = processClock(new Date("2028-02-29T10:00:00+08:00"), () => real);
    expect(clock.now().toISOString()).toBe("2028-02-29T02:00:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2028-02-29T02:01:30.000Z");
  });
});
