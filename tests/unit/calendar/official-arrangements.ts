import {
  createWorkingDayCalendar,
  type NamedDay,
  type WorkingDayCalendar,
} from "../../../src/domain/calendar/working-day-calendar.ts";
import { addDays } from "../../../src/domain/time/plan-date.ts";

type Span = [from: string, to: string, name: string];
type MakeUp = [date: string, name: string];

/**
 * Transcribed by hand from the State Council notices, independently of the shipped file and of the
 * chinese-days package, so the tests check both.
 * 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
 * 2026: 国务院办公厅关于2026年部分节假日安排的通知（gov.cn content_7047091）
 */
const OFFICIAL: Record<number, { holidays: Span[]; makeUpWorkdays: MakeUp[] }> = {
  2025: {
    holidays: [
      ["2025-01-01", "2025-01-01", "元旦"],
      ["2025-01-28", "2025-02-04", "春节"],
      ["2025-04-04", "2025-04-06", "清明节"],
      ["2025-05-01", "2025-05-05", "劳动节"],
      ["2025-05-31", "2025-06-02", "端午节"],
      ["2025-10-01", "2025-10-08", "国庆节、中秋节"],
    ],
    makeUpWorkdays: [
      ["2025-01-26", "春节"],
      ["2025-02-08", "春节"],
      ["2025-04-27", "劳动节"],
      ["2025-09-28", "国庆节"],
      ["2025-10-11", "国庆节"],
    ],
  },
  2026: {
    holidays: [
      ["2026-01-01", "2026-01-03", "元旦"], // 1月1日（周四）至3日（周六）
      ["2026-02-15", "2026-02-23", "春节"], // 2月15日（周日）至23日（周一）
      ["2026-04-04", "2026-04-06", "清明节"],
      ["2026-05-01", "2026-05-05", "劳动节"],
      ["2026-06-19", "2026-06-21", "端午节"],
      ["2026-09-25", "2026-09-27", "中秋节"],
      ["2026-10-01", "2026-10-07", "国庆节"], // 10月1日（周四）至7日（周三）
    ],
    makeUpWorkdays: [
      ["2026-01-04", "元旦"], // 周日
      ["2026-02-14", "春节"], // 周六
      ["2026-02-28", "春节"], // 周六
      ["2026-05-09", "劳动节"], // 周六
      ["2026-09-20", "国庆节"], // 周日
      ["2026-10-10", "国庆节"], // 周六
    ],
  },
};

export const OFFICIAL_YEARS = [2025, 2026];

export function officialDays(year: number): { holidays: NamedDay[]; makeUpWorkdays: NamedDay[] } {
  const arrangement = OFFICIAL[year];
  if (arrangement === undefined) throw new Error(`no official arrangement for ${year} in the fixture`);
  const holidays: NamedDay[] = [];
  for (const [from, to, name] of arrangement.holidays) {
    for (let date = from; date <= to; date = addDays(date, 1)) holidays.push({ date, name });
  }
  return { holidays, makeUpWorkdays: arrangement.makeUpWorkdays.map(([date, name]) => ({ date, name })) };
}

/** The official 2025 and 2026 calendar, built without the file loader. */
export function officialCalendar(): WorkingDayCalendar {
  return createWorkingDayCalendar({
    notices: OFFICIAL_YEARS.map((year) => ({ year, ...officialDays(year) })),
  });
}
