import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import {
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from "../../domain/calendar/working-day-calendar.ts";
import { DomainError, isDomainError } from "../../domain/errors.ts";
import { calendarDataFromFile } from "./calendar-data-from-file.ts";
import { type CalendarFile, CalendarFileSchema } from "./calendar-file-schema.ts";

/** The shipped calendar: public holidays and 调休 working days per year, maintained by operators. */
export const DEFAULT_CALENDAR_PATH = fileURLToPath(
  new URL("../../../workflows/calendar/cn-workdays.yaml", import.meta.url),
);

/** Parses and validates the calendar file's text; a mistake becomes one DomainError line naming the field. */
export function parseCalendarFile(text: string, sourceName: string): CalendarFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new DomainError(
      "calendar-invalid",
      `${sourceName}: not valid YAML (${(error as Error).message.split("\n")[0]?.trim()})`,
    );
  }
  const result = CalendarFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") || "(top level)";
    throw new DomainError("calendar-invalid", `${sourceName}: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

/** Reads the calendar file and builds the working-day calendar from it. */
export async function loadWorkingDayCalendar(
  path: string = DEFAULT_CALENDAR_PATH,
): Promise<WorkingDayCalendar> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new DomainError(
      "calendar-missing",
      `Cannot read the working-day calendar ${path}: ${(error as Error).message}`,
    );
  }
  try {
    return createWorkingDayCalendar(calendarDataFromFile(parseCalendarFile(text, path), path));
  } catch (error) {
    if (isDomainError(error) && !error.userMessage.includes(path)) {
      throw new DomainError(error.code, `${path}: ${error.userMessage}`);
    }
    throw error;
  }
}
