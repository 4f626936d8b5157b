import { addDays, formatPlanDate, type PlanDate } from "../time/plan-date.ts";

/** What an assessment covers (考核周期): a month, a quarter or a year of the plan's calendar. */
export interface AssessmentPeriod {
  kind: "month" | "quarter" | "year";
  /** "2026-11", "2026-Q4", "2026". */
  key: string;
  /** First and last day, inclusive. */
  from: PlanDate;
  to: PlanDate;
  /** "2026年11月", "2026年第四季度", "2026年度". */
  labelZh: string;
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

function monthPeriod(year: number, month: number): AssessmentPeriod {
  const from = formatPlanDate(year, month, 1);
  const to = addDays(month === 12 ? formatPlanDate(year + 1, 1, 1) : formatPlanDate(year, month + 1, 1), -1);
  return { kind: "month", key: from.slice(0, 7), from, to, labelZh: `${year}年${month}月` };
}

function quarterPeriod(year: number, quarter: number): AssessmentPeriod {
  const first = monthPeriod(year, quarter * 3 - 2);
  const last = monthPeriod(year, quarter * 3);
  const labelZh = `${year}年第${QUARTER_NAMES[quarter - 1]}季度`;
  return { kind: "quarter", key: `${year}-Q${quarter}`, from: first.from, to: last.to, labelZh };
}

function yearPeriod(year: number): AssessmentPeriod {
  return {
    kind: "year",
    key: String(year),
    from: formatPlanDate(year, 1, 1),
    to: formatPlanDate(year, 12, 31),
    labelZh: `${year}年度`,
  };
}

const CHINESE_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Reads a period: "2026-11" (month), "2026-Q4" (quarter), "2026" (year); also "2026年11月",
 * "2026年第四季度" / "2026年4季度", "2026年" / "2026年度". Null when it is none of these.
 */
export function parseAssessmentPeriod(text: string): AssessmentPeriod | null {
  const value = text.trim().replace(/\s+/g, "");
  let match = /^(\d{4})-(\d{1,2})$/.exec(value) ?? /^(\d{4})年(\d{1,2})月$/.exec(value);
  if (match !== null) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? monthPeriod(Number(match[1]), month) : null;
  }
  match = /^(\d{4})-?[Qq]([1-4])$/.exec(value) ?? /^(\d{4})年第?([1-4一二三四])季度?$/.exec(value);
  if (match !== null) {
    const quarter = CHINESE_QUARTER[match[2] as string] ?? Number(match[2]);
    return quarterPeriod(Number(match[1]), quarter);
  }
  match = /^(\d{4})(?:年度?)?$/.exec(value);
  return match === null ? null : yearPeriod(Number(match[1]));
}

/** The period of `kind` that contains `date`. */
export function periodContaining(date: PlanDate, kind: AssessmentPeriod["kind"]): AssessmentPeriod {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (kind === "month") return monthPeriod(year, month);
  if (kind === "quarter") return quarterPeriod(year, Math.ceil(month / 3));
  return yearPeriod(year);
}
