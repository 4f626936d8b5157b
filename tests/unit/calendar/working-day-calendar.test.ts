import { describe, expect, it } from "vitest";
import {
  createWorkingDayCalendar,
  type NoticeArrangement,
} from "../../../src/domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import { addDays } from "../../../src/domain/time/plan-date.ts";
import { officialCalendar } from "./official-arrangements.ts";

const calendar = officialCalendar();

function days(from: string, to: string): string[] {
  const result: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) result.push(day);
  return result;
}

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError");
}

describe("2026 National Day (国庆节 10月1日至7日, 9月20日周日、10月10日周六上班)", () => {
  it("has 2026-10-01..07 off, weekdays included, and 10-08 back at work", () => {
    for (const day of days("2026-10-01", "2026-10-07")) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.dayInfo("2026-10-05")).toMatchObject({ kind: "holiday", name: "国庆节", working: false });
    expect(calendar.isWorkingDay("2026-10-08")).toBe(true);
    expect(calendar.isWorkingDay("2026-09-30")).toBe(true);
  });

  it("makes Saturday 10-10 and Sunday 09-20 working days, not their weekend neighbours", () => {
    expect(calendar.dayInfo("2026-10-10")).toMatchObject({
      kind: "make-up-workday",
      working: true,
      name: "国庆节",
    });
    expect(calendar.isWorkingDay("2026-09-20")).toBe(true);
    expect(calendar.isWorkingDay("2026-10-11")).toBe(false);
    expect(calendar.isWorkingDay("2026-09-19")).toBe(false);
  });

  it("keeps Mid-Autumn 2026 separate: 09-25..27 off", () => {
    for (const day of days("2026-09-25", "2026-09-27")) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay("2026-09-24")).toBe(true);
  });
});

describe("2026 Spring Festival (春节 2月15日至23日, 2月14日、28日周六上班)", () => {
  it("has nine days off from Sunday 02-15 to Monday 02-23", () => {
    for (const day of days("2026-02-15", "2026-02-23")) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay("2026-02-24")).toBe(true);
  });

  it("makes Saturdays 02-14 and 02-28 working days", () => {
    expect(calendar.isWorkingDay("2026-02-14")).toBe(true);
    expect(calendar.isWorkingDay("2026-02-28")).toBe(true);
    expect(calendar.isWorkingDay("2026-02-07")).toBe(false);
  });

  it("counts 2026-02-13 + 1 working day as the make-up Saturday, + 2 as the 24th", () => {
    expect(calendar.addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(calendar.addWorkingDays("2026-02-13", 2)).toBe("2026-02-24");
  });
});

describe("2025 (国庆节、中秋节 10月1日至8日)", () => {
  it("has 10-01..08 off and Sunday 09-28, Saturday 10-11 working", () => {
    for (const day of days("2025-10-01", "2025-10-08")) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay("2025-09-28")).toBe(true);
    expect(calendar.isWorkingDay("2025-10-11")).toBe(true);
  });

  it("has 248 working days in 2025 and in 2026 (365 - 104 weekend days - 13 statutory days)", () => {
    expect(calendar.workingDaysBetween("2024-12-31", "2025-12-31")).toBe(248);
    expect(calendar.workingDaysBetween("2025-12-31", "2026-12-31")).toBe(248);
  });
});

describe("working-day arithmetic", () => {
  it("adds working days across the National Day holiday, forwards and backwards", () => {
    expect(calendar.addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
    expect(calendar.addWorkingDays("2026-09-30", 3)).toBe("2026-10-10");
    expect(calendar.addWorkingDays("2026-09-30", 4)).toBe("2026-10-12");
    expect(calendar.addWorkingDays("2026-10-08", -1)).toBe("2026-09-30");
    expect(calendar.addWorkingDays("2026-10-12", -3)).toBe("2026-10-08");
    expect(calendar.addWorkingDays("2026-10-12", -4)).toBe("2026-09-30");
  });

  it("starts counting from a holiday without counting it", () => {
    expect(calendar.addWorkingDays("2026-10-03", 1)).toBe("2026-10-08");
    expect(calendar.addWorkingDays("2026-10-03", -1)).toBe("2026-09-30");
    expect(calendar.addWorkingDays("2026-10-03", 0)).toBe("2026-10-03");
  });

  it("finds next, previous and nearest working days", () => {
    expect(calendar.nextWorkingDay("2026-09-30")).toBe("2026-10-08");
    expect(calendar.nextWorkingDay("2026-10-09")).toBe("2026-10-10");
    expect(calendar.previousWorkingDay("2026-10-08")).toBe("2026-09-30");
    expect(calendar.workingDayOnOrAfter("2026-10-04")).toBe("2026-10-08");
    expect(calendar.workingDayOnOrBefore("2026-10-04")).toBe("2026-09-30");
    expect(calendar.workingDayOnOrAfter("2026-10-10")).toBe("2026-10-10");
    expect(calendar.workingDayOnOrBefore("2026-10-25")).toBe("2026-10-23");
  });

  it("counts working days between dates, start excluded and end included", () => {
    expect(calendar.workingDaysBetween("2026-09-30", "2026-10-12")).toBe(4);
    expect(calendar.workingDaysBetween("2026-10-12", "2026-09-30")).toBe(-4);
    expect(calendar.workingDaysBetween("2026-10-01", "2026-10-07")).toBe(0);
    expect(calendar.workingDaysBetween("2026-10-08", "2026-10-08")).toBe(0);
  });

  it("round-trips: workingDaysBetween(d, addWorkingDays(d, n)) is n, and the result is a working day", () => {
    for (let day = "2025-12-20"; day <= "2026-12-10"; day = addDays(day, 3)) {
      for (let n = -12; n <= 12; n += 1) {
        const result = calendar.addWorkingDays(day, n);
        expect(calendar.workingDaysBetween(day, result), `${day} ${n}`).toBe(n);
        if (n !== 0) expect(calendar.isWorkingDay(result), `${day} ${n}`).toBe(true);
      }
    }
  });

  it("rejects a fractional count and a malformed date", () => {
    expect(() => calendar.addWorkingDays("2026-10-08", 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay("2026-13-01")).toThrow(RangeError);
  });
});

describe("years without a notice: statutory holidays only", () => {
  it("knows which years have a notice, and counts 2027 by its statutory holidays, 调休 unknown", () => {
    expect(calendar.noticeYears).toEqual([2025, 2026]);
    expect(calendar.hasNotice(2026)).toBe(true);
    expect(calendar.hasNotice(2027)).toBe(false);
    expect(calendar.dayInfo("2027-01-01")).toEqual({
      date: "2027-01-01",
      working: false,
      kind: "holiday",
      name: "元旦 New Year's Day",
      basis: "statutory",
    });
    expect(calendar.dayInfo("2027-01-04")).toMatchObject({
      working: true,
      kind: "weekday",
      basis: "statutory",
    });
    expect(calendar.dayInfo("2027-01-02")).toMatchObject({
      working: false,
      kind: "weekend",
      basis: "statutory",
    });
    expect(calendar.dayInfo("2026-12-31")).toMatchObject({ working: true, basis: "notice" });
  });

  it("takes nothing from the statutory rules in a year that has its notice: the notice overrides them", () => {
    const onlyNewYear = createWorkingDayCalendar({
      notices: [{ year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }], makeUpWorkdays: [] }],
    });
    // 2027-02-08 (Mon) is 正月初三, a statutory day, but this (made-up) notice does not list it
    expect(onlyNewYear.dayInfo("2027-02-08")).toMatchObject({
      working: true,
      kind: "weekday",
      basis: "notice",
    });
    expect(onlyNewYear.dayInfo("2028-01-26")).toMatchObject({
      working: false,
      kind: "holiday",
      basis: "statutory",
    });
  });

  it("skips the Spring Festival of 2027 (除夕 Fri 02-05 to 初三 Mon 02-08) when counting working days", () => {
    expect(calendar.addWorkingDays("2027-02-04", 1)).toBe("2027-02-09");
    expect(calendar.workingDaysBetween("2027-02-04", "2027-02-09")).toBe(1);
    expect(calendar.calendarYear(2027)).toMatchObject({
      year: 2027,
      basis: "statutory",
      makeUpWorkdays: [],
    });
    expect(calendar.calendarYear(2027).holidays).toContainEqual({
      name: "春节 Spring Festival",
      from: "2027-02-05",
      to: "2027-02-08",
    });
  });

  it("gives a notice year as its notice lists it, spans merged by holiday", () => {
    const year = calendar.calendarYear(2026);
    expect(year.basis).toBe("notice");
    expect(year.holidays[0]).toEqual({ name: "元旦", from: "2026-01-01", to: "2026-01-03" });
    expect(year.makeUpWorkdays[0]).toEqual({ date: "2026-01-04", name: "元旦" });
  });
});

describe("a notice whose span crosses New Year (2019: 2018年12月30日至2019年1月1日, 12月29日上班)", () => {
  const crossing = createWorkingDayCalendar({
    notices: [
      {
        year: 2019,
        holidays: ["2018-12-30", "2018-12-31", "2019-01-01"].map((date) => ({ date, name: "元旦" })),
        makeUpWorkdays: [{ date: "2018-12-29", name: "元旦" }],
      },
    ],
  });

  it("rules the December days of the year before, which otherwise has no notice", () => {
    expect(crossing.dayInfo("2018-12-29")).toMatchObject({
      working: true,
      kind: "make-up-workday",
      basis: "notice",
    });
    expect(crossing.dayInfo("2018-12-31")).toMatchObject({
      working: false,
      kind: "holiday",
      basis: "notice",
    });
    expect(crossing.dayInfo("2018-12-28")).toMatchObject({ working: true, basis: "statutory" });
    expect(crossing.addWorkingDays("2018-12-28", 1)).toBe("2018-12-29");
    expect(crossing.addWorkingDays("2018-12-29", 1)).toBe("2019-01-02");
  });

  it("shows the span with 2019, not with 2018", () => {
    expect(crossing.calendarYear(2019).holidays).toEqual([
      { name: "元旦", from: "2018-12-30", to: "2019-01-01" },
    ]);
    expect(crossing.calendarYear(2018).holidays.some((span) => span.to >= "2018-12-29")).toBe(false);
  });
});

describe("createWorkingDayCalendar rejects inconsistent data", () => {
  const base: NoticeArrangement = { year: 2026, holidays: [], makeUpWorkdays: [] };
  const one = (notice: Partial<NoticeArrangement>) =>
    createWorkingDayCalendar({ notices: [{ ...base, ...notice }] });

  it("names a day that is both a holiday and a make-up working day", () => {
    const day = { date: "2026-10-10", name: "国庆节" };
    const error = errorOf(() => one({ holidays: [day], makeUpWorkdays: [day] }));
    expect(error.code).toBe("calendar-invalid");
    expect(error.userMessage).toContain(
      "2026-10-10 is listed both as a holiday and as a make-up working day",
    );
  });

  it("refuses a make-up working day on a weekday", () => {
    const error = errorOf(() => one({ makeUpWorkdays: [{ date: "2026-10-09", name: "国庆节" }] }));
    expect(error.userMessage).toContain("2026-10-09 is not a Saturday or Sunday");
  });

  it("refuses days outside the notice's year (but its December before), duplicates and malformed dates", () => {
    const holiday = (date: string) => one({ holidays: [{ date, name: "x" }] });
    expect(errorOf(() => holiday("2027-01-01")).userMessage).toContain(
      "holiday 2027-01-01 is listed under 2026",
    );
    expect(errorOf(() => holiday("2025-11-30")).userMessage).toContain("2025-11-30 is listed under 2026");
    expect(() => holiday("2025-12-31")).not.toThrow();
    expect(errorOf(() => holiday("2026-02-30")).userMessage).toContain('"2026-02-30"');
    const twice = {
      holidays: [
        { date: "2026-10-01", name: "a" },
        { date: "2026-10-01", name: "b" },
      ],
    };
    expect(errorOf(() => one(twice)).userMessage).toContain("listed twice");
    expect(errorOf(() => createWorkingDayCalendar({ notices: [base, base] })).userMessage).toContain(
      "2026 is listed twice",
    );
  });
});
