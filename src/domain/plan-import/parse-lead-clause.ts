import { findTrailingParenthesis } from "./find-trailing-parenthesis.ts";
import type { CooperatingDepartment } from "./plan-types.ts";
import { splitDepartmentNames } from "./split-department-names.ts";

/** What a responsibility clause (责任分工) says, read from its text without brackets. */
export interface ClauseReading {
  /** First listed = primary lead. Empty when the clause names only generic wording. */
  leadDepartments: string[];
  cooperatingDepartments: CooperatingDepartment[];
  /** True when the clause names no unit, only "各有关部门和单位" and the like. */
  generic: boolean;
  /** The lead rule the clause states ("列第一位者为牵头单位，下同"), not a department. */
  rule: string | null;
  /** 完成时限 given in the clause ("完成时限：2022年6月底前"). */
  timeLimit: string | null;
  /** Text after the leads that is none of the above ("市县对应部门具体实施…"), or null. */
  remark: string | null;
}

export interface LeadClause extends ClauseReading {
  /** The clause as written, without its brackets. */
  clause: string;
  /** Where the clause (with its opening bracket) starts in the measure text. */
  start: number;
}

const DEPARTMENT_LABELS = "牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|协同单位";
const TIME_LABELS = "完成时限|完成时间|时间节点|时限要求";
const LABEL = new RegExp(`(${DEPARTMENT_LABELS}|${TIME_LABELS})\\s*[：:]`, "g");
const TIME_LABEL = new RegExp(`^(?:${TIME_LABELS})$`);
const DUTY_FORM =
  /^(?<names>.+?)(?:按照?职责分工|按职责|分别)?(?:牵头负责|负责落实|负责|牵头落实|牵头)(?<rest>(?:[。.，,；;\s].*)?)$/s;
const LEAD_ASSIST_FORM = /^(?<leads>.+?)(?:牵头|负责)[，,；;](?<assist>.+?)(?<role>配合|参与|协同|协助)$/s;
/** "列第一位者为牵头单位，下同", "排在第一位的部门为牵头部门，下同": a rule about the lists, not a unit. */
const LEAD_RULE = /^(?:列|排在?|排列)第一位(?:者|的(?:部门|单位))?为牵头(?:单位|部门)(?:[，,]\s*下同)?$/;
const SEPARATORS = /^[；;，,。.\s]+|[；;，,。.\s]+$/g;

function trimSeparators(text: string): string {
  return text.replace(SEPARATORS, "");
}

function readRest(rest: string): Pick<ClauseReading, "rule" | "remark"> {
  const text = trimSeparators(rest);
  if (text === "") return { rule: null, remark: null };
  if (LEAD_RULE.test(text)) return { rule: text, remark: null };
  return { rule: null, remark: text };
}

function readLabelled(inner: string, placeNames: readonly string[]): ClauseReading | null {
  const parts = inner.split(LABEL);
  if (parts.length < 3 || (parts[0] ?? "").trim() !== "") return null;
  const groups: { label: string; names: string[] }[] = [];
  let timeLimit: string | null = null;
  let prefix: string | undefined;
  for (let index = 1; index < parts.length; index += 2) {
    const label = parts[index] as string;
    const value = trimSeparators(parts[index + 1] ?? "");
    if (TIME_LABEL.test(label)) {
      timeLimit = value === "" ? null : value;
      continue;
    }
    const names = splitDepartmentNames(value, {
      placeNames,
      ...(prefix === undefined ? {} : { defaultPrefix: prefix }),
    });
    prefix ??= /^[市县省]/.exec(names[0] ?? "")?.[0];
    groups.push({ label, names });
  }
  const leadGroups = groups.filter((group) => group.label.startsWith("牵头"));
  const primary =
    leadGroups.length > 0 ? leadGroups : groups.filter((group) => group.label.startsWith("责任"));
  const leadDepartments = primary.flatMap((group) => group.names);
  const cooperatingDepartments = groups
    .filter((group) => !primary.includes(group))
    .flatMap((group) => group.names.map((name) => ({ name, role: group.label })));
  const generic = leadDepartments.length === 0 && primary.length > 0;
  if (leadDepartments.length === 0 && !generic && cooperatingDepartments.length === 0) return null;
  return { leadDepartments, cooperatingDepartments, generic, rule: null, timeLimit, remark: null };
}

function readDuty(inner: string, placeNames: readonly string[]): ClauseReading | null {
  const assist = LEAD_ASSIST_FORM.exec(inner)?.groups;
  if (assist !== undefined) {
    const leadDepartments = splitDepartmentNames(assist.leads ?? "", { placeNames });
    const prefix = /^[市县省]/.exec(leadDepartments[0] ?? "")?.[0];
    const cooperating = splitDepartmentNames(assist.assist ?? "", {
      placeNames,
      ...(prefix === undefined ? {} : { defaultPrefix: prefix }),
    });
    if (leadDepartments.length === 0) return null;
    return {
      leadDepartments,
      cooperatingDepartments: cooperating.map((name) => ({ name, role: assist.role ?? "配合" })),
      generic: false,
      rule: null,
      timeLimit: null,
      remark: null,
    };
  }
  const duty = DUTY_FORM.exec(inner)?.groups;
  if (duty === undefined || (duty.names ?? "").trim() === "") return null;
  const leadDepartments = splitDepartmentNames(duty.names ?? "", { placeNames });
  return {
    leadDepartments,
    cooperatingDepartments: [],
    generic: leadDepartments.length === 0,
    timeLimit: null,
    ...readRest(duty.rest ?? ""),
  };
}

/**
 * Reads a responsibility clause in the forms plans use (the text inside the brackets, or a
 * "牵头单位：…" line): "A、B、C等部门按职责分工牵头负责", "A、B等和各省级人民政府负责",
 * "A、B负责。列第一位者为牵头单位，下同", "A、B，各省级人民政府按职责分工负责", "A等有关部门和单位负责",
 * "各有关部门和单位按职责分工负责" (generic: no lead), "牵头单位：A，配合单位：B、C，各区、县级市",
 * "牵头单位：A；责任单位：B；完成时限：…", "责任单位：A、B", "A牵头，B配合". Null for any other text.
 */
export function readClause(inner: string, placeNames: readonly string[] = []): ClauseReading | null {
  const text = inner.trim();
  if (text === "") return null;
  return readLabelled(text, placeNames) ?? readDuty(text, placeNames);
}

const LABELLED_LINE = new RegExp(`^(?:${DEPARTMENT_LABELS})\\s*[：:]`);

/**
 * The responsibility clause a measure's text ends with: a bracketed group ("…发展。（市民政局、公安局等
 * 部门按职责分工牵头负责）"), either bracket width, or a last line "牵头单位：A；责任单位：B". Null when
 * the text ends with neither or the group is not a clause form the importer knows.
 */
export function parseLeadClause(text: string, placeNames: readonly string[] = []): LeadClause | null {
  const group = findTrailingParenthesis(text);
  if (group !== null) {
    const reading = readClause(group.inner, placeNames);
    return reading === null ? null : { clause: group.inner.trim(), start: group.start, ...reading };
  }
  const lastBreak = text.lastIndexOf("\n");
  const lastLine = text.slice(lastBreak + 1).trim();
  if (!LABELLED_LINE.test(lastLine)) return null;
  const reading = readLabelled(lastLine.replace(/[。.]$/, ""), placeNames);
  return reading === null ? null : { clause: lastLine, start: lastBreak + 1, ...reading };
}

/**
 * Clauses inside a measure that assign parts of it: a bracketed clause right after a sentence
 * ("…线路。（交通运输部负责）建设…"), before the one that ends the measure. In text order.
 */
export function findInnerClauses(
  text: string,
  end: number,
  placeNames: readonly string[] = [],
): LeadClause[] {
  const clauses: LeadClause[] = [];
  const pattern = /(?<=[。！？；\n]|^)[（(]([^（()）]{2,200})[）)]/g;
  for (const match of text.slice(0, end).matchAll(pattern)) {
    const reading = readClause(match[1] ?? "", placeNames);
    if (reading !== null && (reading.leadDepartments.length > 0 || reading.generic))
      clauses.push({ clause: (match[1] ?? "").trim(), start: match.index, ...reading });
  }
  return clauses;
}
