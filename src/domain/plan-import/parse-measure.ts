import { fragmentReason } from "./department-name-checks.ts";
import { extractIndicators } from "./extract-indicators.ts";
import { findTrailingParenthesis } from "./find-trailing-parenthesis.ts";
import { findInnerClauses, type LeadClause, parseLeadClause } from "./parse-lead-clause.ts";
import type { CooperatingDepartment, ParsedMeasure } from "./plan-types.ts";
import { readDeadline } from "./read-deadline.ts";
import type { RawMeasure } from "./split-measures.ts";
import { suggestDepartments } from "./suggest-departments.ts";

const COUNTY_NOTE = /对应部门具体实施/;

export interface MeasureParse {
  measure: ParsedMeasure;
  warnings: string[];
  countyNote: string | null;
  /** A lead rule a clause states ("列第一位者为牵头单位，下同"). */
  leadRule: string | null;
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function shorten(text: string, length = 24): string {
  return text.length <= length ? text : `…${text.slice(-length)}`;
}

/** Why a measure has no leads, naming the text the importer could not read. */
function noLeadWarning(name: string, text: string, trailing: LeadClause | null): string {
  if (trailing?.generic === true)
    return `measure ${name}: its clause names no unit ("${trailing.clause}"): assign its leads by hand`;
  const group = findTrailingParenthesis(text);
  if (group !== null)
    return `measure ${name}: could not read its clause "（${group.inner}）": assign its leads by hand`;
  return `measure ${name} has no lead clause (it ends "${shorten(text.replace(/\n/g, " "))}"): assign its leads by hand`;
}

/**
 * The leads of a measure from its clauses: the one that ends it, and those that assign parts of it
 * ("…线路。（交通运输部负责）建设…。（住房城乡建设部、自然资源部负责）"), in the order written, each unit once.
 */
function collectLeads(clauses: readonly LeadClause[]): {
  leads: string[];
  cooperating: CooperatingDepartment[];
} {
  const leads = unique(
    clauses.flatMap((clause) => clause.leadDepartments),
    (name) => name,
  );
  const cooperating = unique(
    clauses.flatMap((clause) => clause.cooperatingDepartments),
    (unit) => unit.name,
  ).filter((unit) => !leads.includes(unit.name));
  return { leads, cooperating };
}

/** The measure's text before its closing clause, inner clauses cut out: numbers in clauses are no provisions. */
function textWithoutClauses(text: string, clauses: readonly LeadClause[]): string {
  const end = clauses.at(-1)?.start ?? text.length;
  let kept = "";
  let from = 0;
  for (const clause of clauses.slice(0, -1)) {
    kept += text.slice(from, clause.start);
    from = clause.start + clause.clause.length + 2;
  }
  return kept + text.slice(from, end);
}

/** Parses one measure: title, full text, lead clauses, suggestions and numeric provisions. */
export function parseMeasure(raw: RawMeasure, number: number, placeNames: readonly string[]): MeasureParse {
  const { label } = raw;
  const text = raw.paragraphs.map(({ text: paragraph }) => paragraph).join("\n");
  const first = raw.paragraphs[0]?.text ?? "";
  const headingOnly = raw.paragraphs.length > 1 && !/[。，、；：！？]/.test(first);
  const sentenceEnd = text.indexOf("。");
  const title = headingOnly ? first : sentenceEnd >= 0 ? text.slice(0, sentenceEnd) : first;
  const name = `${label} ${title}`;
  const warnings: string[] = [];
  if (!headingOnly && sentenceEnd < 0)
    warnings.push(`measure ${label} has no "。": its title is its whole first paragraph`);

  const trailing = parseLeadClause(text, placeNames);
  const clauses = trailing === null ? [] : [...findInnerClauses(text, trailing.start, placeNames), trailing];
  const { leads, cooperating } = collectLeads(clauses);
  const needsAssignment = leads.length === 0;
  const suggestedDepartments = needsAssignment ? suggestDepartments(text) : [];
  let countyNote: string | null = null;
  for (const clause of clauses) {
    if (clause.remark === null) continue;
    if (COUNTY_NOTE.test(clause.remark)) countyNote = clause.remark;
    else
      warnings.push(`measure ${label}: the lead clause has more text than departments: "${clause.remark}"`);
  }
  for (const unit of [...leads, ...cooperating.map((cooperatingUnit) => cooperatingUnit.name)]) {
    const reason = fragmentReason(unit);
    if (reason !== null)
      warnings.push(
        `measure ${name}: "${unit}" does not look like a department name (${reason}): check its clause`,
      );
  }
  if (needsAssignment) {
    const named =
      suggestedDepartments.length > 0
        ? `; its text names ${suggestedDepartments.join("、")} (suggested)`
        : "";
    warnings.push(`${noLeadWarning(name, text, trailing)}${named}`);
  }
  const timeLimit = trailing?.timeLimit ?? null;
  const measure: ParsedMeasure = {
    number,
    label,
    section: raw.section,
    title,
    text,
    leadDepartments: leads,
    cooperatingDepartments: cooperating,
    needsAssignment,
    suggestedDepartments,
    indicators: extractIndicators(textWithoutClauses(text, clauses)),
    group: raw.group,
    note: needsAssignment && trailing?.generic === true ? trailing.clause : null,
    timeLimit,
    deadline: timeLimit === null ? null : readDeadline(timeLimit),
  };
  const leadRule = clauses.find((clause) => clause.rule !== null)?.rule ?? null;
  return { measure, warnings, countyNote, leadRule };
}
