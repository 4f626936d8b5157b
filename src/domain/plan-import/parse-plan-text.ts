import { DomainError } from "../errors.ts";
import { checkNumbering } from "./check-numbering.ts";
import { extractMetadata } from "./extract-metadata.ts";
import { fallbackTitle } from "./fallback-title.ts";
import { parseMeasure } from "./parse-measure.ts";
import type { ParsedMeasure, ParsedPlan } from "./plan-types.ts";
import { repairPageBreaks } from "./repair-page-breaks.ts";
import { splitMeasures } from "./split-measures.ts";

const COUNTY_NOTE = /以下均需.{0,8}对应部门具体实施|均需.{0,8}对应部门具体实施/;

/**
 * Parses the text of an implementation plan (实施方案) into its metadata and numbered measures.
 * `sourceName` names the document in messages and is the title of last resort. Every guess or repair
 * a human should check is listed in `warnings`; a text with no numbered measure is refused.
 */
export function parsePlanText(text: string, sourceName: string): ParsedPlan {
  if (text.trim() === "") throw new DomainError("plan-empty", `${sourceName} is empty`);
  const { paragraphs, repairs } = repairPageBreaks(text);
  const split = splitMeasures(paragraphs);
  if (split.measures.length === 0) {
    throw new DomainError(
      "plan-no-measures",
      `found no numbered measures such as "（一）…" in ${sourceName}`,
    );
  }
  const metadata = extractMetadata(split.intro, split.closing);
  const introText = split.intro.map((paragraph) => paragraph.text).join("\n");
  const placeNames = metadata.city === null ? [] : [metadata.city];
  const numbering = checkNumbering(split.measures);
  const warnings: string[] = [];
  let title = metadata.title;
  if (title === null) {
    title = fallbackTitle(metadata, introText, sourceName);
    const start = paragraphs[0]?.text.slice(0, 16) ?? "";
    warnings.push(
      `no title found (the document starts with "${start}…", its first page may be lost); using "${title}": correct plan.title by hand`,
    );
  }
  warnings.push(...metadata.warnings, ...numbering.warnings);
  for (const repair of repairs) {
    warnings.push(
      `line ${repair.line}: joined a break inside a sentence: "…${repair.before}⏎${repair.after}…"`,
    );
  }
  for (const section of split.unnumberedSections)
    warnings.push(`section "${section}" has text but no numbered measure: not imported`);

  const measures: ParsedMeasure[] = [];
  const countyNotes: string[] = [];
  split.measures.forEach((raw, index) => {
    const parsed = parseMeasure(raw, index + 1, placeNames);
    measures.push(parsed.measure);
    warnings.push(...parsed.warnings);
    if (parsed.countyNote !== null) countyNotes.push(parsed.countyNote);
  });
  const countiesImplement = COUNTY_NOTE.test(introText) || countyNotes.some((note) => COUNTY_NOTE.test(note));
  if (!countiesImplement && countyNotes.length > 0) {
    warnings.push(
      `some measures say county counterparts implement them ("${countyNotes[0]}"), but not all: countiesImplement left false`,
    );
  }
  return {
    plan: {
      title,
      issuer: metadata.issuer,
      issuedOn: metadata.issuedOn,
      basisDocument: metadata.basisDocument,
      basisTitle: metadata.basisTitle,
      countiesImplement,
      numbering: numbering.numbering,
      recipients: metadata.recipients,
      copies: metadata.copies,
    },
    measures,
    warnings,
  };
}
