import { DomainError } from "../errors.ts";
import { checkNumbering } from "./check-numbering.ts";
import { extractMetadata } from "./extract-metadata.ts";
import { fallbackTitle } from "./fallback-title.ts";
import { parseMeasure } from "./parse-measure.ts";
import { findTaskTable, type PlanTable, parseTaskTable } from "./parse-task-table.ts";
import type { ParsedMeasure, ParsedPlan } from "./plan-types.ts";
import { repairPageBreaks } from "./repair-page-breaks.ts";
import { type SplitPlan, splitMeasures } from "./split-measures.ts";

const COUNTY_NOTE = /以下均需.{0,8}对应部门具体实施|均需.{0,8}对应部门具体实施/;

function shorten(text: string, length = 30): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}

/** The lines above a table's header that hold one text (its title, merged across): a sheet's title. */
function tableTitleLines(table: PlanTable, header: number): string {
  return table.rows
    .slice(0, header)
    .map((row) => [...new Set(row.map((cell) => cell.trim()).filter((cell) => cell !== ""))])
    .filter((texts) => texts.length === 1)
    .map((texts) => texts[0])
    .join("\n");
}

interface MeasuresRead {
  measures: ParsedMeasure[];
  warnings: string[];
  countyNotes: string[];
  leadRule: string | null;
}

function readBodyMeasures(split: SplitPlan, placeNames: readonly string[]): MeasuresRead {
  const read: MeasuresRead = { measures: [], warnings: [], countyNotes: [], leadRule: null };
  split.measures.forEach((raw, index) => {
    const parsed = parseMeasure(raw, index + 1, placeNames);
    read.measures.push(parsed.measure);
    read.warnings.push(...parsed.warnings);
    if (parsed.countyNote !== null) read.countyNotes.push(parsed.countyNote);
    read.leadRule ??= parsed.leadRule;
  });
  return read;
}

/**
 * Parses the text of an implementation plan (实施方案) into its metadata and measures: the numbered
 * measures of its body, or the rows of its task-division table (重点任务分工表) when `tables` holds one.
 * `sourceName` names the document in messages and is the title of last resort. Every guess or repair
 * a human should check is listed in `warnings`; a text with no measure is refused.
 */
export function parsePlanText(
  text: string,
  sourceName: string,
  tables: readonly PlanTable[] = [],
): ParsedPlan {
  const taskTable = findTaskTable(tables);
  if (text.trim() === "" && taskTable === null) throw new DomainError("plan-empty", `${sourceName} is empty`);
  const { paragraphs, repairs } = repairPageBreaks(
    text.trim() === "" && taskTable !== null ? tableTitleLines(taskTable.table, taskTable.header) : text,
  );
  const split = splitMeasures(paragraphs);
  if (split.measures.length === 0 && taskTable === null) {
    throw new DomainError(
      "plan-no-measures",
      `found no numbered measures such as "（一）…" or "1." and no task-division table (重点任务分工表) in ${sourceName}`,
    );
  }
  const metadata = extractMetadata(split.intro, split.closing);
  const introText = split.intro.map((paragraph) => paragraph.text).join("\n");
  const placeNames = metadata.city === null ? [] : [metadata.city];
  const warnings: string[] = [];
  let title = metadata.title;
  if (title === null) {
    title = fallbackTitle(metadata, introText, sourceName);
    const start = paragraphs[0]?.text.slice(0, 16) ?? "";
    warnings.push(
      `no title found (the document starts with "${start}…", its first page may be lost); using "${title}": correct plan.title by hand`,
    );
  }
  warnings.push(...metadata.warnings);
  for (const repair of repairs) {
    warnings.push(
      `line ${repair.line}: joined a break inside a sentence: "…${repair.before}⏎${repair.after}…"`,
    );
  }
  let numbering: "continuous" | "per-section" = "continuous";
  let read: MeasuresRead;
  if (taskTable !== null) {
    const fromTable = parseTaskTable(taskTable, placeNames);
    read = { ...fromTable, countyNotes: [], leadRule: null };
    warnings.push(
      `measures read from the task-division table (${taskTable.table.name}): ${fromTable.measures.length} rows`,
    );
    if (split.measures.length > 0)
      warnings.push(
        `the ${split.measures.length} numbered paragraphs of the text are not imported: the table lists the tasks`,
      );
  } else {
    const checked = checkNumbering(split.numbered);
    numbering = checked.numbering;
    warnings.push(...checked.warnings);
    for (const section of split.unnumberedSections)
      warnings.push(`section "${section}" has text but no numbered measure: not imported`);
    for (const { paragraph, after } of split.detached) {
      warnings.push(
        `line ${paragraph.line}: "${shorten(paragraph.text)}" follows the clause that ends measure ${after}: not part of any measure, not imported`,
      );
    }
    read = readBodyMeasures(split, placeNames);
  }
  warnings.push(...read.warnings);
  const countiesImplement =
    COUNTY_NOTE.test(introText) || read.countyNotes.some((note) => COUNTY_NOTE.test(note));
  if (!countiesImplement && read.countyNotes.length > 0) {
    warnings.push(
      `some measures say county counterparts implement them ("${read.countyNotes[0]}"), but not all: countiesImplement left false`,
    );
  }
  return {
    plan: {
      title,
      documentNumber: metadata.documentNumber,
      issuer: metadata.issuer,
      issuedOn: metadata.issuedOn,
      basisDocument: metadata.basisDocument,
      basisTitle: metadata.basisTitle,
      countiesImplement,
      numbering,
      leadRule: read.leadRule,
      recipients: metadata.recipients,
      copies: metadata.copies,
    },
    measures: read.measures,
    warnings,
  };
}
