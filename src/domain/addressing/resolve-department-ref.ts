import { normalizeChatText } from "../text/normalize-chat-text.ts";

export interface DepartmentRefTarget {
  id: string;
  /** "市农业农村局" */
  name: string;
  /** Other names people use: "农业农村局", "市农业局" ... */
  aliases: readonly string[];
}

export type DepartmentRefResolution =
  | { kind: "found"; id: string }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "not_found" };

/** Shortest fragment looked up as a substring; one character matches too much to mean anything. */
const MIN_FRAGMENT = 2;

const fold = (text: string) => normalizeChatText(text).replace(/\s+/g, "");
const withoutLevel = (name: string) => name.replace(/^[市县]/, "");

/** The departments some of whose names pass `test`, in the order given, each once. */
function idsWhere(departments: readonly DepartmentRefTarget[], test: (name: string) => boolean): string[] {
  return departments.filter((d) => [d.name, ...d.aliases].some((name) => test(fold(name)))).map((d) => d.id);
}

/**
 * Resolves how a user names a department, trying in turn: its name or an alias exactly; the same without
 * the 市/县 prefix ("农业农村局" for "市农业农村局"); then a fragment of one name only ("乡村振兴"). The
 * first step that matches decides: one department is found, several are ambiguous (listed), never a guess.
 */
export function resolveDepartmentRef(
  ref: string,
  departments: readonly DepartmentRefTarget[],
): DepartmentRefResolution {
  const wanted = fold(ref);
  if (wanted.length === 0) return { kind: "not_found" };
  const bare = withoutLevel(wanted);
  const steps: ReadonlyArray<(name: string) => boolean> = [
    (name) => name === wanted,
    (name) => bare.length > 0 && withoutLevel(name) === bare,
    (name) => bare.length >= MIN_FRAGMENT && name.includes(bare),
  ];
  for (const step of steps) {
    const ids = idsWhere(departments, step);
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) return { kind: "found", id: only };
    if (ids.length > 1) return { kind: "ambiguous", candidates: ids };
  }
  return { kind: "not_found" };
}
