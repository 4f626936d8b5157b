import { describe, expect, it } from "vitest";
import { ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";

describe("ScheduleSchema", () => {
  it("fills the documented defaults", () => {
    expect(ScheduleSchema.parse({ cycle: "monthly", dueDay: 25 })).toEqual({
      cycle: "monthly",
      dueDay: 25,
      dueTime: "18:00",
      firstReminderWorkingDaysBefore: 3,
      followUpsOverdueWorkingDays: [1, 3],
      escalateAfterWorkingDaysOverdue: 5,
      reminderTime: "09:30",
      digest: { weekday: 1, time: "09:00" },
    });
  });

  it("keeps a digest channel and fills the rest of the digest", () => {
    const schedule = ScheduleSchema.parse({
      cycle: "weekly",
      dueDay: 5,
      digest: { channel: "#duban-digest" },
    });
    expect(schedule.digest).toEqual({ weekday: 1, time: "09:00", channel: "#duban-digest" });
  });

  it("sorts follow-ups and drops repeats", () => {
    const schedule = ScheduleSchema.parse({
      cycle: "monthly",
      dueDay: 25,
      followUpsOverdueWorkingDays: [3, 1, 3],
    });
    expect(schedule.followUpsOverdueWorkingDays).toEqual([1, 3]);
  });

  it("names the field of each mistake", () => {
    const pathsOf = (input: unknown) =>
      ScheduleSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(pathsOf({ cycle: "weekly", dueDay: 8 })).toEqual(["dueDay"]);
    expect(pathsOf({ cycle: "monthly", dueDay: 32 })).toEqual(["dueDay"]);
    expect(pathsOf({ cycle: "daily", dueDay: 1 })).toEqual(["cycle"]);
    expect(pathsOf({ cycle: "monthly", dueDay: 25, reminderTime: "9:30" })).toEqual(["reminderTime"]);
    expect(pathsOf({ cycle: "monthly", dueDay: 25, digest: { weekday: 0 } })).toEqual(["digest.weekday"]);
    expect(pathsOf({ cycle: "monthly", dueDay: 25, followUpsOverdueWorkingDays: [0] })).toEqual([
      "followUpsOverdueWorkingDays.0",
    ]);
    expect(pathsOf({ cycle: "monthly", dueDay: 25, escalateAfterWorkingDaysOverdue: 0 })).toEqual([
      "escalateAfterWorkingDaysOverdue",
    ]);
  });
});
