import { stripVTControlCharacters } from "node:util";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { renderMessage } from "../../../src/adapters/shell/render/render-message.ts";
import { createTextStyle } from "../../../src/adapters/shell/render/text-style.ts";
import { parseAssessmentPeriod } from "../../../src/domain/assessment/assessment-period.ts";
import { DEFAULT_ASSESSMENT_RULES } from "../../../src/domain/assessment/assessment-rules-schema.ts";
import { buildScorecard } from "../../../src/domain/assessment/build-scorecard.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import {
  buildScorecardMessage,
  type ScorecardMessage,
} from "../../../src/domain/messages/scorecard-message.ts";
import type { Locale } from "../../../src/domain/supervision/locale.ts";
import { at, scorecardHistory } from "../assessment/scorecard-fixture.ts";

let calendar: WorkingDayCalendar;
beforeAll(async () => {
  calendar = await loadWorkingDayCalendar();
});

/** The scorecard of the assessment fixture (市甲局, 市乙局; 东县, 西县), as `/duban assess 2026-Q4` sends it. */
function fixtureMessage(locale: Locale): ScorecardMessage {
  const scorecard = buildScorecard({
    plan: { id: "p", title: "示范方案" },
    history: scorecardHistory(),
    rules: DEFAULT_ASSESSMENT_RULES,
    context: {
      period: parseAssessmentPeriod("2026-Q4") as NonNullable<ReturnType<typeof parseAssessmentPeriod>>,
      now: at("2026-11-30 10:00"),
      timeZone: "Asia/Shanghai",
      schedule: { cycle: "monthly", dueDay: 25, dueTime: "18:00" },
      calendar,
    },
  });
  return buildScorecardMessage(locale, scorecard);
}

const render = (message: ScorecardMessage, color = false) =>
  renderMessage(message, createTextStyle(color), 1).lines.map(stripVTControlCharacters);

/**
 * Where the cells of a table line sit, in display columns (cells are two spaces or more apart): the unit's
 * name (the second cell) by where it starts, the right-aligned others by where they end.
 */
function cellEdges(line: string): number[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((match, index) =>
    stringWidth(line.slice(0, index === 1 ? match.index : match.index + match[0].length)),
  );
}

describe("the shell's scorecard", () => {
  it("gives each figure its own column with a heading, for the table", () => {
    const zh = fixtureMessage("zh");
    expect(zh.columns).toEqual(["按时报送", "完整报告", "办结", "逾期工作日", "受阻工作日", "催办"]);
    expect(fixtureMessage("en").columns).toEqual([
      "on time",
      "complete",
      "approved",
      "overdue wd",
      "blocked wd",
      "urged",
    ]);
    for (const row of [...zh.departments, ...zh.counties]) expect(row.cells).toHaveLength(zh.columns.length);
  });

  it("prints departments and counties as one aligned table, Chinese counted two columns wide", () => {
    const lines = render(fixtureMessage("zh"));
    const heading = lines.findIndex((line) => line.startsWith("  排名"));
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading]).toMatch(
      /^ {2}排名 {2}单位 +得分 {2}按时报送 {2}完整报告 {2}办结 {2}逾期工作日 {2}受阻工作日 {2}催办$/,
    );
    const table = lines.filter((line) => /^ {2}(排名|\s*\d+ )/.test(line));
    expect(table).toHaveLength(2 + 4); // two headings, 市甲局 市乙局 东县 西县
    const edges = cellEdges(table[0] as string);
    expect(edges).toHaveLength(9);
    for (const line of table) expect(cellEdges(line.replace(/ {2}(表扬|通报)$/, "")), line).toEqual(edges);
    expect(lines).toContain("部门");
    expect(lines).toContain("县（市、区）");
    expect(lines.find((line) => line.includes("市乙局"))).toMatch(/ {2}通报$/);
    expect(lines).toContain("通报：市甲局（49.7）、市乙局（0.0）、西县（50.3）");
  });

  it("lines up a long unit name, an ASCII name and an open blocker", () => {
    const row = (rank: number, name: string, score: number, cells: string[], verdict: "praise" | null) => ({
      rank,
      name,
      score,
      figures: "",
      cells,
      verdict,
    });
    const message: ScorecardMessage = {
      kind: "scorecard",
      locale: "zh",
      summary: "督查考核评分：2026年第四季度",
      title: "督查考核评分：2026年第四季度",
      scope: "统计 2026-10-01 至 2026-11-30",
      formula: "得分 = …",
      columns: ["按时报送", "完整报告", "办结", "逾期工作日", "受阻工作日", "催办"],
      departments: [
        row(1, "市人力资源社会保障局", 92.5, ["6/6", "5/6", "3/3", "0", "0", "0"], "praise"),
        row(2, "ABC Bureau", 70, ["5/6", "4/6", "1/3", "12", "3（未解决 1）", "2"], null),
      ],
      counties: [],
      praise: ["市人力资源社会保障局（92.5）"],
      lagging: [],
      footer: "duban assess --period 2026-Q4 --json",
    };
    const lines = render(message);
    expect(lines.slice(3, 8)).toEqual([
      "",
      "部门",
      "  排名  单位                  得分  按时报送  完整报告  办结  逾期工作日     受阻工作日  催办",
      "     1  市人力资源社会保障局  92.5       6/6       5/6   3/3           0              0     0  表扬",
      "     2  ABC Bureau            70.0       5/6       4/6   1/3          12  3（未解决 1）     2",
    ]);
    expect(lines.slice(8)).toEqual([
      "",
      "表扬：市人力资源社会保障局（92.5）",
      "duban assess --period 2026-Q4 --json",
    ]);
    const colored = renderMessage(message, createTextStyle(true), 1).lines;
    expect(colored.map(stripVTControlCharacters)).toEqual(lines);
    expect(colored[6]).not.toBe(lines[6]); // 表扬 in colour
  });

  it("reads in English too", () => {
    const lines = render(fixtureMessage("en"));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}rank {2}unit +score {2}on time {2}complete {2}approved {2}overdue wd {2}blocked wd {2}urged$/,
      ),
    );
    expect(lines).toContain("Departments");
    expect(lines).toContain("Counties");
    expect(lines).toContain("Lagging: 市甲局（49.7）, 市乙局（0.0）, 西县（50.3）");
  });
});
