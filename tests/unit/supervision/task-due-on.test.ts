import { describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { assessTask } from "../../../src/domain/supervision/assess-task.ts";
import { DEFAULT_PLAN_SCHEDULE, readPlanSchedule } from "../../../src/domain/supervision/plan-schedule.ts";
import { taskDueOn } from "../../../src/domain/supervision/task-due-on.ts";

const calendar = await loadWorkingDayCalendar();
const schedule = { cycle: "monthly" as const, dueDay: 25 };
const zone = "Asia/Shanghai";

describe("taskDueOn", () => {
  it("is the current cycle's due day until the task reports in this cycle, then the next cycle's", () => {
    expect(taskDueOn(null, "2026-11-27", schedule, calendar, zone).dueOn).toBe("2026-11-25");
    expect(taskDueOn(new Date("2026-10-30T02:00:00Z"), "2026-11-27", schedule, calendar, zone).dueOn).toBe(
      "2026-11-25",
    );
    expect(taskDueOn(new Date("2026-11-20T02:00:00Z"), "2026-11-27", schedule, calendar, zone).dueOn).toBe(
      "2026-12-25",
    );
    // 2026-10-25 is a Sunday: due the Friday before
    expect(taskDueOn(null, "2026-10-10", schedule, calendar, zone).dueOn).toBe("2026-10-23");
  });

  it("asks a task first tracked after the cycle's due day for the next cycle's report, and its light says so", () => {
    const loaded = new Date("2026-11-27T01:00:00Z"); // plan loaded Friday 11-27, after Wednesday's due day
    expect(taskDueOn(null, "2026-11-30", schedule, calendar, zone, loaded).dueOn).toBe("2026-12-25");
    // loaded on the due day itself: still due that day
    expect(
      taskDueOn(null, "2026-11-30", schedule, calendar, zone, new Date("2026-11-25T01:00:00Z")).dueOn,
    ).toBe("2026-11-25");
    // a tracking start after today (the plan clock set back, as in the shell) changes nothing
    expect(taskDueOn(null, "2026-11-26", schedule, calendar, zone, loaded).dueOn).toBe("2026-11-25");
    const light = { schedule, calendar, timeZone: zone, now: new Date("2026-11-30T02:00:00Z") };
    const task = { status: "IN_PROGRESS" as const, lastReportAt: null };
    expect(assessTask(task, light).reason).toBe("overdue");
    expect(assessTask({ ...task, trackedSince: loaded }, light)).toMatchObject({
      light: "green",
      dueOn: "2026-12-25",
    });
  });

  it("reads the plan's stored schedule, an empty one as the defaults", () => {
    expect(readPlanSchedule({})).toBe(DEFAULT_PLAN_SCHEDULE);
    expect(readPlanSchedule({ cycle: "weekly", dueDay: 5 })).toMatchObject({
      cycle: "weekly",
      dueDay: 5,
      reminderTime: "09:30",
    });
    expect(() => readPlanSchedule({ cycle: "yearly" })).toThrow(/The plan's schedule is invalid \(cycle/);
  });
});
