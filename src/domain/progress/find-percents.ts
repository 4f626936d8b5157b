import { NUMERAL_PATTERN, parseNumeral } from "../text/parse-numeral.ts";
import { maskSpans, type Span } from "./reply-parse.ts";

export interface PercentMatch extends Span {
  /** Whole percent; may be below 0 or above 100 (the caller asks about it). */
  value: number;
}

interface PercentPattern {
  pattern: RegExp;
  value(match: RegExpExecArray): number | null;
}

const TENTHS = "[一二两三四五六七八九十]";

/**
 * A minus sign written before the number ("-20%", "－20%", "−20%", "负20%", "minus 20 percent"): the share is
 * negative, which the caller asks about rather than reading "-20%" as 20%. A hyphen between two numbers
 * ("10-20%", a range) or after a letter ("COVID-19%") is no sign.
 */
const MINUS = "((?<![a-z\\d.])[-\u2212]|负|\\bminus\\s*)?";

const signed = (minus: string | undefined, value: number | null) =>
  value === null || minus === undefined ? value : -value;

function fraction(numerator: string | undefined, denominator: string | undefined): number | null {
  const top = parseNumeral(numerator ?? "");
  const bottom = parseNumeral(denominator ?? "");
  return top === null || bottom === null || bottom === 0 ? null : (top / bottom) * 100;
}

/** Ways to write a share of the work, on width-folded, lower-cased text, most specific first. */
const PERCENT_PATTERNS: readonly PercentPattern[] = [
  // 80%, 80 percent, -20%
  {
    pattern: new RegExp(`${MINUS}(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b|pct\\b)`, "g"),
    value: (m) => signed(m[1], Number(m[2])),
  },
  // 八十%, 负二十%
  {
    pattern: new RegExp(`${MINUS}([零〇一二两三四五六七八九十百]+)\\s*%`, "g"),
    value: (m) => signed(m[1], parseNumeral(m[2] ?? "")),
  },
  // 三分之二, and 百分之六十 (sixty hundredths)
  {
    pattern: new RegExp(`(${NUMERAL_PATTERN})\\s*分之\\s*(${NUMERAL_PATTERN})`, "g"),
    value: (m) => fraction(m[2], m[1]),
  },
  // 八成, 七成半
  {
    pattern: new RegExp(`(${TENTHS})成(半)?`, "g"),
    value: (m) => {
      const tenths = parseNumeral(m[1] ?? "");
      return tenths === null ? null : tenths * 10 + (m[2] === undefined ? 0 : 5);
    },
  },
  { pattern: /一半|过半|\bhalf(?:way| way)?\b/g, value: () => 50 },
];

/**
 * Rounds to a whole percent without turning a part into the whole (99.6 -> 99), some into none (0.4 -> 1) or
 * a negative share into none (-0.4 -> -1).
 */
function wholePercent(value: number): number {
  if (value >= 100 || value === 0) return Math.round(value);
  if (value < 0) return Math.min(-1, Math.round(value));
  return Math.min(99, Math.max(1, Math.round(value)));
}

/** Finds every percent the reply states; each match is masked before the next pattern runs. */
export function findPercents(text: string): PercentMatch[] {
  const matches: PercentMatch[] = [];
  let rest = text;
  for (const { pattern, value } of PERCENT_PATTERNS) {
    for (const match of rest.matchAll(pattern)) {
      const percent = value(match);
      if (percent === null || !Number.isFinite(percent)) continue;
      matches.push({ start: match.index, end: match.index + match[0].length, value: wholePercent(percent) });
    }
    rest = maskSpans(rest, matches);
  }
  return matches;
}
