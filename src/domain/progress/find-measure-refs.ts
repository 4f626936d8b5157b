import { NUMERAL_PATTERN, parseNumeral } from "../text/parse-numeral.ts";
import { maskSpans, type Span } from "./reply-parse.ts";

export interface MeasureRefMatch extends Span {
  number: number;
}

const NUMERAL = `(${NUMERAL_PATTERN})`;

/** The ways a reply names a measure, on width-folded, lower-cased text. */
const MEASURE_REF_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\(\\s*${NUMERAL}\\s*\\)`, "g"), // （五）, (5)
  new RegExp(`第\\s*${NUMERAL}\\s*(?:项|条|号)(?:措施)?`, "g"), // 第五项, 第5条
  new RegExp(`措施\\s*${NUMERAL}`, "g"), // 措施5
  /\b(?:measure|item|no\.)\s*#?\s*(\d{1,3})\b/g, // measure 5, item #5, no. 5
  /#\s*(\d{1,3})\b/g, // #5
  new RegExp(`^\\s*${NUMERAL}\\s*、`, "g"), // 五、 at the start
];

/**
 * Finds every measure the reply names, in the order of the patterns above; each match is masked before
 * the next pattern runs, so "第5项措施" counts once. Zero is not a measure number and is skipped.
 */
export function findMeasureRefs(text: string): MeasureRefMatch[] {
  const matches: MeasureRefMatch[] = [];
  let rest = text;
  for (const pattern of MEASURE_REF_PATTERNS) {
    for (const match of rest.matchAll(pattern)) {
      const number = parseNumeral(match[1] ?? "");
      if (number === null || number === 0) continue;
      matches.push({ start: match.index, end: match.index + match[0].length, number });
    }
    rest = maskSpans(rest, matches);
  }
  return matches;
}
