import { LineCounter } from "yaml";
import {
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from "../../domain/calendar/working-day-calendar.ts";
import { DomainError, isDomainError } from "../../domain/errors.ts";
import { DEFAULT_CALENDAR_FILE } from "../../shared/project-paths.ts";
import { parseYamlText, readYamlText, yamlToData } from "../files/read-yaml-file.ts";
import { calendarDataFromFile } from "./calendar-data-from-file.ts";
import { type CalendarFile, CalendarFileSchema } from "./calendar-file-schema.ts";

/** The shipped calendar: public holidays and 调休 working days per year, maintained by operators. */
export const DEFAULT_CALENDAR_PATH = DEFAULT_CALENDAR_FILE;

/**
 * Parses and validates the calendar file's text (within YAML_LIMITS); a mistake becomes one DomainError line
 * naming the field.
 */
export function parseCalendarFile(text: string, sourceName: string): CalendarFile {
  const lineCounter = new LineCounter();
  const { document, problems } = parseYamlText(text, lineCounter);
  const [first] = problems;
  const converted = first === undefined ? yamlToData(document) : { problem: first };
  if ("problem" in converted) {
    const { offset } = converted.problem;
    const where = offset === null ? "" : `:${lineCounter.linePos(offset).line}`;
    throw new DomainError(
      "calendar-invalid",
      `${sourceName}${where}: not valid YAML (${converted.problem.message.trim()})`,
    );
  }
  const result = CalendarFileSchema.safeParse(converted.data);
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
    ({ text } = await readYamlText(path, path, "calendar"));
  } catch (error) {
    const reason = isDomainError(error) ? error.userMessage : (error as Error).message;
    throw new DomainError("calendar-missing", `Cannot read the working-day calendar ${path}: ${reason}`);
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
