import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_CALENDAR_PATH,
  loadWorkingDayCalendar,
} from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { runCli } from "../../../src/cli/main.ts";
import { buildDocx } from "../../support/build-docx.ts";
import { fixedClock, recordingCliIo } from "../../support/recording-cli-io.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/holiday-notices");
const dir = mkdtempSync(join(tmpdir(), "duban-calendar-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the shipped calendar file to import into. */
function calendarCopy(name: string): string {
  const path = join(dir, name);
  copyFileSync(DEFAULT_CALENDAR_PATH, path);
  return path;
}

const io = (iso = "2026-11-16T10:00:00+08:00") => recordingCliIo(FIXTURES, {}, fixedClock(iso));
const commentLines = (text: string) => text.split("\n").filter((line) => line.trimStart().startsWith("#"));

describe("duban calendar import", () => {
  it("adds 2019 to the calendar file, keeping its comments, with notice and source filled in", async () => {
    const file = calendarCopy("cal-2019.yaml");
    const before = readFileSync(file, "utf8");
    const out = io();
    expect(await runCli(["calendar", "import", "2019.txt", "--file", file], out)).toBe(0);
    expect(out.stdout[0]).toBe("2019: 国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）");
    expect(out.stdout).toContain("  Sun 2018-12-30 .. Tue 2019-01-01  元旦 New Year's Day (3 days)");
    expect(out.stdout.at(-1)).toBe(`added 2019 in ${file}: 7 holiday span(s), 5 make-up working day(s)`);

    const after = readFileSync(file, "utf8");
    expect(commentLines(after)).toEqual(commentLines(before));
    expect(after.startsWith(before.slice(0, before.indexOf('  "2025":')))).toBe(true);
    expect(after).toContain('    source: "2019.txt, read by duban calendar import on 2026-11-16"');
    expect(after).toContain('      - { name: "元旦 New Year\'s Day", from: "2018-12-30", to: "2019-01-01" }');
    const calendar = await loadWorkingDayCalendar(file);
    expect(calendar.noticeYears).toEqual([2019, 2025, 2026]);
    expect(calendar.dayInfo("2018-12-29")).toMatchObject({ working: true, basis: "notice" });

    const shown = io();
    expect(await runCli(["calendar", "show", "2018", "--json", "--file", file], shown)).toBe(0);
    const y2018 = JSON.parse(shown.stdout.join(""));
    expect(y2018).toMatchObject({ year: 2018, basis: "statutory", notice: null, makeUpWorkdays: [] });
    expect(y2018.holidays.at(-1)).toEqual({
      name: "国庆节 National Day",
      from: "2018-10-01",
      to: "2018-10-03",
    });
  });

  it("reads a GBK text and a .docx; --dry-run --json prints the year as the file holds it and writes nothing", async () => {
    const file = calendarCopy("cal-dry.yaml");
    const before = readFileSync(file, "utf8");
    writeFileSync(
      join(dir, "2024-gbk.txt"),
      iconv.encode(readFileSync(join(FIXTURES, "2024.txt"), "utf8"), "gbk"),
    );
    const gbk = io();
    const path = join(dir, "2024-gbk.txt");
    expect(await runCli(["calendar", "import", path, "--dry-run", "--json", "--file", file], gbk)).toBe(0);
    const year = JSON.parse(gbk.stdout.join(""));
    expect(Object.keys(year)).toEqual(["year", "notice", "source", "holidays", "makeUpWorkdays"]);
    expect(year.year).toBe(2024);
    expect(year.holidays[1]).toEqual({ name: "春节 Spring Festival", from: "2024-02-10", to: "2024-02-17" });
    expect(year.makeUpWorkdays[0]).toEqual({ date: "2024-02-04", for: "春节 Spring Festival" });

    const paragraphs = readFileSync(join(FIXTURES, "2023.txt"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "");
    writeFileSync(join(dir, "2023.docx"), await buildDocx(paragraphs));
    const docx = io();
    expect(
      await runCli(["calendar", "import", join(dir, "2023.docx"), "--dry-run", "--file", file], docx),
    ).toBe(0);
    expect(docx.stdout).toContain("  Sat 2022-12-31 .. Mon 2023-01-02  元旦 New Year's Day (3 days)");
    expect(docx.stdout.at(-1)).toBe(`dry run: ${file} not changed`);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses a bad notice naming the item, and a file that is no notice, in one line with exit code 2", async () => {
    const file = calendarCopy("cal-bad.yaml");
    const before = readFileSync(file, "utf8");
    const text = readFileSync(join(FIXTURES, "2024.txt"), "utf8").replace(
      "5月11日（星期六）上班",
      "5月8日上班",
    );
    writeFileSync(join(dir, "bad-2024.txt"), text);
    const bad = io();
    expect(await runCli(["calendar", "import", join(dir, "bad-2024.txt"), "--file", file], bad)).toBe(2);
    expect(bad.stderr).toHaveLength(1);
    expect(bad.stderr[0]).toContain(
      "四、劳动节: make-up working day 2024-05-08 is a Wed, not a Saturday or Sunday",
    );
    const plan = io();
    expect(
      await runCli(
        ["calendar", "import", "../../../workflows/sources/nanyang-relocation-2021.txt", "--file", file],
        plan,
      ),
    ).toBe(2);
    expect(plan.stderr).toEqual([
      "duban: ../../../workflows/sources/nanyang-relocation-2021.txt is not a State Council holiday notice (国务院办公厅关于<year>年部分节假日安排的通知): it names no year's arrangement",
    ]);
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("duban calendar show", () => {
  it("shows this year by the clock: 2027 is statutory only, and says what to do", async () => {
    const out = io("2027-03-01T10:00:00+08:00");
    expect(await runCli(["calendar", "show"], out)).toBe(0);
    expect(out.stdout[0]).toBe(
      "⚠ 2027: statutory holidays only, 调休 not yet known — add the State Council notice (duban calendar import <notice.txt|.docx>)",
    );
    expect(out.stdout).toContain("  Fri 2027-02-05 .. Mon 2027-02-08  春节 Spring Festival (4 days)");
    expect(out.stdout.at(-1)).toBe("make-up working days (调休): not yet known");
  });

  it("shows a notice year with its notice and source, as JSON with basis notice", async () => {
    const out = io();
    expect(await runCli(["calendar", "show", "2026", "--json"], out)).toBe(0);
    const year = JSON.parse(out.stdout.join(""));
    expect(year).toMatchObject({
      year: 2026,
      basis: "notice",
      notice: "国务院办公厅关于2026年部分节假日安排的通知",
    });
    expect(year.holidays[1]).toEqual({ name: "春节 Spring Festival", from: "2026-02-15", to: "2026-02-23" });
    expect(year.makeUpWorkdays).toHaveLength(6);
    const bad = io();
    expect(await runCli(["calendar", "show", "next"], bad)).toBe(2);
    expect(bad.stderr).toEqual(['duban: "next" is not a year: write it like 2027']);
  });
});
