// Lunar dates and solar terms come from tyme4ts (MIT, https://github.com/6tail/tyme4ts): a pure computation
// library (astronomical algorithms from 寿星天文历, no I/O, no state), used here the way the domain uses zod.
import { LunarDay, SolarTerm } from "tyme4ts";
import { addDays, formatPlanDate, type PlanDate } from "../time/plan-date.ts";

/** The seven public holidays of 《全国年节及纪念日放假办法》 that give all citizens days off. */
export type HolidayKey = "元旦" | "春节" | "清明节" | "劳动节" | "端午节" | "中秋节" | "国庆节";

/** How Duban names each holiday (the names the calendar file uses). */
export const HOLIDAY_NAMES: Readonly<Record<HolidayKey, string>> = {
  元旦: "元旦 New Year's Day",
  春节: "春节 Spring Festival",
  清明节: "清明 Tomb-sweeping Day",
  劳动节: "劳动节 Labour Day",
  端午节: "端午 Dragon Boat Festival",
  中秋节: "中秋 Mid-autumn Festival",
  国庆节: "国庆节 National Day",
};

/** One holiday's statutory days off in a year, in date order. */
export interface StatutoryHoliday {
  key: HolidayKey;
  days: PlanDate[];
}

/** The rules in force in a year: which days each holiday gives. */
export interface StatutoryRules {
  /** "2025 on", "2014–2024" ... */
  years: string;
  /** Where the rules come from, for messages. */
  basis: string;
  /** In 《全国年节及纪念日放假办法》's order. */
  holidays(year: number): StatutoryHoliday[];
}

/** 农历 (lunar) month and day of `lunarYear` as a plan date. */
function lunar(lunarYear: number, month: number, day: number): PlanDate {
  const solar = LunarDay.fromYmd(lunarYear, month, day).getSolarDay();
  return formatPlanDate(solar.getYear(), solar.getMonth(), solar.getDay());
}

/** 除夕: the last day of the lunar year that ends in `year` (the eve of 正月初一). */
function lunarNewYearsEve(year: number): PlanDate {
  return addDays(lunar(year, 1, 1), -1);
}

/** The day of the 清明 solar term (Beijing time, as the library computes it). */
function qingming(year: number): PlanDate {
  const day = SolarTerm.fromName(year, "清明").getSolarDay();
  return formatPlanDate(day.getYear(), day.getMonth(), day.getDay());
}

function run(from: PlanDate, count: number): PlanDate[] {
  return Array.from({ length: count }, (_, index) => addDays(from, index));
}

const fixed = (year: number, month: number, day: number, count = 1) =>
  run(formatPlanDate(year, month, day), count);

/**
 * The revisions of 《全国年节及纪念日放假办法》 that the State Council's yearly notices follow:
 * - 2025 on (国务院令第795号, 2024): 元旦 1, 春节 4 (除夕 and 初一–初三), 清明 1, 劳动节 2 (1–2 May), 端午 1,
 *   中秋 1, 国庆 3 (1–3 October);
 * - 2014–2024 (国务院令第644号, 2013): 春节 3 (初一–初三), 劳动节 1 (1 May), the rest as above;
 * - 2008–2013 (国务院令第513号, 2007): 春节 3 (除夕–初二), 劳动节 1, 清明, 端午 and 中秋 1 day each from then;
 * - before 2008 (1999 revision): 元旦 1, 春节 3 (初一–初三), 劳动节 3 (1–3 May), 国庆 3.
 */
const ERAS: ReadonlyArray<{ from: number; rules: StatutoryRules }> = [
  {
    from: 2025,
    rules: {
      years: "2025 on",
      basis: "《全国年节及纪念日放假办法》 as revised in 2024 (in force from 2025)",
      holidays: (year) => [
        { key: "元旦", days: fixed(year, 1, 1) },
        { key: "春节", days: run(lunarNewYearsEve(year), 4) },
        { key: "清明节", days: [qingming(year)] },
        { key: "劳动节", days: fixed(year, 5, 1, 2) },
        { key: "端午节", days: [lunar(year, 5, 5)] },
        { key: "中秋节", days: [lunar(year, 8, 15)] },
        { key: "国庆节", days: fixed(year, 10, 1, 3) },
      ],
    },
  },
  {
    from: 2014,
    rules: {
      years: "2014–2024",
      basis: "《全国年节及纪念日放假办法》 as revised in 2013 (in force 2014–2024)",
      holidays: (year) => [
        { key: "元旦", days: fixed(year, 1, 1) },
        { key: "春节", days: run(lunar(year, 1, 1), 3) },
        { key: "清明节", days: [qingming(year)] },
        { key: "劳动节", days: fixed(year, 5, 1) },
        { key: "端午节", days: [lunar(year, 5, 5)] },
        { key: "中秋节", days: [lunar(year, 8, 15)] },
        { key: "国庆节", days: fixed(year, 10, 1, 3) },
      ],
    },
  },
  {
    from: 2008,
    rules: {
      years: "2008–2013",
      basis: "《全国年节及纪念日放假办法》 as revised in 2007 (in force 2008–2013)",
      holidays: (year) => [
        { key: "元旦", days: fixed(year, 1, 1) },
        { key: "春节", days: run(lunarNewYearsEve(year), 3) },
        { key: "清明节", days: [qingming(year)] },
        { key: "劳动节", days: fixed(year, 5, 1) },
        { key: "端午节", days: [lunar(year, 5, 5)] },
        { key: "中秋节", days: [lunar(year, 8, 15)] },
        { key: "国庆节", days: fixed(year, 10, 1, 3) },
      ],
    },
  },
  {
    from: Number.NEGATIVE_INFINITY,
    rules: {
      years: "before 2008",
      basis: "《全国年节及纪念日放假办法》 as revised in 1999 (in force until 2007)",
      holidays: (year) => [
        { key: "元旦", days: fixed(year, 1, 1) },
        { key: "春节", days: run(lunar(year, 1, 1), 3) },
        { key: "劳动节", days: fixed(year, 5, 1, 3) },
        { key: "国庆节", days: fixed(year, 10, 1, 3) },
      ],
    },
  },
];

/** The statutory rules in force in `year`. */
export function statutoryRulesFor(year: number): StatutoryRules {
  const era = ERAS.find((candidate) => year >= candidate.from);
  if (era === undefined) throw new RangeError(`no statutory holiday rules for ${year}`);
  return era.rules;
}

/** The statutory days off of `year` (no 调休: those only the State Council's yearly notice fixes). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  return statutoryRulesFor(year).holidays(year);
}
