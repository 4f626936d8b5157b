import { formatChineseNumeral } from "../text/chinese-numerals.ts";
import { extractIndicators } from "./extract-indicators.ts";
import { looksLikeDepartmentName } from "./looks-like-department-name.ts";
import { parseLeadClause } from "./parse-lead-clause.ts";
import { isMeasureHeadingOnly } from "./plan-patterns.ts";
import type { ParsedMeasure } from "./plan-types.ts";
import type { RawMeasure } from "./split-measures.ts";
import { suggestDepartments } from "./suggest-departments.ts";

const COUNTY_NOTE = /对应部门具体实施/;

/** Parses one numbered measure: title, full text, lead clause, suggestions and numeric provisions. */
export function parseMeasure(
  raw: RawMeasure,
  number: number,
  placeNames: readonly string[],
): { measure: ParsedMeasure; warnings: string[]; countyNote: string | null } {
  const printed =
    raw.printedNumber <= 99 ? formatChineseNumeral(raw.printedNumber) : String(raw.printedNumber);
  const label = `（${printed}）`;
  const text = raw.paragraphs.map(({ text: paragraph }) => paragraph).join("\n");
  const first = raw.paragraphs[0]?.text ?? "";
  const headingOnly = raw.paragraphs.length > 1 && isMeasureHeadingOnly(`${label}${first}`);
  const sentenceEnd = text.indexOf("。");
  const title = headingOnly ? first : sentenceEnd >= 0 ? text.slice(0, sentenceEnd) : first;
  const warnings: string[] = [];
  if (!headingOnly && sentenceEnd < 0)
    warnings.push(`measure ${label} has no "。": its title is its whole first paragraph`);

  const clause = parseLeadClause(text, placeNames);
  const leadDepartments = clause?.leadDepartments ?? [];
  const needsAssignment = leadDepartments.length === 0;
  const suggestedDepartments = needsAssignment ? suggestDepartments(text) : [];
  let countyNote: string | null = null;
  if (clause?.remark != null) {
    if (COUNTY_NOTE.test(clause.remark)) countyNote = clause.remark;
    else
      warnings.push(`measure ${label}: the lead clause has more text than departments: "${clause.remark}"`);
  }
  for (const name of [
    ...leadDepartments,
    ...(clause?.cooperatingDepartments ?? []).map((unit) => unit.name),
  ]) {
    if (!looksLikeDepartmentName(name))
      warnings.push(`measure ${label}: "${name}" does not look like a department name`);
  }
  if (needsAssignment) {
    const named =
      suggestedDepartments.length > 0
        ? `; its text names ${suggestedDepartments.join("、")} (suggested)`
        : "";
    warnings.push(`measure ${label} ${title} has no lead clause: assign its leads by hand${named}`);
  }
  const measure: ParsedMeasure = {
    number,
    label,
    section: raw.section,
    title,
    text,
    leadDepartments,
    cooperatingDepartments: clause?.cooperatingDepartments ?? [],
    needsAssignment,
    suggestedDepartments,
    indicators: extractIndicators(clause === null ? text : text.slice(0, clause.start)),
  };
  return { measure, warnings, countyNote };
}
