import { readFile, rename, writeFile } from "node:fs/promises";
import { isMap, isScalar, type Node, parseDocument, Scalar, YAMLMap } from "yaml";
import { createWorkingDayCalendar } from "../../domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../domain/errors.ts";
import { calendarDataFromFile } from "./calendar-data-from-file.ts";
import type { CalendarYear } from "./calendar-file-schema.ts";
import { parseCalendarFile } from "./load-working-day-calendar.ts";

/** A quoted string, as the file writes names and dates ("2027-10-01" stays text for every YAML reader). */
function quoted(value: string): Scalar<string> {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** One line per holiday and make-up day, `{ name: "…", from: "…", to: "…" }`, like the rest of the file. */
function flowMap(entries: ReadonlyArray<[string, string]>): YAMLMap {
  const map = new YAMLMap();
  map.flow = true;
  for (const [key, value] of entries) map.set(key, quoted(value));
  return map;
}

function yearNode(entry: CalendarYear): YAMLMap {
  const node = new YAMLMap();
  node.set("notice", quoted(entry.notice));
  node.set("source", quoted(entry.source));
  node.set(
    "holidays",
    entry.holidays.map((span) =>
      flowMap([
        ["name", span.name],
        ["from", span.from],
        ...(span.to === undefined || span.to === span.from ? [] : [["to", span.to] as [string, string]]),
      ]),
    ),
  );
  node.set(
    "makeUpWorkdays",
    entry.makeUpWorkdays.map((day) =>
      flowMap([
        ["date", day.date],
        ["for", day.for],
      ]),
    ),
  );
  return node;
}

const keyText = (key: unknown) => String(isScalar(key) ? key.value : key);

/**
 * The calendar file's text with `year` set to `entry` (added in year order, or replacing the year there),
 * everything else — comments included — as it was. Refuses a file that does not load, and checks that the
 * result loads, so a bad write never reaches the disk.
 */
export function setCalendarYear(
  text: string,
  sourceName: string,
  year: number,
  entry: CalendarYear,
): { text: string; replaced: boolean } {
  parseCalendarFile(text, sourceName);
  const doc = parseDocument(text);
  let years = doc.get("years", true) as Node | undefined;
  if (!isMap(years)) {
    years = new YAMLMap();
    doc.set("years", years);
  }
  const map = years as YAMLMap;
  const replaced = map.items.some((pair) => keyText(pair.key) === String(year));
  map.items = map.items.filter((pair) => keyText(pair.key) !== String(year));
  const node = doc.createPair(quoted(String(year)), yearNode(entry));
  map.items.push(node);
  map.items.sort((a, b) => keyText(a.key).localeCompare(keyText(b.key)));
  const next = doc.toString({ lineWidth: 0 });
  createWorkingDayCalendar(calendarDataFromFile(parseCalendarFile(next, sourceName), sourceName));
  return { text: next, replaced };
}

/** setCalendarYear on the file at `path`, written whole (a temporary file renamed over it). */
export async function writeCalendarYear(
  path: string,
  year: number,
  entry: CalendarYear,
): Promise<{ replaced: boolean }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new DomainError(
      "calendar-missing",
      `Cannot read the working-day calendar ${path}: ${(error as Error).message}`,
    );
  }
  const result = setCalendarYear(text, path, year, entry);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, result.text);
  await rename(temporary, path);
  return { replaced: result.replaced };
}
