import type { Locale } from "../supervision/locale.ts";
import { type PlanDate, weekdayName } from "../time/plan-date.ts";

const MONTHLY = /^(\d{4})-(\d{2})$/;
const WEEKLY = /^(\d{4})-W(\d{2})$/;
const ZH_WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

/** "2026年10月" / "October 2026" for "2026-10"; "2026年第41周" / "week 41 of 2026" for "2026-W41". */
export function cycleLabel(cycleKey: string, locale: Locale): string {
  const monthly = MONTHLY.exec(cycleKey);
  if (monthly !== null) {
    const [year, month] = [monthly[1], Number(monthly[2])];
    if (locale === "zh") return `${year}年${month}月`;
    const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en", {
      month: "long",
      timeZone: "UTC",
    });
    return `${name} ${year}`;
  }
  const weekly = WEEKLY.exec(cycleKey);
  if (weekly !== null) {
    return locale === "zh"
      ? `${weekly[1]}年第${Number(weekly[2])}周`
      : `week ${Number(weekly[2])} of ${weekly[1]}`;
  }
  return cycleKey;
}

/** "10月23日（周五）" / "Fri 2026-10-23". */
export function dayLabel(date: PlanDate, locale: Locale): string {
  if (locale === "en") return `${weekdayName(date)} ${date}`;
  const weekday = ZH_WEEKDAYS[["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(weekdayName(date))];
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（周${weekday}）`;
}
