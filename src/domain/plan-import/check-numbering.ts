import type { RawMeasure } from "./split-measures.ts";

/**
 * Checks the printed numbering: continuous ("（一）…（二十一）") or restarting at one in each section.
 * Gaps and repeats are reported, never fixed.
 */
export function checkNumbering(measures: readonly RawMeasure[]): {
  numbering: "continuous" | "per-section";
  warnings: string[];
} {
  const warnings: string[] = [];
  let restarts = false;
  measures.forEach((measure, index) => {
    const previous = measures[index - 1];
    if (previous === undefined) {
      if (measure.printedNumber !== 1)
        warnings.push(`line ${measure.line}: the first measure is numbered ${measure.printedNumber}, not 1`);
      return;
    }
    if (measure.printedNumber === previous.printedNumber + 1) return;
    if (measure.printedNumber === 1 && measure.section !== previous.section) {
      restarts = true;
      return;
    }
    warnings.push(
      `line ${measure.line}: measure numbered ${measure.printedNumber} follows ${previous.printedNumber}: check for a missing or repeated measure`,
    );
  });
  if (restarts) {
    warnings.push(
      "numbering restarts in each section: measures are numbered 1..N in plan order; label keeps the printed number",
    );
  }
  return { numbering: restarts ? "per-section" : "continuous", warnings };
}
