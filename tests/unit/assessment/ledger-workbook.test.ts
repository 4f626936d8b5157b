import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { parseAssessmentPeriod } from "../../../src/domain/assessment/assessment-period.ts";
import { DEFAULT_ASSESSMENT_RULES } from "../../../src/domain/assessment/assessment-rules-schema.ts";
import { buildScorecard } from "../../../src/domain/assessment/build-scorecard.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import { buildLedgerWorkbook } from "../../../src/domain/ledger/build-ledger-workbook.ts";
import { at, scorecardHistory } from "./scorecard-fixture.ts";

let calendar: WorkingDayCalendar;
beforeAll(async () => {
  calendar = await loadWorkingDayCalendar();
});

const NOVEMBER = parseAssessmentPeriod("2026-11") as NonNullable<ReturnType<typeof parseAssessmentPeriod>>;

function ledger() {
  const history = scorecardHistory();
  const now = at("2026-11-30 10:00");
  const scorecard = buildScorecard({
    plan: { id: "p", title: "示范方案" },
    history,
    rules: DEFAULT_ASSESSMENT_RULES,
    context: {
      period: NOVEMBER,
      now,
      timeZone: "Asia/Shanghai",
      schedule: { cycle: "monthly", dueDay: 25, dueTime: "18:00" },
      calendar,
    },
  });
  return buildLedgerWorkbook({
    plan: { id: "p", title: "示范方案", timeZone: "Asia/Shanghai" },
    period: NOVEMBER,
    history,
    lights: new Map(),
    scorecard,
    auditHead: { events: 0, hash: null },
    rulesSource: "defaults",
    generatedAt: now,
  });
}

const sheet = (name: string) => {
  const found = ledger().sheets.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
};

describe("the ledger's record sheets", () => {
  it("list November's reports only, the withdrawn one too, each with its task's measure, department and county", () => {
    const reports = sheet("进展记录");
    // November: t1 11-24, t2 11-26, t4 11-20, t5 11-25 and 11-26 (withdrawn), t6 11-27; October's five are left out.
    expect(reports.rows).toHaveLength(6);
    const east = reports.rows.find((row) => row[3] === "东县");
    expect(east?.slice(0, 7)).toEqual([
      new Date("2026-11-20T10:00:00.000Z"), // 10:00 in the plan's zone, as a floating time
      "（一）措施1",
      "东县甲局",
      "东县",
      "联络员",
      "推进中",
      50,
    ]);
    const city = reports.rows.find((row) => row[2] === "市甲局");
    expect(city?.[3]).toBe("市级");
    const withdrawn = reports.rows.filter((row) => row[13] !== null);
    expect(withdrawn.map((row) => row[13])).toEqual([new Date("2026-11-26T13:00:00.000Z")]);
  });

  it("list November's reminders with their kind, task and delivery", () => {
    const reminders = sheet("催办记录");
    expect(reminders.rows.map((row) => row.slice(0, 9))).toEqual([
      [
        new Date("2026-11-20T09:30:00.000Z"),
        "提前提醒",
        "2026-11",
        "（一）措施1",
        "市乙局",
        "市级",
        "乙局联络员",
        new Date("2026-11-20T09:30:00.000Z"),
        "已发送",
      ],
      expect.arrayContaining(["催办", "乙局联络员"]),
      expect.arrayContaining(["催办", "乙局副联络员"]),
      expect.arrayContaining(["督办升级", "乙局负责人"]),
    ]);
  });
});
