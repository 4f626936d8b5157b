import { findTrailingParenthesis } from "./find-trailing-parenthesis.ts";
import type { CooperatingDepartment } from "./plan-types.ts";
import { splitDepartmentNames } from "./split-department-names.ts";

export interface LeadClause {
  /** The clause as written, without its brackets. */
  clause: string;
  /** Where the clause (with its opening bracket) starts in the measure text. */
  start: number;
  leadDepartments: string[];
  cooperatingDepartments: CooperatingDepartment[];
  /** Text after the leads that is not a department list ("市县对应部门具体实施…"), or null. */
  remark: string | null;
}

const LABEL = /(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|协同单位)\s*[：:]/g;
const DUTY_FORM =
  /^(?<names>.+?)(?:等部门等|等有关部门|等相关部门|等部门|等单位|等)?(?:按照?职责分工|按职责)?(?:牵头负责|负责落实|负责)(?<rest>.*)$/s;
const LEAD_ASSIST_FORM = /^(?<leads>.+?)牵头[，,；;](?<assist>.+?)(?<role>配合|参与|协同)$/;
const SEPARATORS = /^[；;，,。.\s]+|[；;，,。.\s]+$/g;

function parseLabelled(
  inner: string,
  placeNames: readonly string[],
): Omit<LeadClause, "clause" | "start"> | null {
  const parts = inner.split(LABEL);
  if (parts.length < 3 || (parts[0] ?? "").trim() !== "") return null;
  const groups: { label: string; names: string[] }[] = [];
  let prefix: string | undefined;
  for (let index = 1; index < parts.length; index += 2) {
    const names = splitDepartmentNames((parts[index + 1] ?? "").replace(SEPARATORS, ""), {
      placeNames,
      ...(prefix === undefined ? {} : { defaultPrefix: prefix }),
    });
    prefix ??= /^[市县省]/.exec(names[0] ?? "")?.[0];
    groups.push({ label: parts[index] as string, names });
  }
  const leadGroups = groups.filter((group) => group.label.startsWith("牵头"));
  const primary =
    leadGroups.length > 0 ? leadGroups : groups.filter((group) => group.label.startsWith("责任"));
  const leadDepartments = primary.flatMap((group) => group.names);
  const cooperatingDepartments = groups
    .filter((group) => !primary.includes(group))
    .flatMap((group) => group.names.map((name) => ({ name, role: group.label })));
  return { leadDepartments, cooperatingDepartments, remark: null };
}

function parseDutyForm(
  inner: string,
  placeNames: readonly string[],
): Omit<LeadClause, "clause" | "start"> | null {
  const assist = LEAD_ASSIST_FORM.exec(inner);
  if (assist?.groups !== undefined) {
    const leadDepartments = splitDepartmentNames(assist.groups.leads ?? "", { placeNames });
    const prefix = /^[市县省]/.exec(leadDepartments[0] ?? "")?.[0];
    const cooperating = splitDepartmentNames(assist.groups.assist ?? "", {
      placeNames,
      ...(prefix === undefined ? {} : { defaultPrefix: prefix }),
    });
    return {
      leadDepartments,
      cooperatingDepartments: cooperating.map((name) => ({ name, role: assist.groups?.role ?? "配合" })),
      remark: null,
    };
  }
  const duty = DUTY_FORM.exec(inner);
  if (duty?.groups === undefined) return null;
  const leadDepartments = splitDepartmentNames(duty.groups.names ?? "", { placeNames });
  const remark = (duty.groups.rest ?? "").replace(SEPARATORS, "");
  return { leadDepartments, cooperatingDepartments: [], remark: remark === "" ? null : remark };
}

/**
 * Reads the lead clause a measure ends with, in the forms plans use: "（A、B、C等部门按职责分工牵头负责）",
 * "（牵头单位：A；责任单位：B、C）", "（责任单位：A、B）", "（A牵头，B配合）". First listed = primary lead.
 * Null when the measure ends with no such clause.
 */
export function parseLeadClause(text: string, placeNames: readonly string[] = []): LeadClause | null {
  const group = findTrailingParenthesis(text);
  if (group === null) return null;
  const inner = group.inner.trim();
  const parsed = parseLabelled(inner, placeNames) ?? parseDutyForm(inner, placeNames);
  if (parsed === null || parsed.leadDepartments.length === 0) return null;
  return { clause: inner, start: group.start, ...parsed };
}
