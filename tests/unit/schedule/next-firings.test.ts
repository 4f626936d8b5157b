import { describe, expect, it } from "vitest";
import { nextFirings } from "../../../src/domain/schedule/next-firings.ts";
import { ScheduleSchema } from "../../../src/domain/schedule/schedule-schema.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const calendar = officialCalendar();
const SHANGHAI = "Asia/Shanghai";
const dueOnTenth = ScheduleSchema.parse({ cycle: "monthly", dueDay: 10 });

describe("nextFirings", () => {
  it("lists the next 10 reminders and digests around National Day 2026, in time order", () => {
    const firings = nextFirings(new Date("2026-09-29T00:00:00Z"), dueOnTenth, calendar, SHANGHAI);
    expect(firings.map((firing) => [firing.slot, firing.instant.toISOString()])).toEqual([
      ["reminder:2026-10:first", "2026-09-30T01:30:00.000Z"],
      ["digest:2026-W41", "2026-10-08T01:00:00.000Z"], // Monday 10-05 is a holiday: the next working day
      ["reminder:2026-10:due", "2026-10-10T01:30:00.000Z"], // 调休 Saturday
      ["digest:2026-W42", "2026-10-12T01:00:00.000Z"],
      ["reminder:2026-10:overdue-1", "2026-10-12T01:30:00.000Z"],
      ["reminder:2026-10:overdue-3", "2026-10-14T01:30:00.000Z"],
      ["reminder:2026-10:escalation", "2026-10-16T01:30:00.000Z"],
      ["digest:2026-W43", "2026-10-19T01:00:00.000Z"],
      ["digest:2026-W44", "2026-10-26T01:00:00.000Z"],
      ["digest:2026-W45", "2026-11-02T01:00:00.000Z"],
    ]);
    for (const firing of firings) {
      expect(calendar.isWorkingDay(firing.on), firing.slot).toBe(true);
      expect(firing.calendarCovered).toBe(true);
    }
  });

  it("explains the working-day reasoning", () => {
    const [first, digest, due] = nextFirings(
      new Date("2026-09-29T00:00:00Z"),
      dueOnTenth,
      calendar,
      SHANGHAI,
    );
    expect(first?.reason).toBe(
      "Wed 2026-09-30: first reminder for 2026-10: 3 working days before due 18:00 Sat 2026-10-10 " +
        "(调休 make-up working day for 国庆节); 2026-10-01..10-07 国庆节 skipped",
    );
    expect(digest?.reason).toContain(
      "Mon 2026-10-05 (holiday: 国庆节) is not a working day, moved to the next working day 2026-10-08",
    );
    expect(due?.reason).toContain("due-day reminder for 2026-10");
    const dueOn25 = nextFirings(
      new Date("2026-10-19T00:00:00Z"),
      ScheduleSchema.parse({ cycle: "monthly", dueDay: 25 }),
      calendar,
      SHANGHAI,
    ).find((firing) => firing.slot === "reminder:2026-10:first");
    expect(dueOn25?.on).toBe("2026-10-20");
    expect(dueOn25?.reason).toContain(
      "the nominal due day Sun 2026-10-25 (weekend) is not a working day, moved to the previous working day",
    );
  });

  it("returns `count` firings, and includes one due exactly now", () => {
    const now = new Date("2026-09-30T01:30:00Z");
    expect(nextFirings(now, dueOnTenth, calendar, SHANGHAI, 3).map((firing) => firing.slot)).toEqual([
      "reminder:2026-10:first",
      "digest:2026-W41",
      "reminder:2026-10:due",
    ]);
    expect(nextFirings(new Date(now.getTime() + 1), dueOnTenth, calendar, SHANGHAI, 1)[0]?.slot).toBe(
      "digest:2026-W41",
    );
    expect(nextFirings(now, dueOnTenth, calendar, SHANGHAI, 25)).toHaveLength(25);
  });

  it("reads today in the plan's timezone: UTC 16:00 is already the next day in Shanghai", () => {
    const justBefore = nextFirings(new Date("2026-10-07T15:59:00Z"), dueOnTenth, calendar, SHANGHAI, 1);
    const atMidnight = nextFirings(new Date("2026-10-08T01:00:00.001Z"), dueOnTenth, calendar, SHANGHAI, 1);
    expect(justBefore[0]?.slot).toBe("digest:2026-W41");
    expect(atMidnight[0]?.slot).toBe("reminder:2026-10:due");
  });

  it("keeps the overdue rungs of a past due day and sorts ties between weekly cycles by slot", () => {
    const weekly = ScheduleSchema.parse({ cycle: "weekly", dueDay: 5 });
    const slots = nextFirings(new Date("2026-09-16T00:00:00Z"), weekly, calendar, SHANGHAI, 6).map(
      (firing) => [firing.slot, firing.on],
    );
    expect(slots).toEqual([
      ["reminder:2026-W37:overdue-3", "2026-09-16"],
      ["reminder:2026-W37:escalation", "2026-09-18"],
      ["reminder:2026-W38:due", "2026-09-18"],
      ["reminder:2026-W38:overdue-1", "2026-09-20"], // make-up Sunday
      ["digest:2026-W39", "2026-09-21"],
      ["reminder:2026-W39:first", "2026-09-21"],
    ]);
  });

  it("posts one digest when Spring Festival covers two Mondays", () => {
    const digests = nextFirings(new Date("2026-02-10T00:00:00Z"), dueOnTenth, calendar, SHANGHAI, 10).filter(
      (firing) => firing.kind === "digest",
    );
    expect(digests.map((firing) => [firing.slot, firing.on])).toEqual([
      ["digest:2026-W09", "2026-02-24"],
      ["digest:2026-W10", "2026-03-02"],
      ["digest:2026-W11", "2026-03-09"],
    ]);
    expect(digests[0]?.reason).toContain("also covers 2026-W08");
  });

  it("flags firings that rely on a year without its notice, counted by its statutory holidays", () => {
    const firings = nextFirings(
      new Date("2026-12-20T00:00:00Z"),
      ScheduleSchema.parse({ cycle: "monthly", dueDay: 25 }),
      calendar,
      SHANGHAI,
      10,
    );
    const escalation = firings.find((firing) => firing.slot === "reminder:2026-12:escalation");
    // due Fri 12-25: 5 working days are 12-28..31 and, past 元旦 (a statutory day) and the weekend, Mon 01-04
    expect(escalation).toMatchObject({ on: "2027-01-04", calendarCovered: false });
    expect(escalation?.reason).toContain("2027-01-01 元旦 New Year's Day skipped");
    expect(escalation?.reason).toContain(
      "2027: statutory holidays only, 调休 not yet known — add the State Council notice",
    );
    expect(firings.find((firing) => firing.slot === "reminder:2026-12:due")?.calendarCovered).toBe(true);
  });

  it("skips the Spring Festival days of a statutory-only year (2027: 除夕 Fri 02-05 to 初三 Mon 02-08)", () => {
    const firings = nextFirings(
      new Date("2027-01-26T00:00:00Z"),
      ScheduleSchema.parse({ cycle: "monthly", dueDay: 5 }),
      calendar,
      SHANGHAI,
      20,
    ).filter((firing) => firing.cycleKey === "2027-02");
    expect(firings.map((firing) => [firing.kind, firing.on])).toEqual([
      ["first", "2027-02-01"],
      ["due", "2027-02-04"], // the 5th is 除夕: the working day before
      ["overdue-1", "2027-02-09"],
      ["overdue-3", "2027-02-11"],
      ["escalation", "2027-02-15"],
    ]);
    for (const firing of firings) {
      expect(calendar.isWorkingDay(firing.on), firing.slot).toBe(true);
      expect(firing.calendarCovered).toBe(false);
    }
    expect(firings[2]?.reason).toContain("2027-02-05..02-08 春节 Spring Festival skipped");
  });
});
