import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  type HolidayKey,
  statutoryHolidays,
  statutoryRulesFor,
} from "../../../src/domain/calendar/statutory-holidays.ts";
import { isoWeekday } from "../../../src/domain/time/plan-date.ts";

type Table = Record<HolidayKey, string[]>;

/**
 * Written by hand from the lunar calendar (农历) and the 清明 dates, not from the library under test:
 * 正月初一 2027-02-06 (羊), 2028-01-26 (猴), 2029-02-13 (鸡), 2030-02-03 (狗) — 除夕 the day before;
 * 五月初五 2027-06-09, 2028-05-28, 2029-06-16, 2030-06-05; 八月十五 2027-09-15, 2028-10-03, 2029-09-22,
 * 2030-09-12; 清明 2027-04-05, 2028-04-04, 2029-04-04, 2030-04-05. Rules from 2025: 春节 = 除夕 + 初一至初三,
 * 劳动节 = 1–2 May, 国庆节 = 1–3 October, the others one day.
 */
const EXPECTED: Record<number, Table> = {
  2027: {
    元旦: ["2027-01-01"],
    春节: ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
    清明节: ["2027-04-05"],
    劳动节: ["2027-05-01", "2027-05-02"],
    端午节: ["2027-06-09"],
    中秋节: ["2027-09-15"],
    国庆节: ["2027-10-01", "2027-10-02", "2027-10-03"],
  },
  2028: {
    元旦: ["2028-01-01"],
    春节: ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"],
    清明节: ["2028-04-04"],
    劳动节: ["2028-05-01", "2028-05-02"],
    端午节: ["2028-05-28"],
    中秋节: ["2028-10-03"],
    国庆节: ["2028-10-01", "2028-10-02", "2028-10-03"],
  },
  2029: {
    元旦: ["2029-01-01"],
    春节: ["2029-02-12", "2029-02-13", "2029-02-14", "2029-02-15"],
    清明节: ["2029-04-04"],
    劳动节: ["2029-05-01", "2029-05-02"],
    端午节: ["2029-06-16"],
    中秋节: ["2029-09-22"],
    国庆节: ["2029-10-01", "2029-10-02", "2029-10-03"],
  },
  2030: {
    元旦: ["2030-01-01"],
    春节: ["2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"],
    清明节: ["2030-04-05"],
    劳动节: ["2030-05-01", "2030-05-02"],
    端午节: ["2030-06-05"],
    中秋节: ["2030-09-12"],
    国庆节: ["2030-10-01", "2030-10-02", "2030-10-03"],
  },
};

function asTable(year: number): Partial<Table> {
  return Object.fromEntries(statutoryHolidays(year).map((holiday) => [holiday.key, holiday.days]));
}

describe("statutory holidays (《全国年节及纪念日放假办法》) computed for years without a notice", () => {
  it.each([2027, 2028, 2029, 2030])("%i matches the table written by hand from the lunar dates", (year) => {
    expect(asTable(year)).toEqual(EXPECTED[year]);
    expect(statutoryHolidays(year).flatMap((holiday) => holiday.days)).toHaveLength(13);
  });

  it("applies the rules in force each year: 2014–2024 春节 初一至初三 and 劳动节 1 May only", () => {
    expect(asTable(2024)).toMatchObject({
      春节: ["2024-02-10", "2024-02-11", "2024-02-12"], // 初一 02-10
      劳动节: ["2024-05-01"],
    });
    expect(statutoryRulesFor(2014).years).toBe("2014–2024");
    expect(statutoryRulesFor(2025).years).toBe("2025 on");
  });

  it("2008–2013: 春节 除夕至初二; before 2008: 劳动节 1–3 May, no 清明, 端午 or 中秋", () => {
    expect(asTable(2013).春节).toEqual(["2013-02-09", "2013-02-10", "2013-02-11"]); // 除夕 02-09
    const before = asTable(2007);
    expect(before.劳动节).toEqual(["2007-05-01", "2007-05-02", "2007-05-03"]);
    expect(Object.keys(before)).toEqual(["元旦", "春节", "劳动节", "国庆节"]);
  });

  it("every statutory day of 2004–2026 is a day off in the chinese-days package's record of the notices", () => {
    const require = createRequire(import.meta.url);
    const data = require("chinese-days/dist/chinese-days.json") as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    const notOff: string[] = [];
    for (let year = 2004; year <= 2026; year += 1) {
      for (const holiday of statutoryHolidays(year)) {
        for (const day of holiday.days) {
          // the package leaves out some weekend days inside a span (2012-06-23, a Saturday of 端午 6月22日至24日)
          const off = day in data.holidays || (isoWeekday(day) >= 6 && !(day in data.workdays));
          if (!off) notOff.push(`${holiday.key} ${day}`);
        }
      }
    }
    expect(notOff).toEqual([]);
  });
});
