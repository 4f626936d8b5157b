import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { type NoticeYear, readHolidayNotice } from "../../../src/domain/calendar/holiday-notice.ts";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import { DomainError } from "../../../src/domain/errors.ts";
import { addDays, isoWeekday } from "../../../src/domain/time/plan-date.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/holiday-notices");
const noticeText = (year: number) => readFileSync(join(FIXTURES, `${year}.txt`), "utf8");
const read = (year: number) => readHolidayNotice(noticeText(year), `${year}.txt`);

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError");
}

/** Every day the notice rules (its year, and the December before it) working or not, as a calendar counts it. */
function workingDays(notice: NoticeYear, last = `${notice.year}-12-31`): Map<string, boolean> {
  const calendar = createWorkingDayCalendar({
    notices: [
      {
        year: notice.year,
        holidays: notice.holidays.flatMap((span) => {
          const days = [];
          for (let date = span.from; date <= span.to; date = addDays(date, 1))
            days.push({ date, name: span.name });
          return days;
        }),
        makeUpWorkdays: notice.makeUpWorkdays.map((day) => ({ date: day.date, name: day.for })),
      },
    ],
  });
  const days = new Map<string, boolean>();
  const first = notice.holidays[0]?.from.startsWith(`${notice.year - 1}`)
    ? `${notice.year - 1}-12-29`
    : `${notice.year}-01-01`;
  for (let date = first; date <= last; date = addDays(date, 1)) days.set(date, calendar.isWorkingDay(date));
  return days;
}

/** The same days as the chinese-days package (an independent transcription of the notices) has them. */
function packageWorkingDays(days: Iterable<string>): Map<string, boolean> {
  const require = createRequire(import.meta.url);
  const data = require("chinese-days/dist/chinese-days.json") as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  return new Map(
    [...days].map((date) => [
      date,
      date in data.workdays || (!(date in data.holidays) && isoWeekday(date) < 6),
    ]),
  );
}

describe("readHolidayNotice on the published notices (tests/fixtures/holiday-notices)", () => {
  it("reads 2019 exactly, its 元旦 across New Year included", () => {
    expect(read(2019)).toEqual({
      year: 2019,
      notice: "国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）",
      holidays: [
        { name: "元旦 New Year's Day", from: "2018-12-30", to: "2019-01-01" },
        { name: "春节 Spring Festival", from: "2019-02-04", to: "2019-02-10" },
        { name: "清明 Tomb-sweeping Day", from: "2019-04-05", to: "2019-04-05" },
        { name: "劳动节 Labour Day", from: "2019-05-01", to: "2019-05-01" },
        { name: "端午 Dragon Boat Festival", from: "2019-06-07", to: "2019-06-07" },
        { name: "中秋 Mid-autumn Festival", from: "2019-09-13", to: "2019-09-13" },
        { name: "国庆节 National Day", from: "2019-10-01", to: "2019-10-07" },
      ],
      makeUpWorkdays: [
        { date: "2018-12-29", for: "元旦 New Year's Day" },
        { date: "2019-02-02", for: "春节 Spring Festival" },
        { date: "2019-02-03", for: "春节 Spring Festival" },
        { date: "2019-09-29", for: "国庆节 National Day" },
        { date: "2019-10-12", for: "国庆节 National Day" },
      ],
    });
  });

  it("reads 2024 (a 除夕 sentence that is no day off) and 2023 (中秋节、国庆节 in one item, 2022-12-31..2023-01-02)", () => {
    const y2024 = read(2024);
    expect(y2024.holidays[1]).toEqual({ name: "春节 Spring Festival", from: "2024-02-10", to: "2024-02-17" });
    expect(y2024.makeUpWorkdays.map((day) => day.date)).toEqual([
      "2024-02-04",
      "2024-02-18",
      "2024-04-07",
      "2024-04-28",
      "2024-05-11",
      "2024-09-14",
      "2024-09-29",
      "2024-10-12",
    ]);
    const y2023 = read(2023);
    expect(y2023.holidays[0]).toEqual({ name: "元旦 New Year's Day", from: "2022-12-31", to: "2023-01-02" });
    expect(y2023.holidays.at(-1)).toEqual({
      name: "中秋 Mid-autumn Festival / 国庆节 National Day",
      from: "2023-09-29",
      to: "2023-10-06",
    });
  });

  it.each([
    [2013, "2013-12-31"],
    [2018, "2018-12-28"], // 12-29..31 are the 2019 notice's (its 元旦 starts 2018-12-30)
    [2023, "2023-12-31"],
    [2024, "2024-12-31"],
  ])("%i: every day it rules is working or not exactly as in the chinese-days package", (year, last) => {
    const ours = workingDays(read(year), last);
    expect(ours.size).toBeGreaterThan(360);
    expect(ours).toEqual(packageWorkingDays(ours.keys()));
  });

  it("2019: the same, but for the 劳动节 days a later notice changed (调整2019年劳动节假期安排: 5月1日至4日)", () => {
    const ours = workingDays(read(2019));
    const theirs = packageWorkingDays(ours.keys());
    const differing = [...ours.keys()].filter((date) => ours.get(date) !== theirs.get(date));
    expect(differing).toEqual(["2019-04-28", "2019-05-02", "2019-05-03", "2019-05-05"]);
  });

  it("2025 and 2026 (the 2025 wording: 农历 and weekdays in parentheses, 放假1天，不调休) give the shipped file's days", async () => {
    const shipped = await loadWorkingDayCalendar();
    for (const year of [2025, 2026]) {
      const ours = workingDays(read(year));
      const file = new Map([...ours.keys()].map((date) => [date, shipped.isWorkingDay(date)]));
      expect(ours).toEqual(file);
      expect(read(year).holidays.map((span) => span.name)).toEqual(
        shipped.calendarYear(year).holidays.map((span) => span.name),
      );
    }
  });

  it("checks 2008–2013 notices by their rules: 2013's 春节 2月9日至15日 holds 除夕至初二 (02-09..11)", () => {
    const broken = noticeText(2013).replace("二、春节：2月9日至15日", "二、春节：2月10日至16日");
    const error = errorOf(() => readHolidayNotice(broken, "2013.txt"));
    expect(error.userMessage).toContain(
      "二、春节: the days off leave out 2013-02-09, statutory for 春节 under the rules for 2008–2013",
    );
  });
});

/** A notice for 2027 made up for these tests (the real one is not published here): 2025 rules. */
const MADE_UP_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月12日（农历正月初八、周五）放假调休，共8天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假1天，不调休。
六、中秋节：9月15日（周三）放假1天，不调休。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;

describe("readHolidayNotice refuses what is not right, naming the item", () => {
  it("reads the made-up 2027 notice in the 2025 wording (parentheses with 农历 and weekdays)", () => {
    const notice = readHolidayNotice(MADE_UP_2027, "2027.txt");
    expect(notice.holidays[1]).toEqual({
      name: "春节 Spring Festival",
      from: "2027-02-05",
      to: "2027-02-12",
    });
    expect(notice.makeUpWorkdays).toHaveLength(4);
  });

  it("a make-up day on a Wednesday and 共3天 over a 4-day span", () => {
    const bad = MADE_UP_2027.replace("4月25日（周日）上班", "4月28日上班").replace(
      "至5日（周一）放假，共3天",
      "至6日（周二）放假，共3天",
    );
    const error = errorOf(() => readHolidayNotice(bad, "bad.txt"));
    expect(error.code).toBe("notice-invalid");
    expect(error.userMessage).toBe(
      "bad.txt (2027): 三、清明节: says 共3天 but 2027-04-03..2027-04-06 is 4 day(s); 四、劳动节: make-up working day 2027-04-28 is a Wed, not a Saturday or Sunday",
    );
  });

  it("a span without its statutory days, a wrong weekday beside a date, a missing item", () => {
    const bad = MADE_UP_2027.replace("2月5日（农历除夕、周五）至", "2月6日（周六）至")
      .replace("共8天", "共7天")
      .replace("9月26日（周日）", "9月26日（周六）")
      .replace(/六、中秋节：[^\n]*\n/, "");
    const message = errorOf(() => readHolidayNotice(bad, "bad.txt")).userMessage;
    expect(message).toContain(
      "二、春节: the days off leave out 2027-02-05, statutory for 春节 under the rules for 2025 on",
    );
    expect(message).toContain("七、国庆节: 9月26日 (2027-09-26) is a 星期日, not 星期六 as written");
    expect(message).toContain("no item for 中秋节");
    expect(message).not.toContain("\n");
  });

  it("a text that is no holiday notice", () => {
    const plan = "南阳市巩固易地扶贫搬迁脱贫成果实施方案\n一、总体要求\n（一）加强组织领导。";
    const error = errorOf(() => readHolidayNotice(plan, "plan.txt"));
    expect(error.code).toBe("notice-unrecognized");
    expect(error.userMessage).toBe(
      "plan.txt is not a State Council holiday notice (国务院办公厅关于<year>年部分节假日安排的通知): it names no year's arrangement",
    );
    const titled = errorOf(() =>
      readHolidayNotice("国务院办公厅关于2027年部分节假日安排的通知\n全文另见附件。", "t.txt"),
    );
    expect(titled.userMessage).toContain("it has no items like 一、元旦：1月1日放假");
  });
});
