import type { NumberedEntry } from "./split-measures.ts";

function describe(entry: NumberedEntry): string {
  return entry.kind === "measure" ? `（${entry.printedNumber}）` : `${entry.printedNumber}.`;
}

/**
 * Checks the printed numbering of each series ("（一）…" labels, "1." items): continuous through the
 * plan or restarting at one in each section (items: in each section or group heading). Gaps and
 * repeats are reported, never fixed. The plan's numbering is "per-section" when a measure restarts.
 */
export function checkNumbering(entries: readonly NumberedEntry[]): {
  numbering: "continuous" | "per-section";
  warnings: string[];
} {
  const warnings: string[] = [];
  let restarts = false;
  for (const kind of ["measure", "item"] as const) {
    const series = entries.filter((entry) => entry.kind === kind);
    series.forEach((entry, index) => {
      const previous = series[index - 1];
      if (previous === undefined) {
        if (entry.printedNumber !== 1)
          warnings.push(`line ${entry.line}: the first ${kind} is numbered ${describe(entry)}, not 1`);
        return;
      }
      if (entry.printedNumber === previous.printedNumber + 1) return;
      if (entry.printedNumber === 1 && entry.scope !== previous.scope) {
        if (entry.isMeasure) restarts = true;
        return;
      }
      warnings.push(
        `line ${entry.line}: ${describe(entry)} follows ${describe(previous)}: check for a missing or repeated measure`,
      );
    });
  }
  if (restarts) {
    warnings.push(
      "numbering restarts in each section: measures are numbered 1..N in plan order; label keeps the printed number",
    );
  }
  return { numbering: restarts ? "per-section" : "continuous", warnings };
}
