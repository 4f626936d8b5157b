import { DomainError } from "../errors.ts";
import {
  addDays,
  dayNumber,
  formatPlanDate,
  isoWeekday,
  isPlanDate,
  type PlanDate,
  weekdayName,
} from "../time/plan-date.ts";
import { HOLIDAY_NAMES, type HolidayKey, statutoryRulesFor } from "./statutory-holidays.ts";
import type { HolidaySpan } from "./working-day-calendar.ts";

/**
 * The year a State Council notice (国务院办公厅关于<year>年部分节假日安排的通知) arranges, as the calendar file
 * holds it: days off as spans, 调休 make-up working days with the holiday they are worked for.
 */
export interface NoticeYear {
  year: number;
  /** "国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）". */
  notice: string;
  holidays: HolidaySpan[];
  makeUpWorkdays: Array<{ date: PlanDate; for: string }>;
}

/** One numbered item of the notice, read: "二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）…上班。" */
interface NoticeItem {
  /** "二、春节", for messages. */
  label: string;
  keys: HolidayKey[];
  daysOff: PlanDate[];
  makeUpWorkdays: PlanDate[];
  /** "共N天" / "放假N天", when stated. */
  statedDays: number | null;
  problems: string[];
}

const KEYS: ReadonlyArray<[RegExp, HolidayKey]> = [
  [/^元旦$/, "元旦"],
  [/^春节$/, "春节"],
  [/^清明节?$/, "清明节"],
  [/^劳动节$|^五一$/, "劳动节"],
  [/^端午节?$/, "端午节"],
  [/^中秋节?$/, "中秋节"],
  [/^国庆节?$/, "国庆节"],
];

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEKDAY_WORDS = ["", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

/** "12月30日（星期日）", "2019年1月1日", "3日（周六）": a date, what it leaves out taken from the one before. */
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;
const ITEM = /(?:^|[\n。\s])([一二三四五六七八九十]{1,3})、\s*([^:\n。]{1,24}?)\s*:/g;

function keyOf(name: string): HolidayKey | null {
  return KEYS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/** Splits on commas outside parentheses ("1月28日(农历除夕，周二)至…" stays whole). */
function clauses(sentence: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of sentence) {
    if (char === "(") depth += 1;
    if (char === ")") depth = Math.max(0, depth - 1);
    if ((char === "," || char === ";") && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** Reads one item's body; dates without a year are in `year` unless an earlier date of the item said another. */
function readItem(label: string, keys: HolidayKey[], body: string, year: number): NoticeItem {
  const item: NoticeItem = { label, keys, daysOff: [], makeUpWorkdays: [], statedDays: null, problems: [] };
  const context = { year, month: 0 };
  const datesIn = (clause: string): PlanDate[] => {
    const found: PlanDate[] = [];
    for (const match of clause.matchAll(DATE)) {
      if (match[1] !== undefined) context.year = Number(match[1]);
      if (match[2] !== undefined) context.month = Number(match[2]);
      const written = match[0].replace(/\(.*$/, "");
      if (context.month === 0) {
        item.problems.push(`${label}: "${written}" has no month`);
        continue;
      }
      const date = formatPlanDate(context.year, context.month, Number(match[3]));
      if (!isPlanDate(date)) {
        item.problems.push(`${label}: "${written}" is not a date`);
        continue;
      }
      const weekday = /(?:星期|周)([一二三四五六日天])/.exec(match[4] ?? "")?.[1];
      const stated = weekday === undefined ? undefined : WEEKDAYS[weekday];
      if (stated !== undefined && stated !== isoWeekday(date)) {
        item.problems.push(
          `${label}: ${written} (${date}) is a ${WEEKDAY_WORDS[isoWeekday(date)]}, not ${WEEKDAY_WORDS[stated]} as written`,
        );
      }
      found.push(date);
    }
    return found;
  };
  for (const sentence of body.split("。")) {
    for (const clause of clauses(sentence)) {
      const count = /(?:共|放假)(\d+)天/.exec(clause);
      if (count !== null) item.statedDays = Number(count[1]);
      if (clause.includes("放假")) {
        const dates = datesIn(clause.slice(0, clause.indexOf("放假")));
        const [from, to, ...extra] = dates;
        if (from === undefined || extra.length > 0) {
          item.problems.push(`${label}: cannot read the days off in "${clause}"`);
          continue;
        }
        const last = to ?? from;
        if (dayNumber(last) < dayNumber(from) || dayNumber(last) - dayNumber(from) > 31) {
          item.problems.push(`${label}: "${clause}" is not a span of days`);
          continue;
        }
        for (let day = from; day <= last; day = addDays(day, 1)) item.daysOff.push(day);
      } else if (clause.includes("补休")) {
        item.daysOff.push(...datesIn(clause));
      } else if (/上班$/.test(clause)) {
        item.makeUpWorkdays.push(...datesIn(clause));
      }
    }
  }
  return item;
}

/** The checks the issue's rules ask for; each problem names the item. */
function checkItem(item: NoticeItem, year: number): void {
  const { label } = item;
  if (item.daysOff.length === 0) item.problems.push(`${label}: no days off (放假) found`);
  const off = new Set(item.daysOff);
  if (off.size !== item.daysOff.length) item.problems.push(`${label}: a day off is listed twice`);
  for (const date of item.makeUpWorkdays) {
    if (isoWeekday(date) < 6)
      item.problems.push(
        `${label}: make-up working day ${date} is a ${weekdayName(date)}, not a Saturday or Sunday`,
      );
    if (off.has(date)) item.problems.push(`${label}: ${date} is both a day off and a make-up working day`);
  }
  if (item.statedDays !== null && off.size > 0 && item.statedDays !== off.size) {
    const sorted = [...off].sort();
    item.problems.push(
      `${label}: says 共${item.statedDays}天 but ${sorted[0]}..${sorted.at(-1)} is ${off.size} day(s)`,
    );
  }
  const rules = statutoryRulesFor(year);
  for (const key of item.keys) {
    const statutory = rules.holidays(year).find((holiday) => holiday.key === key);
    const missing = (statutory?.days ?? []).filter((day) => !off.has(day));
    if (statutory === undefined) {
      item.problems.push(`${label}: ${key} is no public holiday under the rules for ${rules.years}`);
    } else if (missing.length > 0 && off.size > 0) {
      item.problems.push(
        `${label}: the days off leave out ${missing.join(", ")}, statutory for ${key} under the rules for ${rules.years}`,
      );
    }
  }
}

/** What no single item shows: a day named by two items, and days outside the notice's year. */
function acrossItems(items: readonly NoticeItem[], year: number): string[] {
  const problems: string[] = [];
  const seen = new Map<PlanDate, string>();
  for (const item of items) {
    for (const date of new Set([...item.daysOff, ...item.makeUpWorkdays])) {
      const other = seen.get(date);
      if (other !== undefined && other !== item.label)
        problems.push(`${item.label}: ${date} is also in ${other}`);
      seen.set(date, item.label);
      // the December before is allowed for a span across New Year ("2018年12月30日至2019年1月1日")
      if (date < `${year - 1}-12-01` || date > `${year}-12-31`)
        problems.push(`${item.label}: ${date} is outside ${year}`);
    }
  }
  return problems;
}

function spansOf(days: readonly PlanDate[], name: string): HolidaySpan[] {
  const spans: HolidaySpan[] = [];
  for (const date of [...new Set(days)].sort()) {
    const last = spans.at(-1);
    if (last !== undefined && addDays(last.to, 1) === date) last.to = date;
    else spans.push({ name, from: date, to: date });
  }
  return spans;
}

function notANotice(name: string, why: string): DomainError {
  return new DomainError(
    "notice-unrecognized",
    `${name} is not a State Council holiday notice (国务院办公厅关于<year>年部分节假日安排的通知): ${why}`,
  );
}

/**
 * Reads and checks the text of a 国务院办公厅关于<year>年部分节假日安排的通知: its numbered items
 * ("一、元旦：…放假调休，共3天。…上班。"), spans across New Year included. Checks that every make-up working day
 * is a Saturday or Sunday (and any weekday written beside a date is right), that each item's days off contain
 * its statutory days under the rules in force that year, that "共N天" counts them, and that every public
 * holiday has its item. A text that is not such a notice, or any failed check, is one DomainError naming
 * `name` and the items.
 */
export function readHolidayNotice(text: string, name: string): NoticeYear {
  const normalized = text.normalize("NFKC").replace(/\r\n?/g, "\n");
  const title = /关于\s*(\d{4})\s*年\s*部分节假日安排的通知/.exec(normalized);
  const intro = /现将\s*(\d{4})\s*年\s*元旦/.exec(normalized);
  const yearText = title?.[1] ?? intro?.[1];
  if (yearText === undefined) throw notANotice(name, "it names no year's arrangement");
  const year = Number(yearText);
  const matches = [...normalized.matchAll(ITEM)];
  const items: NoticeItem[] = [];
  const problems: string[] = [];
  matches.forEach((match, index) => {
    const names = (match[2] ?? "").split(/[、,和]/).map((part) => part.trim());
    const keys = names.map(keyOf);
    if (keys.some((key) => key === null)) return; // a numbered paragraph that is not a holiday item
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[index + 1]?.index ?? normalized.length;
    const body = normalized
      .slice(start, end)
      .split(/节假日期间/)[0]
      ?.replace(/\s+/g, "");
    const label = `${match[1]}、${names.join("、")}`;
    items.push(readItem(label, keys as HolidayKey[], body ?? "", year));
  });
  if (items.length === 0) throw notANotice(name, "it has no items like 一、元旦：1月1日放假");
  for (const item of items) {
    checkItem(item, year);
    problems.push(...item.problems);
  }
  problems.push(...acrossItems(items, year));
  const named = items.flatMap((item) => item.keys);
  for (const holiday of statutoryRulesFor(year).holidays(year)) {
    const count = named.filter((key) => key === holiday.key).length;
    if (count === 0) problems.push(`no item for ${holiday.key}`);
    if (count > 1) problems.push(`${holiday.key} has ${count} items`);
  }
  if (problems.length > 0)
    throw new DomainError("notice-invalid", `${name} (${year}): ${problems.join("; ")}`);

  const docNumber = /国办发明电\s*[〔[(]\s*(\d{4})\s*[〕\])]\s*(\d+)\s*号/.exec(normalized);
  const notice = `国务院办公厅关于${year}年部分节假日安排的通知${docNumber === null ? "" : `（国办发明电〔${docNumber[1]}〕${docNumber[2]}号）`}`;
  const holidays: HolidaySpan[] = [];
  const makeUpWorkdays: NoticeYear["makeUpWorkdays"] = [];
  for (const item of items) {
    const holidayName = item.keys.map((key) => HOLIDAY_NAMES[key]).join(" / ");
    holidays.push(...spansOf(item.daysOff, holidayName));
    makeUpWorkdays.push(...item.makeUpWorkdays.map((date) => ({ date, for: holidayName })));
  }
  holidays.sort((a, b) => a.from.localeCompare(b.from));
  makeUpWorkdays.sort((a, b) => a.date.localeCompare(b.date));
  return { year, notice, holidays, makeUpWorkdays };
}
