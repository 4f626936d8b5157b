import { normalizeChatText } from "../text/normalize-chat-text.ts";
import { NUMERAL_PATTERN, parseNumeral } from "../text/parse-numeral.ts";

export interface MeasureRefTarget {
  number: number;
  /** "（五）" */
  label: string;
  /** "拓宽就地就近就业渠道" */
  title: string;
}

export type MeasureRefResolution =
  | { kind: "found"; number: number }
  | { kind: "ambiguous"; candidates: number[] }
  | { kind: "not_found" };

const NUMERAL = `(${NUMERAL_PATTERN})`;

/** Ways to write a measure's number, on width-folded, lower-cased text without spaces. */
const NUMBER_FORMS: readonly RegExp[] = [
  new RegExp(`^${NUMERAL}[、.]?$`), // 5, 五, 五、
  new RegExp(`^\\(${NUMERAL}\\)$`), // （五）, (五)
  new RegExp(`^第${NUMERAL}(?:项|条|号)?(?:措施)?$`), // 第五项, 第5条
  new RegExp(`^(?:措施|measure|item|no\\.?|#)${NUMERAL}$`), // 措施5, measure 5, #5
];

/** Words around a title word that do not help find it: "关于财政投入那项" -> "财政投入". */
const FILLER = /^(?:关于)|(?:的?(?:那|这)一?[项条个]|措施|那项|这项)$/g;

/** Shortest title word looked up; a single character matches too much to mean anything. */
const MIN_TITLE_WORD = 2;

/**
 * Resolves how a user names a measure: by number ("5", "五", "（五）", "(五)", "第五项", "第5条",
 * "measure 5") or by a word of its title ("财政投入", "金融支持"). A number must be one of the measures; a
 * title word found in several titles ("社区") is ambiguous and lists them, never a guess.
 */
export function resolveMeasureRef(ref: string, measures: readonly MeasureRefTarget[]): MeasureRefResolution {
  const folded = normalizeChatText(ref).replace(/\s+/g, "");
  if (folded.length === 0) return { kind: "not_found" };

  for (const form of NUMBER_FORMS) {
    const match = form.exec(folded);
    if (match === null) continue;
    const number = parseNumeral(match[1] ?? "");
    const exists = number !== null && measures.some((measure) => measure.number === number);
    return exists ? { kind: "found", number } : { kind: "not_found" };
  }

  const word = folded.replace(FILLER, "");
  if (word.length < MIN_TITLE_WORD) return { kind: "not_found" };
  const candidates = measures
    .filter((measure) => normalizeChatText(measure.title).replace(/\s+/g, "").includes(word))
    .map((measure) => measure.number)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return { kind: "not_found" };
  const [only] = candidates;
  return candidates.length === 1 && only !== undefined
    ? { kind: "found", number: only }
    : { kind: "ambiguous", candidates };
}
