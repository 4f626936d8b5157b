import { describe, expect, it } from "vitest";
import {
  assessStatusLight,
  type StatusLightOptions,
  type StatusLightTask,
  statusLight,
} from "../../../src/domain/lights/status-light.ts";
import { STATUS_LIGHT_RULES } from "../../../src/domain/lights/status-light-rules.ts";
import { addDays, dayNumber, isoWeekday, type PlanDate } from "../../../src/domain/time/plan-date.ts";

/** Monday-Friday working days in (from, to], signed like the real calendar's. */
function mondayToFriday(holidays: readonly PlanDate[] = []) {
  const isWorkingDay = (day: PlanDate) => isoWeekday(day) < 6 && !holidays.includes(day);
  return (from: PlanDate, to: PlanDate): number => {
    const forwards = to >= from;
    const [first, last] = forwards ? [addDays(from, 1), to] : [to, addDays(from, -1)];
    let count = 0;
    for (let day = first; dayNumber(day) <= dayNumber(last); day = addDays(day, 1))
      if (isWorkingDay(day)) count += 1;
    return forwards ? count : -count;
  };
}

/** 10:00 in Shanghai on the given day. */
const at = (day: PlanDate, time = "10:00") => new Date(`${day}T${time}:00+08:00`);

const NOW = at("2026-06-03"); // a Wednesday
const options: StatusLightOptions = { workingDaysBetween: mondayToFriday() };
const task = (overrides: Partial<StatusLightTask>): StatusLightTask => ({
  status: "IN_PROGRESS",
  dueOn: null,
  lastReportAt: null,
  ...overrides,
});

describe("statusLight", () => {
  it("uses a week starting on Monday 2026-06-01", () => {
    expect(isoWeekday("2026-06-01")).toBe(1);
  });

  it.each<[string, Partial<StatusLightTask>, Partial<StatusLightOptions>, string, string]>([
    ["done, even if past due", { status: "DONE", dueOn: "2026-05-01" }, {}, "green", "done"],
    ["blocked, even if not due for months", { status: "BLOCKED", dueOn: "2026-12-31" }, {}, "red", "blocked"],
    ["blocked with no due day", { status: "BLOCKED" }, {}, "red", "blocked"],
    [
      "awaiting approval since today, past due",
      { status: "AWAITING_APPROVAL", dueOn: "2026-05-01", statusSince: at("2026-06-03") },
      {},
      "green",
      "awaiting_approval",
    ],
    [
      "awaiting approval for 5 working days",
      { status: "AWAITING_APPROVAL", statusSince: at("2026-05-27") },
      {},
      "green",
      "awaiting_approval",
    ],
    [
      "awaiting approval for 6 working days",
      { status: "AWAITING_APPROVAL", statusSince: at("2026-05-26") },
      {},
      "yellow",
      "approval_waiting_long",
    ],
    [
      "awaiting approval, age from the last report",
      { status: "AWAITING_APPROVAL", lastReportAt: at("2026-05-26") },
      {},
      "yellow",
      "approval_waiting_long",
    ],
    [
      "awaiting approval, shorter threshold",
      { status: "AWAITING_APPROVAL", statusSince: at("2026-06-01") },
      { approvalStaleWorkingDays: 1 },
      "yellow",
      "approval_waiting_long",
    ],
    [
      "in progress, due yesterday",
      { dueOn: "2026-06-02", lastReportAt: at("2026-06-03") },
      {},
      "red",
      "overdue",
    ],
    ["not started, due yesterday", { status: "NOT_STARTED", dueOn: "2026-06-02" }, {}, "red", "overdue"],
    [
      "in progress, due today and reported",
      { dueOn: "2026-06-03", lastReportAt: at("2026-06-02") },
      {},
      "green",
      "on_track",
    ],
    ["in progress, due today and not reported", { dueOn: "2026-06-03" }, {}, "yellow", "due_soon_unreported"],
    [
      "not started, due in months",
      { status: "NOT_STARTED", dueOn: "2026-12-31" },
      {},
      "yellow",
      "not_started",
    ],
    [
      "due Monday (3 working days left), never reported",
      { dueOn: "2026-06-08" },
      {},
      "yellow",
      "due_soon_unreported",
    ],
    ["due Tuesday (4 working days left), never reported", { dueOn: "2026-06-09" }, {}, "green", "on_track"],
    [
      "due Sunday (2 working days left: the weekend adds none)",
      { dueOn: "2026-06-07" },
      {},
      "yellow",
      "due_soon_unreported",
    ],
    [
      "due Wednesday next week with a 5-day warning",
      { dueOn: "2026-06-10" },
      { dueSoonWorkingDays: 5 },
      "yellow",
      "due_soon_unreported",
    ],
    [
      "due soon, reported since the cycle opened",
      { dueOn: "2026-06-05", lastReportAt: at("2026-06-01", "09:00") },
      { cycleOpensOn: "2026-06-01" },
      "green",
      "on_track",
    ],
    [
      "due soon, last report before the cycle opened",
      { dueOn: "2026-06-05", lastReportAt: at("2026-05-31", "23:30") },
      { cycleOpensOn: "2026-06-01" },
      "yellow",
      "due_soon_unreported",
    ],
    [
      "due soon, no cycle, reported 4 working days ago",
      { dueOn: "2026-06-05", lastReportAt: at("2026-05-28") },
      {},
      "green",
      "on_track",
    ],
    [
      "due soon, no cycle, reported 5 working days ago",
      { dueOn: "2026-06-05", lastReportAt: at("2026-05-27") },
      {},
      "yellow",
      "due_soon_unreported",
    ],
    ["in progress without a due day or any report", {}, {}, "green", "on_track"],
    [
      "due day given as an instant (Shanghai midnight of the 3rd)",
      { dueOn: new Date("2026-06-02T16:00:00Z") },
      {},
      "yellow",
      "due_soon_unreported",
    ],
  ])("%s", (_name, overrides, extra, light, reason) => {
    expect(assessStatusLight(task(overrides), NOW, { ...options, ...extra })).toEqual({ light, reason });
  });

  it("reads days in the plan's time zone: 00:30 in Shanghai is already the next day", () => {
    const justAfterMidnight = new Date("2026-06-03T16:30:00Z"); // 2026-06-04 00:30 in Shanghai
    const dueOn3rd = task({ dueOn: "2026-06-03", lastReportAt: at("2026-06-03") });
    expect(statusLight(dueOn3rd, justAfterMidnight, options)).toBe("red");
    expect(statusLight(dueOn3rd, justAfterMidnight, { ...options, timeZone: "UTC" })).toBe("green");
  });

  it("counts working days with the injected calendar", () => {
    const dueFriday = task({ dueOn: "2026-06-12" }); // 7 working days after Wednesday 3rd
    expect(statusLight(dueFriday, NOW, { ...options, dueSoonWorkingDays: 5 })).toBe("green");
    const holidays = ["2026-06-04", "2026-06-05"];
    expect(
      statusLight(dueFriday, NOW, { workingDaysBetween: mondayToFriday(holidays), dueSoonWorkingDays: 5 }),
    ).toBe("yellow");
  });
});

describe("STATUS_LIGHT_RULES", () => {
  it("documents every light and the default thresholds", () => {
    for (const word of [
      "**Green**",
      "**Red**",
      "**Yellow**",
      "overdue",
      "blocked",
      "awaiting approval",
      "3 working days",
      "5 working days",
    ]) {
      expect(STATUS_LIGHT_RULES).toContain(word);
    }
  });
});
