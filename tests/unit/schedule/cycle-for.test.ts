import { describe, expect, it } from "vitest";
import { cycleFor } from "../../../src/domain/schedule/reporting-cycles.ts";
import { officialCalendar } from "../calendar/official-arrangements.ts";

const calendar = officialCalendar();
const monthly = (dueDay: number) => ({ cycle: "monthly" as const, dueDay });
const weekly = (dueDay: number) => ({ cycle: "weekly" as const, dueDay });

describe("cycleFor, monthly (每月N日前报送)", () => {
  it("moves a due day on a weekend to the previous working day: 2026-10-25 is a Sunday", () => {
    expect(cycleFor("2026-10-14", monthly(25), calendar)).toEqual({
      key: "2026-10",
      opensOn: "2026-10-01",
      endsOn: "2026-10-31",
      nominalDueOn: "2026-10-25",
      dueOn: "2026-10-23",
    });
    expect(cycleFor("2026-01-31", monthly(25), calendar).dueOn).toBe("2026-01-23");
  });

  it("moves a due day on a holiday earlier: 2026-09-25 is Mid-Autumn", () => {
    expect(cycleFor("2026-09-01", monthly(25), calendar).dueOn).toBe("2026-09-24");
  });

  it("keeps a due day on a 调休 Saturday: 2026-10-10", () => {
    expect(cycleFor("2026-10-31", monthly(10), calendar).dueOn).toBe("2026-10-10");
  });

  it("clamps day 31 to the month's end (2026-02-28 is a make-up Saturday, 2026-09-30 a Wednesday)", () => {
    expect(cycleFor("2026-02-10", monthly(31), calendar)).toMatchObject({
      nominalDueOn: "2026-02-28",
      dueOn: "2026-02-28",
    });
    expect(cycleFor("2026-09-10", monthly(31), calendar).dueOn).toBe("2026-09-30");
  });

  it("falls forward when the month has no working day up to the nominal day (day 1 and 5 of October 2026)", () => {
    expect(cycleFor("2026-10-20", monthly(1), calendar).dueOn).toBe("2026-10-08");
    expect(cycleFor("2026-10-20", monthly(5), calendar).dueOn).toBe("2026-10-08");
  });
});

describe("cycleFor, weekly", () => {
  it("keys the ISO week and runs Monday to Sunday", () => {
    expect(cycleFor("2026-10-08", weekly(5), calendar)).toEqual({
      key: "2026-W41",
      opensOn: "2026-10-05",
      endsOn: "2026-10-11",
      nominalDueOn: "2026-10-09",
      dueOn: "2026-10-09",
    });
  });

  it("moves a Friday in the holiday to the previous working day of the week", () => {
    expect(cycleFor("2026-10-04", weekly(5), calendar)).toMatchObject({
      key: "2026-W40",
      dueOn: "2026-09-30",
    });
  });

  it("keeps a Saturday due day on the make-up Saturday 2026-10-10 and moves it on other Saturdays", () => {
    expect(cycleFor("2026-10-05", weekly(6), calendar).dueOn).toBe("2026-10-10");
    expect(cycleFor("2026-10-12", weekly(6), calendar).dueOn).toBe("2026-10-16");
  });

  it("uses ISO week-years at the turn of the year", () => {
    expect(cycleFor("2025-12-29", weekly(5), calendar).key).toBe("2026-W01");
    expect(cycleFor("2026-12-31", weekly(5), calendar).key).toBe("2026-W53");
    expect(cycleFor("2027-01-03", weekly(5), calendar).key).toBe("2026-W53");
    expect(cycleFor("2027-01-04", weekly(5), calendar).key).toBe("2027-W01");
  });
});
