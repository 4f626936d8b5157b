import { describe, expect, it } from "vitest";
import { cycleOfKey } from "../../../src/domain/schedule/reporting-cycles.ts";
import { ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";
import { isBehindInCycle } from "../../../src/domain/schedule/task-behind-in-cycle.ts";
import { taskDueOn } from "../../../src/domain/supervision/task-due-on.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const calendar = officialCalendar();
const timeZone = "Asia/Shanghai";
/** Due on the 10th: October is due Sat 10-10 (a 调休 working day) and opens 10-01. */
const schedule = ScheduleSchema.parse({ cycle: "monthly", dueDay: 10 });
const october = cycleOfKey("2026-10", schedule, calendar);
/** Friday 2026-10-16 10:00, October's escalation day. */
const NOW = new Date("2026-10-16T02:00:00Z");

const task = (fields: {
  status?: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "AWAITING_APPROVAL";
  lastReportAt?: string;
  trackedSince?: string;
}) => ({
  status: fields.status ?? "IN_PROGRESS",
  lastReportAt: fields.lastReportAt === undefined ? null : new Date(fields.lastReportAt),
  trackedSince: fields.trackedSince === undefined ? undefined : new Date(fields.trackedSince),
});

describe("isBehindInCycle", () => {
  it("is behind while open and not reported since the cycle opened", () => {
    expect(isBehindInCycle(task({}), october, timeZone, NOW)).toBe(true);
    expect(isBehindInCycle(task({ lastReportAt: "2026-09-30T02:00:00Z" }), october, timeZone, NOW)).toBe(
      true,
    );
    expect(isBehindInCycle(task({ lastReportAt: "2026-10-01T02:00:00Z" }), october, timeZone, NOW)).toBe(
      false,
    );
    expect(isBehindInCycle(task({ status: "DONE" }), october, timeZone, NOW)).toBe(false);
    expect(isBehindInCycle(task({ status: "AWAITING_APPROVAL" }), october, timeZone, NOW)).toBe(false);
  });

  it("does not chase a task first tracked after the cycle's due day, as its light does not (taskDueOn)", () => {
    const today = "2026-10-16";
    for (const [trackedSince, behind] of [
      ["2026-09-01T02:00:00Z", true],
      ["2026-10-10T12:00:00Z", true], // on the due day itself: due this cycle
      ["2026-10-12T02:00:00Z", false], // after it: due in November
      ["2026-11-29T00:00:00Z", true], // after now (a clock set back): ignored
    ] as const) {
      const record = task({ trackedSince });
      expect(isBehindInCycle(record, october, timeZone, NOW)).toBe(behind);
      const due = taskDueOn(null, today, schedule, calendar, timeZone, record.trackedSince);
      expect(due.dueOn === october.dueOn).toBe(behind);
    }
  });
});
