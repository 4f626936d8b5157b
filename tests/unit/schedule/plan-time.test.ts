import { describe, expect, it } from "vitest";
import { planDateTimeToInstant, toPlanDate, toPlanDateTime } from "../../../src/domain/time/plan-time.ts";

const SHANGHAI = "Asia/Shanghai";

describe("plan time in Asia/Shanghai (UTC+8)", () => {
  it("puts UTC 16:00 on the next plan day at 00:00", () => {
    expect(toPlanDateTime(new Date("2026-09-30T16:00:00Z"), SHANGHAI)).toEqual({
      date: "2026-10-01",
      time: "00:00",
    });
    expect(toPlanDate(new Date("2026-09-30T15:59:59.999Z"), SHANGHAI)).toBe("2026-09-30");
    expect(toPlanDate(new Date("2026-12-31T16:00:00Z"), SHANGHAI)).toBe("2027-01-01");
  });

  it("turns a plan date and time into the instant", () => {
    expect(planDateTimeToInstant("2026-10-01", "00:00", SHANGHAI).toISOString()).toBe(
      "2026-09-30T16:00:00.000Z",
    );
    expect(planDateTimeToInstant("2026-10-08", "09:30", SHANGHAI).toISOString()).toBe(
      "2026-10-08T01:30:00.000Z",
    );
    expect(planDateTimeToInstant("2027-01-01", "07:59", SHANGHAI).toISOString()).toBe(
      "2026-12-31T23:59:00.000Z",
    );
    expect(planDateTimeToInstant("2026-03-01", "23:59", SHANGHAI).toISOString()).toBe(
      "2026-03-01T15:59:00.000Z",
    );
  });

  it("round-trips every half hour across a year", () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 30 * 60_000 * 7) {
      const local = toPlanDateTime(new Date(ms), SHANGHAI);
      expect(planDateTimeToInstant(local.date, local.time, SHANGHAI).getTime()).toBe(ms);
    }
  });
});

describe("plan time in zones with daylight saving", () => {
  it("handles New York's spring gap and autumn overlap", () => {
    const newYork = "America/New_York";
    expect(planDateTimeToInstant("2026-03-07", "12:00", newYork).toISOString()).toBe(
      "2026-03-07T17:00:00.000Z",
    );
    expect(planDateTimeToInstant("2026-03-09", "12:00", newYork).toISOString()).toBe(
      "2026-03-09T16:00:00.000Z",
    );
    // 02:30 does not exist on 2026-03-08: one hour later.
    expect(planDateTimeToInstant("2026-03-08", "02:30", newYork).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    // 01:30 happens twice on 2026-11-01: the first, still on EDT.
    expect(planDateTimeToInstant("2026-11-01", "01:30", newYork).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(toPlanDateTime(new Date("2026-11-01T06:30:00Z"), newYork)).toEqual({
      date: "2026-11-01",
      time: "01:30",
    });
  });

  it("handles a zone east of UTC with DST and midnight in UTC", () => {
    expect(planDateTimeToInstant("2026-07-01", "00:00", "Europe/Berlin").toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
    expect(planDateTimeToInstant("2026-07-01", "00:00", "UTC").toISOString()).toBe(
      "2026-07-01T00:00:00.000Z",
    );
  });
});

describe("plan time rejects bad input", () => {
  it("throws on bad times, dates and zones", () => {
    expect(() => planDateTimeToInstant("2026-10-01", "24:00", SHANGHAI)).toThrow(/HH:mm/);
    expect(() => planDateTimeToInstant("2026-10-01", "9:30", SHANGHAI)).toThrow(/HH:mm/);
    expect(() => planDateTimeToInstant("2026-02-29", "09:30", SHANGHAI)).toThrow(/YYYY-MM-DD/);
    expect(() => toPlanDate(new Date("2026-10-01T00:00:00Z"), "Asia/Nowhere")).toThrow(RangeError);
    expect(() => toPlanDate(new Date(Number.NaN), SHANGHAI)).toThrow(RangeError);
  });
});
