import { parseChineseNumeral } from "./chinese-numerals.ts";

/** Regular-expression source for one numeral, in Arabic digits ("21") or Chinese characters ("二十一"). */
export const NUMERAL_PATTERN = "\\d{1,3}|[零〇一二两三四五六七八九十百]{1,4}";

/** Parses an Arabic ("21") or Chinese ("二十一") numeral; null when the text is neither. */
export function parseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  return parseChineseNumeral(text);
}
