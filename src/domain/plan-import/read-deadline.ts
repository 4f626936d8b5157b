import { daysInMonth, formatPlanDate, isPlanDate } from "../time/plan-date.ts";

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
/** A date a 完成时限 names, from the most precise form down: day, month, quarter, half year, year. */
const DATE_FORMS = new RegExp(
  [
    String.raw`(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日`,
    String.raw`(?<yearM>\d{4})\s*年\s*(?<monthOnly>\d{1,2})\s*月`,
    String.raw`(?<yearQ>\d{4})\s*年\s*(?:第)?(?<quarter>[一二三四1-4])\s*季度`,
    String.raw`(?<yearH>\d{4})\s*年\s*(?<half>上|下)半年`,
    String.raw`(?<yearOnly>\d{4})\s*年(?!\s*\d)`,
  ].join("|"),
  "g",
);

function dateOf(groups: Record<string, string | undefined>): string | null {
  if (groups.year !== undefined)
    return formatPlanDate(Number(groups.year), Number(groups.month), Number(groups.day));
  if (groups.yearM !== undefined) {
    const year = Number(groups.yearM);
    const month = Number(groups.monthOnly);
    return month >= 1 && month <= 12 ? formatPlanDate(year, month, daysInMonth(year, month)) : null;
  }
  if (groups.yearQ !== undefined) {
    const month = (QUARTERS[groups.quarter ?? ""] ?? 4) * 3;
    return formatPlanDate(Number(groups.yearQ), month, daysInMonth(Number(groups.yearQ), month));
  }
  if (groups.yearH !== undefined)
    return groups.half === "上" ? `${groups.yearH}-06-30` : `${groups.yearH}-12-31`;
  if (groups.yearOnly !== undefined) return `${groups.yearOnly}-12-31`;
  return null;
}

/**
 * The deadline a 完成时限 names: "2022年6月底前" -> "2022-06-30", "2022年6月15日前" -> "2022-06-15",
 * "2022年三季度" -> "2022-09-30", "2022年上半年" -> "2022-06-30", "2022年底前" -> "2022-12-31". When
 * it names several dates ("2022年6月底前启动，2023年底前完成") the latest is the deadline. Null for
 * time limits that are not a date: "长期坚持", "每季度", "持续推进".
 */
export function readDeadline(timeLimit: string): string | null {
  let latest: string | null = null;
  for (const match of timeLimit.matchAll(DATE_FORMS)) {
    const date = dateOf(match.groups ?? {});
    if (date !== null && isPlanDate(date) && (latest === null || date > latest)) latest = date;
  }
  return latest;
}
