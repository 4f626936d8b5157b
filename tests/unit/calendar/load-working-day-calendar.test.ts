import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import { addDays } from "../../../src/domain/time/plan-date.ts";
import { OFFICIAL_YEARS, officialDays } from "./official-arrangements.ts";

function specialDays(
  calendar: WorkingDayCalendar,
  year: number,
): { holidays: string[]; makeUpWorkdays: string[] } {
  const holidays: string[] = [];
  const makeUpWorkdays: string[] = [];
  for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
    const { kind } = calendar.dayInfo(day);
    if (kind === "holiday") holidays.push(day);
    if (kind === "make-up-workday") makeUpWorkdays.push(day);
  }
  return { holidays, makeUpWorkdays };
}

describe("the shipped calendar workflows/calendar/cn-workdays.yaml", () => {
  let shipped: WorkingDayCalendar;
  beforeAll(async () => {
    shipped = await loadWorkingDayCalendar();
  });

  it("matches the State Council notices for 2025 and 2026, as transcribed in the tests", () => {
    for (const year of OFFICIAL_YEARS) {
      const official = officialDays(year);
      expect(shipped.hasNotice(year)).toBe(true);
      expect(specialDays(shipped, year)).toEqual({
        holidays: official.holidays.map((day) => day.date),
        makeUpWorkdays: official.makeUpWorkdays.map((day) => day.date),
      });
    }
  });

  it("agrees with every year from 2025 on in the installed chinese-days package (run scripts/update-calendar.ts)", () => {
    const require = createRequire(import.meta.url);
    const data = require("chinese-days/dist/chinese-days.json") as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    const years = new Set(Object.keys(data.holidays).map((day) => Number(day.slice(0, 4))));
    for (const year of [...years].filter((candidate) => candidate >= 2025)) {
      const inYear = (days: Record<string, string>) =>
        Object.keys(days).filter((day) => day.startsWith(`${year}-`));
      expect(shipped.hasNotice(year), `${year} missing from the calendar file`).toBe(true);
      expect(specialDays(shipped, year)).toEqual({
        holidays: inYear(data.holidays).sort(),
        makeUpWorkdays: inYear(data.workdays).sort(),
      });
    }
  });

  it("names the holiday of each day", () => {
    expect(shipped.dayInfo("2026-10-03").name).toBe("国庆节 National Day");
    expect(shipped.dayInfo("2026-10-10").name).toBe("国庆节 National Day");
  });
});

describe("loadWorkingDayCalendar with a mistake in the file", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "duban-calendar-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function messageFor(text: string): Promise<string> {
    const path = join(dir, `cal-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(path, text);
    const error = await loadWorkingDayCalendar(path).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    const message = (error as DomainError).userMessage;
    expect(message).toContain(path);
    expect(message).not.toContain("\n");
    return message;
  }

  const year = (body: string) => `years:\n  "2027":\n    notice: n\n    source: s\n${body}`;

  it("loads a hand-written year", async () => {
    const path = join(dir, "good.yaml");
    writeFileSync(
      path,
      year(
        '    holidays:\n      - { name: 国庆节, from: "2027-10-01", to: "2027-10-07" }\n    makeUpWorkdays:\n      - { date: "2027-09-26", for: 国庆节 }\n',
      ),
    );
    const calendar = await loadWorkingDayCalendar(path);
    expect(calendar.noticeYears).toEqual([2027]);
    expect(calendar.isWorkingDay("2027-10-04")).toBe(false);
    expect(calendar.isWorkingDay("2027-09-26")).toBe(true);
  });

  it("names a malformed date with its place in the file", async () => {
    const message = await messageFor(year('    holidays:\n      - { name: x, from: "2027-10-32" }\n'));
    expect(message).toContain("years.2027.holidays.0.from");
    expect(message).toContain("YYYY-MM-DD");
  });

  it("refuses a span that ends before it starts and a day filed under another year", async () => {
    expect(
      await messageFor(year('    holidays:\n      - { name: x, from: "2027-10-07", to: "2027-10-01" }\n')),
    ).toContain("`to` is before `from`");
    expect(await messageFor(year('    holidays:\n      - { name: x, from: "2026-10-01" }\n'))).toContain(
      "2026-10-01 is listed under 2027",
    );
  });

  it("reports a weekday make-up day, broken YAML and a missing file in one line", async () => {
    expect(
      await messageFor(
        year('    holidays: []\n    makeUpWorkdays:\n      - { date: "2027-10-08", for: x }\n'),
      ),
    ).toContain("2027-10-08 is not a Saturday or Sunday");
    expect(await messageFor("years: [\n")).toContain("not valid YAML");
    const missing = join(dir, "absent.yaml");
    await expect(loadWorkingDayCalendar(missing)).rejects.toThrow(/Cannot read the working-day calendar/);
  });
});
