import { readFile } from "node:fs/promises";
import { basename, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import type { CalendarYear as FileYear } from "../../adapters/calendar/calendar-file-schema.ts";
import type { NoticeYear } from "../../domain/calendar/holiday-notice.ts";
import { IMPORT_NOTICE_COMMAND, statutoryOnlyNote } from "../../domain/calendar/missing-notice.ts";
import { DomainError } from "../../domain/errors.ts";
import { dayNumber, type PlanDate, weekdayName, yearOf } from "../../domain/time/plan-date.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import { padToWidth } from "../../shared/pad-to-width.ts";
import type { CliIo } from "../cli-io.ts";

/** The calendar is China's: "today" and the import's date are read in Beijing time. */
const CALENDAR_TIME_ZONE = "Asia/Shanghai";

interface YearView {
  year: number;
  basis: "notice" | "statutory";
  notice: string | null;
  source: string | null;
  holidays: Array<{ name: string; from: PlanDate; to: PlanDate }>;
  makeUpWorkdays: Array<{ date: PlanDate; for: string }>;
}

function shown(io: CliIo, path: string): string {
  const inside = relative(io.cwd, path);
  return inside.startsWith("..") ? path : inside.split(sep).join("/");
}

function spanText(span: { from: PlanDate; to: PlanDate }): string {
  const from = `${weekdayName(span.from)} ${span.from}`;
  return span.to === span.from ? from : `${from} .. ${weekdayName(span.to)} ${span.to}`;
}

async function printYear(io: CliIo, view: YearView): Promise<void> {
  if (view.basis === "notice") {
    io.out(`${view.year}: ${view.notice}`);
    io.out(`source: ${view.source}`);
  } else {
    io.out(`⚠ ${statutoryOnlyNote(view.year)} (${IMPORT_NOTICE_COMMAND})`);
    const { statutoryRulesFor } = await import("../../domain/calendar/statutory-holidays.ts");
    io.out(`rules: ${statutoryRulesFor(view.year).basis}`);
  }
  io.out("holidays (days off):");
  for (const span of view.holidays) {
    const days = dayNumber(span.to) - dayNumber(span.from) + 1;
    io.out(`  ${padToWidth(spanText(span), 34)}${span.name}${days > 1 ? ` (${days} days)` : ""}`);
  }
  if (view.makeUpWorkdays.length === 0) {
    io.out(`make-up working days (调休): ${view.basis === "notice" ? "none" : "not yet known"}`);
    return;
  }
  io.out("make-up working days (调休):");
  for (const day of view.makeUpWorkdays) io.out(`  ${weekdayName(day.date)} ${day.date}  for ${day.for}`);
}

/** The year as the calendar file holds it (the `--json` of both subcommands). */
function fileShape(year: NoticeYear, source: string): FileYear {
  return {
    notice: year.notice,
    source,
    holidays: year.holidays.map((span) => ({ name: span.name, from: span.from, to: span.to })),
    makeUpWorkdays: year.makeUpWorkdays,
  };
}

async function importNotice(
  file: string,
  options: { dryRun?: boolean; json?: boolean; file?: string },
  io: CliIo,
): Promise<void> {
  const { DEFAULT_CALENDAR_PATH } = await import("../../adapters/calendar/load-working-day-calendar.ts");
  const { writeCalendarYear } = await import("../../adapters/calendar/write-calendar-year.ts");
  const { readPlanDocument } = await import("../../adapters/files/read-plan-document.ts");
  const { readHolidayNotice } = await import("../../domain/calendar/holiday-notice.ts");
  const document = await readPlanDocument(resolve(io.cwd, file), file);
  const notice = readHolidayNotice(document.text, file);
  const today = toPlanDate(io.clock.now(), CALENDAR_TIME_ZONE);
  const source = `${basename(file)}, read by duban calendar import on ${today}`;
  const entry = fileShape(notice, source);
  const calendarPath = resolve(io.cwd, options.file ?? DEFAULT_CALENDAR_PATH);
  const view: YearView = {
    year: notice.year,
    basis: "notice",
    notice: entry.notice,
    source,
    holidays: notice.holidays,
    makeUpWorkdays: notice.makeUpWorkdays,
  };
  if (options.json === true) {
    const { basis: _basis, ...asInFile } = view;
    io.out(JSON.stringify(asInFile, null, 2));
  } else {
    for (const warning of document.warnings) io.err(warning);
    await printYear(io, view);
  }
  if (options.dryRun === true) {
    if (options.json !== true) io.out(`dry run: ${shown(io, calendarPath)} not changed`);
    return;
  }
  const { replaced } = await writeCalendarYear(calendarPath, notice.year, entry);
  const line = `${replaced ? "replaced" : "added"} ${notice.year} in ${shown(io, calendarPath)}: ${notice.holidays.length} holiday span(s), ${notice.makeUpWorkdays.length} make-up working day(s)`;
  if (options.json === true) io.err(line);
  else io.out(line);
}

async function showYear(
  yearText: string | undefined,
  options: { json?: boolean; file?: string },
  io: CliIo,
): Promise<void> {
  const { DEFAULT_CALENDAR_PATH, loadWorkingDayCalendar, parseCalendarFile } = await import(
    "../../adapters/calendar/load-working-day-calendar.ts"
  );
  const year =
    yearText === undefined ? yearOf(toPlanDate(io.clock.now(), CALENDAR_TIME_ZONE)) : Number(yearText);
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new DomainError("usage", `"${yearText}" is not a year: write it like 2027`);
  const path = resolve(io.cwd, options.file ?? DEFAULT_CALENDAR_PATH);
  const calendar = await loadWorkingDayCalendar(path);
  const file = parseCalendarFile(await readFile(path, "utf8"), path);
  const entry = file.years[String(year)];
  const computed = calendar.calendarYear(year);
  const view: YearView = {
    year,
    basis: computed.basis,
    notice: entry?.notice ?? null,
    source: entry?.source ?? null,
    holidays: computed.holidays,
    makeUpWorkdays: computed.makeUpWorkdays.map((day) => ({ date: day.date, for: day.name })),
  };
  if (options.json === true) io.out(JSON.stringify(view, null, 2));
  else await printYear(io, view);
}

/**
 * `duban calendar import <notice> [--dry-run] [--json] [--file]` and `duban calendar show [year] [--json]`:
 * the working-day calendar's yearly State Council notices, read and checked, and what each year counts.
 */
export function registerCalendarCommand(program: Command, io: CliIo): void {
  const calendar = program
    .command("calendar")
    .description("the working-day calendar: import a State Council holiday notice, show a year");
  calendar
    .command("import")
    .description(
      "read a 国务院办公厅关于<year>年部分节假日安排的通知 (.txt in UTF-8 or GBK, or .docx), check it and add its year to the calendar file",
    )
    .argument("<notice>", "the notice's text: .txt or .docx")
    .option("--dry-run", "check and print the year; write nothing")
    .option("--json", "print the year as the calendar file holds it, as JSON")
    .option("--file <calendar.yaml>", "the calendar file (default workflows/calendar/cn-workdays.yaml)")
    .action((notice: string, options: { dryRun?: boolean; json?: boolean; file?: string }) =>
      importNotice(notice, options, io),
    );
  calendar
    .command("show")
    .description("a year's holidays and make-up working days, and where they come from (notice or statutory)")
    .argument("[year]", "the year (default: this year)")
    .option("--json", "print JSON for scripts")
    .option("--file <calendar.yaml>", "the calendar file (default workflows/calendar/cn-workdays.yaml)")
    .action((year: string | undefined, options: { json?: boolean; file?: string }) =>
      showYear(year, options, io),
    );
}
