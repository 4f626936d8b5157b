import { resolveDepartmentRef } from "../addressing/resolve-department-ref.ts";
import { normalizeChatText } from "../text/normalize-chat-text.ts";
import { commandProblems } from "./command-problems.ts";
import type { CommandDirectory, TaskRef } from "./duban-command.ts";
import { type Resolved, resolveDepartment, resolveMeasure } from "./resolve-command-refs.ts";

/** A label glued to what follows: "（五）市农业农村局" -> "（五）", "市农业农村局". */
const GLUED_LABEL = /^([（(][^）)]+[）)])(.+)$/;
/** Words that start a two-word measure reference: "measure 5", "措施 5", "# 5". */
const MEASURE_PREFIX = new Set(["measure", "item", "no.", "#", "措施"]);

function splitGluedLabel(tokens: readonly string[]): string[] {
  const [first, ...rest] = tokens;
  const match = first === undefined ? null : GLUED_LABEL.exec(first);
  return match === null ? [...tokens] : [match[1] as string, match[2] as string, ...rest];
}

/**
 * "<measure> [部门] [...rest]": the measure (required), then the department when the next word names
 * one; whatever follows is returned as `rest` (a return's reason). A word that names several
 * departments is a problem; one that names none is left in `rest`.
 */
export function parseTaskRef(
  words: readonly string[],
  directory: CommandDirectory,
): Resolved<{ task: TaskRef; rest: string[] }> {
  let tokens = splitGluedLabel(words);
  const [first, second] = tokens;
  if (first === undefined) return { ok: false, problem: commandProblems.missingArgument("<措施> [部门]") };
  if (second !== undefined && MEASURE_PREFIX.has(normalizeChatText(first)))
    tokens = [`${first}${second}`, ...tokens.slice(2)];
  const measure = resolveMeasure(tokens[0] as string, directory);
  if (!measure.ok) return measure;
  let rest = tokens.slice(1);
  let departmentId: string | null = null;
  const next = rest[0];
  if (next !== undefined && resolveDepartmentRef(next, directory.departments).kind !== "not_found") {
    const department = resolveDepartment(next, directory);
    if (!department.ok) return department;
    departmentId = department.value;
    rest = rest.slice(1);
  }
  return { ok: true, value: { task: { measureNumber: measure.value, departmentId }, rest } };
}
