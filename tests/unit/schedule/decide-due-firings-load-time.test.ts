import { describe, expect, it } from "vitest";
import { decideDueFirings } from "../../../src/domain/schedule/decide-due-firings.ts";
import { nextFirings } from "../../../src/domain/schedule/next-firings.ts";
import { ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const calendar = officialCalendar();
const timeZone = "Asia/Shanghai";
/** Due on the 10th: October's escalation is Fri 10-16 09:30, and the cycle stays open until 10-31. */
const schedule = ScheduleSchema.parse({ cycle: "monthly", dueDay: 10 });

function decide(now: string, loadedAt: string | null) {
  const due = nextFirings(new Date("2026-10-06T00:00:00Z"), schedule, calendar, timeZone, 60).filter(
    (firing) => firing.instant <= new Date(now),
  );
  return decideDueFirings(due, new Date(now), {
    schedule,
    calendar,
    timeZone,
    loadedAt: loadedAt === null ? null : new Date(loadedAt),
  }).map((d) => `${d.firing.slot} ${d.action}${d.note ? ` (${d.note})` : ""}`);
}

describe("decideDueFirings and the plan's load time", () => {
  it("without a load time, the first start after the escalation catches it up (the gap this closes)", () => {
    expect(decide("2026-10-20T02:05:00Z", null)).toContain("reminder:2026-10:escalation run");
  });

  it("skips every firing due before the plan was first loaded: no late escalation for a plan that did not exist", () => {
    const decisions = decide("2026-10-20T02:05:00Z", "2026-10-20T02:00:00Z");
    expect(decisions.length).toBeGreaterThan(4);
    for (const decision of decisions)
      expect(decision).toMatch(/ skip \(due before the plan was loaded \(2026-10-20 10:00\)\)$/);
  });

  it("still runs the latest rung missed after the load (downtime), and skips the earlier ones for the load", () => {
    // loaded Friday 10-09, the day before October's due day (a 调休 Saturday, 10-10); Duban down until 10-20
    expect(decide("2026-10-20T02:05:00Z", "2026-10-09T02:00:00Z")).toEqual([
      "digest:2026-W41 skip (due before the plan was loaded (2026-10-09 10:00))", // Thu 10-08, after the holiday
      "reminder:2026-10:due skip (superseded by reminder:2026-10:escalation)",
      "digest:2026-W42 skip (superseded by digest:2026-W43)",
      "reminder:2026-10:overdue-1 skip (superseded by reminder:2026-10:escalation)",
      "reminder:2026-10:overdue-3 skip (superseded by reminder:2026-10:escalation)",
      "reminder:2026-10:escalation run",
      "digest:2026-W43 run",
    ]);
  });

  it("does not chase a cycle that fell due before the load: its later follow-ups and escalation are skipped", () => {
    // loaded Tuesday 10-13, after October's due day: nobody was asked for October's report
    expect(decide("2026-10-20T02:05:00Z", "2026-10-13T02:00:00Z")).toEqual([
      "digest:2026-W41 skip (due before the plan was loaded (2026-10-13 10:00))",
      "reminder:2026-10:due skip (due before the plan was loaded (2026-10-13 10:00))",
      "digest:2026-W42 skip (due before the plan was loaded (2026-10-13 10:00))",
      "reminder:2026-10:overdue-1 skip (due before the plan was loaded (2026-10-13 10:00))",
      "reminder:2026-10:overdue-3 skip (cycle 2026-10 fell due before the plan was loaded)",
      "reminder:2026-10:escalation skip (cycle 2026-10 fell due before the plan was loaded)",
      "digest:2026-W43 run",
    ]);
  });

  it("still chases a cycle when the plan was loaded on its due day, after the due time (days, as the lights count)", () => {
    // loaded Saturday 10-10 20:00, two hours after October's due time; the +1 follow-up is Mon 10-12 09:30
    expect(decide("2026-10-12T01:35:00Z", "2026-10-10T12:00:00Z")).toContain(
      "reminder:2026-10:overdue-1 run",
    );
  });

  it("runs a firing at the very instant of the load, and ignores a load time after now (a clock set back)", () => {
    expect(decide("2026-10-10T01:30:00Z", "2026-10-10T01:30:00Z")).toContain("reminder:2026-10:due run");
    expect(decide("2026-10-20T02:05:00Z", "2026-11-29T00:00:00Z")).toContain(
      "reminder:2026-10:escalation run",
    );
  });
});
