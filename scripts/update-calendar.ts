/**
 * Generates or checks workflows/calendar/cn-workdays.yaml from the `chinese-days` npm package
 * (MIT, https://github.com/vsme/chinese-days), which transcribes each State Council notice
 * (国务院办公厅关于某年部分节假日安排的通知) into public holidays and 调休 make-up working days.
 *
 *   npx tsx scripts/update-calendar.ts          # add or refresh years from the package, keep the rest
 *   npx tsx scripts/update-calendar.ts --check  # exit 1 if the file and the package disagree
 *   options: --from 2025 (first year taken from the package), --file <path>
 *
 * Years the package does not have yet stay as an operator typed them; years it has are replaced by its
 * dates (the `notice` and `source` notes already in the file are kept). Read the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { noticeFromFileYear } from "../src/adapters/calendar/calendar-data-from-file.ts";
import type { CalendarFile, CalendarYear } from "../src/adapters/calendar/calendar-file-schema.ts";
import {
  DEFAULT_CALENDAR_PATH,
  parseCalendarFile,
} from "../src/adapters/calendar/load-working-day-calendar.ts";
import { addDays } from "../src/domain/time/plan-date.ts";

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const packageData = require("chinese-days/dist/chinese-days.json") as PackageData;
const packageVersion = (require("chinese-days/package.json") as { version: string }).version;

/** "National Day,国庆节,3" -> "国庆节 National Day". */
function holidayName(label: string): string {
  const [english, chinese] = label.split(",");
  return `${chinese ?? ""} ${english ?? ""}`.trim();
}

function packageYears(fromYear: number): Map<number, CalendarYear> {
  const years = new Map<number, CalendarYear>();
  const yearEntry = (year: number): CalendarYear => {
    let entry = years.get(year);
    if (entry === undefined) {
      entry = {
        notice: `国务院办公厅关于${year}年部分节假日安排的通知`,
        source: `chinese-days@${packageVersion}; check against the notice on https://www.gov.cn/zhengce/`,
        holidays: [],
        makeUpWorkdays: [],
      };
      years.set(year, entry);
    }
    return entry;
  };
  for (const [date, label] of Object.entries(packageData.holidays).sort()) {
    const year = Number(date.slice(0, 4));
    if (year < fromYear) continue;
    const spans = yearEntry(year).holidays;
    const last = spans.at(-1);
    const name = holidayName(label);
    if (last !== undefined && addDays(last.to ?? last.from, 1) === date) {
      last.to = date;
      if (!last.name.split(" / ").includes(name)) last.name = `${last.name} / ${name}`;
    } else {
      spans.push({ name, from: date, to: date });
    }
  }
  for (const [date, label] of Object.entries(packageData.workdays).sort()) {
    const year = Number(date.slice(0, 4));
    if (year >= fromYear) yearEntry(year).makeUpWorkdays.push({ date, for: holidayName(label) });
  }
  return years;
}

function daysOf(year: string, entry: CalendarYear): string[] {
  const data = noticeFromFileYear(Number(year), entry, "check");
  return [
    ...data.holidays.map((day) => `off ${day.date}`),
    ...data.makeUpWorkdays.map((day) => `work ${day.date}`),
  ];
}

function differences(
  year: string,
  fileEntry: CalendarYear | undefined,
  packageEntry: CalendarYear,
): string[] {
  if (fileEntry === undefined) return [`${year}: in chinese-days@${packageVersion}, missing from the file`];
  const inFile = new Set(daysOf(year, fileEntry));
  const inPackage = new Set(daysOf(year, packageEntry));
  return [
    ...[...inPackage]
      .filter((day) => !inFile.has(day))
      .map((day) => `${year}: package has ${day}, file does not`),
    ...[...inFile]
      .filter((day) => !inPackage.has(day))
      .map((day) => `${year}: file has ${day}, package does not`),
  ];
}

const HEADER = `# Chinese working-day calendar (工作日) used for every "N working days" in Duban's schedules.
# One entry per year, transcribed from the State Council notice 国务院办公厅关于<year>年部分节假日安排的通知
# (published each autumn on https://www.gov.cn/zhengce/). holidays: days off (放假), from..to inclusive,
# weekend days inside the span included. makeUpWorkdays: 调休 Saturdays/Sundays that are working days.
# A year missing here counts its statutory holidays only (computed; 调休 unknown) and Duban warns about it.
# Update: duban calendar import <notice.txt|.docx> (reads and checks the notice, keeps these comments),
# or npx tsx scripts/update-calendar.ts (from the chinese-days package; --check to compare).
`;

function render(file: CalendarFile): string {
  const q = JSON.stringify;
  const lines = [HEADER, "years:"];
  for (const [year, entry] of Object.entries(file.years).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `  "${year}":`,
      `    notice: ${q(entry.notice)}`,
      `    source: ${q(entry.source)}`,
      "    holidays:",
    );
    for (const span of entry.holidays) {
      const to = span.to === undefined || span.to === span.from ? "" : `, to: ${q(span.to)}`;
      lines.push(`      - { name: ${q(span.name)}, from: ${q(span.from)}${to} }`);
    }
    lines.push(entry.makeUpWorkdays.length === 0 ? "    makeUpWorkdays: []" : "    makeUpWorkdays:");
    for (const day of entry.makeUpWorkdays)
      lines.push(`      - { date: ${q(day.date)}, for: ${q(day.for)} }`);
  }
  return `${lines.join("\n")}\n`;
}

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    from: { type: "string", default: "2025" },
    file: { type: "string", default: DEFAULT_CALENDAR_PATH },
  },
});
const path = values.file;
const current: CalendarFile = existsSync(path)
  ? parseCalendarFile(readFileSync(path, "utf8"), path)
  : { years: {} };
const fromPackage = packageYears(Number(values.from));
const problems = [...fromPackage].flatMap(([year, entry]) =>
  differences(String(year), current.years[year], entry),
);
const packageSpan = [...fromPackage.keys()].join(", ");

if (values.check) {
  for (const problem of problems) console.log(problem);
  console.log(
    problems.length === 0
      ? `${path} agrees with chinese-days@${packageVersion} for ${packageSpan}.`
      : `${problems.length} difference(s) between ${path} and chinese-days@${packageVersion}.`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} else {
  const years: CalendarFile["years"] = { ...current.years };
  for (const [year, entry] of fromPackage) {
    const kept = current.years[year];
    years[year] = kept === undefined ? entry : { ...entry, notice: kept.notice, source: kept.source };
  }
  writeFileSync(path, render({ years }));
  for (const problem of problems) console.log(`updated ${problem}`);
  console.log(
    `Wrote ${path}: years ${Object.keys(years).sort().join(", ")} (package covers ${packageSpan}).`,
  );
}
