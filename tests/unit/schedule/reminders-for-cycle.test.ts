import { describe, expect, it } from "vitest";
import {
  cycleFor,
  nextCycle,
  remindersForCycle,
  workingDaysOverdue,
} from "../../../src/domain/schedule/reporting-cycles.ts";
import { type ScheduleInput, ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const calendar = officialCalendar();

function ladder(input: ScheduleInput, date: string) {
  const schedule = ScheduleSchema.parse(input);
  return remindersForCycle(cycleFor(date, schedule, calendar), schedule, calendar).map(
    ({ kind, on, workingDaysOverdue }) => [kind, on, workingDaysOverdue],
  );
}

describe("remindersForCycle around the 2026 National Day holiday", () => {
  it("counts the first reminder back over 10-01..07 and the follow-ups on from the 调休 Saturday", () => {
    expect(ladder({ cycle: "monthly", dueDay: 10 }, "2026-10-01")).toEqual([
      ["first", "2026-09-30", -3], // 10-09, 10-08, then back over the holiday to 09-30
      ["due", "2026-10-10", 0], // Saturday, a make-up working day
      ["overdue-1", "2026-10-12", 1],
      ["overdue-3", "2026-10-14", 3],
      ["escalation", "2026-10-16", 5],
    ]);
  });

  it("skips Mid-Autumn and National Day for follow-ups and escalation of a report due 2026-09-25", () => {
    expect(ladder({ cycle: "monthly", dueDay: 25 }, "2026-09-01")).toEqual([
      ["first", "2026-09-21", -3],
      ["due", "2026-09-24", 0], // 09-25 is Mid-Autumn: due the day before
      ["overdue-1", "2026-09-28", 1], // 09-25..27 skipped
      ["overdue-3", "2026-09-30", 3],
      ["escalation", "2026-10-09", 5], // 09-28, 29, 30, 10-08, 10-09
    ]);
  });

  it("counts the make-up Sunday 2026-09-20 as a working day before a due day", () => {
    expect(ladder({ cycle: "weekly", dueDay: 2 }, "2026-09-22")[0]).toEqual(["first", "2026-09-18", -3]);
  });

  it("counts the first reminder back over Spring Festival 2026 and the make-up Saturday 02-14", () => {
    expect(ladder({ cycle: "monthly", dueDay: 25 }, "2026-02-01")[0]).toEqual(["first", "2026-02-13", -3]);
  });

  it("is set at the reminder time, with no early reminder when firstReminderWorkingDaysBefore is 0", () => {
    const schedule = ScheduleSchema.parse({
      cycle: "monthly",
      dueDay: 10,
      firstReminderWorkingDaysBefore: 0,
      reminderTime: "10:15",
    });
    const reminders = remindersForCycle(cycleFor("2026-10-01", schedule, calendar), schedule, calendar);
    expect(reminders.map((reminder) => reminder.kind)).toEqual([
      "due",
      "overdue-1",
      "overdue-3",
      "escalation",
    ]);
    expect(new Set(reminders.map((reminder) => reminder.at))).toEqual(new Set(["10:15"]));
  });

  it("escalates after M working days even before the last follow-up", () => {
    expect(
      ladder(
        {
          cycle: "monthly",
          dueDay: 10,
          followUpsOverdueWorkingDays: [1, 3, 8],
          escalateAfterWorkingDaysOverdue: 2,
        },
        "2026-10-01",
      ),
    ).toEqual([
      ["first", "2026-09-30", -3],
      ["due", "2026-10-10", 0],
      ["overdue-1", "2026-10-12", 1],
      ["overdue-3", "2026-10-14", 3],
      ["overdue-8", "2026-10-21", 8],
      ["escalation", "2026-10-13", 2],
    ]);
  });

  it("never lands on a non-working day, for any due day over 2025-2026", () => {
    const inputs: ScheduleInput[] = [
      ...Array.from({ length: 31 }, (_, index) => ({ cycle: "monthly" as const, dueDay: index + 1 })),
      ...Array.from({ length: 7 }, (_, index) => ({ cycle: "weekly" as const, dueDay: index + 1 })),
    ];
    for (const input of inputs) {
      const schedule = ScheduleSchema.parse({ ...input, followUpsOverdueWorkingDays: [1, 2, 3] });
      for (let cycle = cycleFor("2025-02-01", schedule, calendar); cycle.opensOn < "2026-11-01"; ) {
        for (const reminder of remindersForCycle(cycle, schedule, calendar)) {
          expect(calendar.isWorkingDay(reminder.on), `${cycle.key} ${reminder.kind} ${reminder.on}`).toBe(
            true,
          );
        }
        cycle = nextCycle(cycle, schedule, calendar);
      }
    }
  });
});

describe("workingDaysOverdue", () => {
  it("is 0 through the due day and the holiday after it, then counts working days only", () => {
    expect(workingDaysOverdue("2026-09-30", "2026-09-29", calendar)).toBe(0);
    expect(workingDaysOverdue("2026-09-30", "2026-09-30", calendar)).toBe(0);
    expect(workingDaysOverdue("2026-09-30", "2026-10-07", calendar)).toBe(0);
    expect(workingDaysOverdue("2026-09-30", "2026-10-08", calendar)).toBe(1);
    expect(workingDaysOverdue("2026-09-30", "2026-10-10", calendar)).toBe(3);
    expect(workingDaysOverdue("2026-09-30", "2026-10-11", calendar)).toBe(3);
    expect(workingDaysOverdue("2026-09-30", "2026-10-12", calendar)).toBe(4);
  });
});
