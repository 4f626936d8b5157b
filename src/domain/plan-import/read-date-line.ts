import { parseNumeral } from "../text/parse-numeral.ts";
import { formatPlanDate, isPlanDate } from "../time/plan-date.ts";
import { DATE_LINE } from "./plan-patterns.ts";

const YEAR_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

export interface DateLine {
  /** "YYYY-MM-DD". */
  date: string;
  /** True for the printing line ("2021年10月8日印发"). */
  printed: boolean;
  /** Text before the date on the same line (the printing office, as in "XX办公室 2021年10月8日印发"). */
  before: string | null;
}

/** Reads a line that is a date: "2021年10月8日", "二〇二一年十月八日", "…办公室 2021年10月8日印发". */
export function readDateLine(text: string): DateLine | null {
  const match = DATE_LINE.exec(text);
  if (match === null) return null;
  const yearText = match[2] ?? "";
  const year = Number(
    /^\d+$/.test(yearText) ? yearText : Array.from(yearText, (char) => YEAR_DIGITS[char]).join(""),
  );
  const month = parseNumeral(match[3] ?? "");
  const day = parseNumeral(match[4] ?? "");
  if (month === null || day === null) return null;
  const date = formatPlanDate(year, month, day);
  if (!isPlanDate(date)) return null;
  return { date, printed: match[5] !== undefined, before: match[1]?.trim() || null };
}
