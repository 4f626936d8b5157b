import { describe, expect, it } from "vitest";
import { isBehindInCycle } from "../../../src/domain/schedule/task-behind-in-cycle.ts";
import { trackedAfterDue } from "../../../src/domain/schedule/tracked-after-due.ts";

const TZ = "Asia/Shanghai";
const dueOn = "2026-10-25";
const today = "2026-10-28";
const at = (iso: string) => new Date(iso);

describe("the plan-load catch-up rule", () => {
  it("excuses a cycle only when tracking began after its due day and not after today", () => {
    expect(trackedAfterDue(undefined, dueOn, today, TZ)).toBe(false);
    expect(trackedAfterDue(null, dueOn, today, TZ)).toBe(false);
    // 23:30 on the due day in Shanghai (15:30Z): still the due day, so the cycle is owed
    expect(trackedAfterDue(at("2026-10-25T15:30:00Z"), dueOn, today, TZ)).toBe(false);
    // 00:30 the next day in Shanghai (16:30Z the day before in UTC): after the due day
    expect(trackedAfterDue(at("2026-10-25T16:30:00Z"), dueOn, today, TZ)).toBe(true);
    expect(trackedAfterDue(at("2026-10-28T02:00:00Z"), dueOn, today, TZ)).toBe(true);
    // a start after today (a plan clock set back) is ignored
    expect(trackedAfterDue(at("2026-10-29T02:00:00Z"), dueOn, today, TZ)).toBe(false);
  });

  it("is the rule a task's reminders follow", () => {
    const cycle = { opensOn: "2026-10-01", dueOn };
    const now = at("2026-10-28T02:00:00Z");
    for (const trackedSince of [
      at("2026-10-20T02:00:00Z"),
      at("2026-10-26T02:00:00Z"),
      at("2026-11-02T02:00:00Z"),
    ]) {
      const task = { status: "IN_PROGRESS" as const, lastReportAt: null, trackedSince };
      expect(isBehindInCycle(task, cycle, TZ, now)).toBe(!trackedAfterDue(trackedSince, dueOn, today, TZ));
    }
  });
});
