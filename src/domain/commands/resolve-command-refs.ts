import { resolveDepartmentRef } from "../addressing/resolve-department-ref.ts";
import { resolveMeasureRef } from "../addressing/resolve-measure-ref.ts";
import type { Localized } from "../supervision/locale.ts";
import { normalizeChatText } from "../text/normalize-chat-text.ts";
import { commandProblems } from "./command-problems.ts";
import type { CommandDirectory, CommandTarget } from "./duban-command.ts";
import { OVERDUE_WORDS } from "./subcommand-names.ts";

export type Resolved<T> = { ok: true; value: T } | { ok: false; problem: Localized };

const ok = <T>(value: T): Resolved<T> => ({ ok: true, value });
const fail = <T>(problem: Localized): Resolved<T> => ({ ok: false, problem });

/** Looks like a measure number ("99", "（九十九）", "第9项"), so a miss says "no such measure". */
const NUMBER_LIKE = /^[（(]?第?\s*[\d一二三四五六七八九十百零〇两]+/;

function measureLabels(directory: CommandDirectory, numbers: readonly number[]): string[] {
  return numbers.map((n) => directory.measures.find((m) => m.number === n)?.label ?? String(n));
}

function departmentNames(directory: CommandDirectory, ids: readonly string[]): string[] {
  return ids.map((id) => directory.departments.find((d) => d.id === id)?.name ?? id);
}

/** A measure by number or title word; an unknown or ambiguous one is a problem naming the candidates. */
export function resolveMeasure(ref: string, directory: CommandDirectory): Resolved<number> {
  const found = resolveMeasureRef(ref, directory.measures);
  if (found.kind === "found") return ok(found.number);
  if (found.kind === "ambiguous")
    return fail(commandProblems.ambiguousMeasure(ref, measureLabels(directory, found.candidates)));
  return fail(commandProblems.unknownMeasure(ref));
}

/** A department by name or alias; an unknown or ambiguous one is a problem naming the candidates. */
export function resolveDepartment(ref: string, directory: CommandDirectory): Resolved<string> {
  const found = resolveDepartmentRef(ref, directory.departments);
  if (found.kind === "found") return ok(found.id);
  if (found.kind === "ambiguous")
    return fail(commandProblems.ambiguousDepartment(ref, departmentNames(directory, found.candidates)));
  return fail(commandProblems.unknownDepartment(ref));
}

/**
 * A measure or a department (or "overdue" when allowed). A word that names both a measure and a
 * department ("财政": 加大财政投入 and 市财政局) is a problem listing them, never a guess.
 */
export function resolveTarget(
  ref: string,
  directory: CommandDirectory,
  options: { allowOverdue: boolean },
): Resolved<CommandTarget> {
  if (options.allowOverdue && OVERDUE_WORDS.has(normalizeChatText(ref).replace(/\s+/g, "")))
    return ok({ kind: "overdue" });
  const measure = resolveMeasureRef(ref, directory.measures);
  const department = resolveDepartmentRef(ref, directory.departments);
  if (measure.kind !== "not_found" && department.kind !== "not_found") {
    const numbers = measure.kind === "found" ? [measure.number] : measure.candidates;
    const ids = department.kind === "found" ? [department.id] : department.candidates;
    return fail(
      commandProblems.measureOrDepartment(
        ref,
        measureLabels(directory, numbers),
        departmentNames(directory, ids),
      ),
    );
  }
  if (measure.kind === "found") return ok({ kind: "measure", number: measure.number });
  if (department.kind === "found") return ok({ kind: "department", id: department.id });
  if (measure.kind === "ambiguous")
    return fail(commandProblems.ambiguousMeasure(ref, measureLabels(directory, measure.candidates)));
  if (department.kind === "ambiguous")
    return fail(commandProblems.ambiguousDepartment(ref, departmentNames(directory, department.candidates)));
  if (NUMBER_LIKE.test(normalizeChatText(ref).trim())) return fail(commandProblems.unknownMeasure(ref));
  return fail(commandProblems.unknownTarget(ref));
}
