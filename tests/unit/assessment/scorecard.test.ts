import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import type { AssessmentContext } from "../../../src/domain/assessment/assessment-context.ts";
import { parseAssessmentPeriod } from "../../../src/domain/assessment/assessment-period.ts";
import {
  AssessmentRulesSchema,
  DEFAULT_ASSESSMENT_RULES,
} from "../../../src/domain/assessment/assessment-rules-schema.ts";
import { buildScorecard } from "../../../src/domain/assessment/build-scorecard.ts";
import type { Scorecard, UnitScore } from "../../../src/domain/assessment/scorecard-types.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import { at, scorecardHistory } from "./scorecard-fixture.ts";

let calendar: WorkingDayCalendar;
beforeAll(async () => {
  calendar = await loadWorkingDayCalendar();
});

const context = (): AssessmentContext => ({
  period: parseAssessmentPeriod("2026-Q4") as NonNullable<ReturnType<typeof parseAssessmentPeriod>>,
  now: at("2026-11-30 10:00"),
  timeZone: "Asia/Shanghai",
  schedule: { cycle: "monthly", dueDay: 25, dueTime: "18:00" },
  calendar,
});
const score = (rules = DEFAULT_ASSESSMENT_RULES) =>
  buildScorecard({
    plan: { id: "p", title: "示范方案" },
    history: scorecardHistory(),
    rules,
    context: context(),
  });
const unit = (card: Scorecard, name: string): UnitScore => {
  const found = [...card.departments, ...card.counties].find((u) => u.name === name);
  if (found === undefined) throw new Error(`no unit ${name}`);
  return found;
};

describe("assessment periods", () => {
  it("reads months, quarters and years, in figures or Chinese", () => {
    expect(parseAssessmentPeriod("2026-Q4")).toMatchObject({
      kind: "quarter",
      from: "2026-10-01",
      to: "2026-12-31",
      labelZh: "2026年第四季度",
    });
    expect(parseAssessmentPeriod("2026年第四季度")?.key).toBe("2026-Q4");
    expect(parseAssessmentPeriod("2026-11")).toMatchObject({
      kind: "month",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(parseAssessmentPeriod("2026-02")?.to).toBe("2026-02-28");
    expect(parseAssessmentPeriod("2026")).toMatchObject({
      kind: "year",
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(parseAssessmentPeriod("2026-13")).toBeNull();
    expect(parseAssessmentPeriod("Q4")).toBeNull();
  });
});

describe("the scorecard, figures computed by hand", () => {
  it("counts the cycles whose due time has passed: October (the 25th is a Sunday: Friday the 23rd) and November", () => {
    expect(score().cycles).toEqual([
      { key: "2026-10", dueOn: "2026-10-23" },
      { key: "2026-11", dueOn: "2026-11-25" },
    ]); // December's is due 12-25, after 11-30
    expect(score().assessedUntil).toBe("2026-11-30");
  });

  it("市甲局: each on-time record says how its cycle was reported (the web board's department record)", () => {
    const a = unit(score(), "市甲局");
    expect(a.components.onTime.records.map((r) => [r.id, r.cycle?.outcome, r.cycle?.reportedOn])).toEqual([
      ["t1@2026-10", "on-time", "2026-10-20"],
      ["t1@2026-11", "on-time", "2026-11-24"],
      ["t2@2026-10", "late", "2026-10-27"],
      ["t2@2026-11", "late", "2026-11-26"],
    ]);
    expect(a.components.onTime.records[2]?.cycle).toMatchObject({ key: "2026-10", dueOn: "2026-10-23" });
  });

  it("市甲局: each component, its records and the weighted score", () => {
    const a = unit(score(), "市甲局");
    // On time: t1 Oct (10-20 <= 10-23 18:00) yes, t1 Nov (11-24) yes, t2 Oct (first report 10-27) no, t2 Nov (11-26) no: 2/4.
    expect([a.components.onTime.counted, a.components.onTime.of]).toEqual([2, 4]);
    expect(a.components.onTime.records.map((r) => [r.id, r.value])).toEqual([
      ["t1@2026-10", 1],
      ["t1@2026-11", 1],
      ["t2@2026-10", 0],
      ["t2@2026-11", 0],
    ]);
    // Complete: t1 10-20 yes; t1 11-24 no (no evidence); t2 10-27 yes (受阻 with its difficulty); t2 11-26 yes: 3/4.
    expect([a.components.completeness.counted, a.components.completeness.of]).toEqual([3, 4]);
    expect(a.components.completeness.records.find((r) => r.value === 0)?.summary).toBe(
      "（一）市甲局 11-24 报送缺：佐证材料",
    );
    // Approved in the period: t1 on 11-27; of 2 tasks.
    expect([a.components.approved.counted, a.components.approved.of]).toEqual([1, 2]);
    // Overdue: t2 Oct due 10-23, reported 10-27: working days in (10-23, 10-27] = Mon 26, Tue 27 = 2;
    //          t2 Nov due 11-25, reported 11-26: (11-25, 11-26] = 1. Sum 3.
    expect(a.components.overdue.counted).toBe(3);
    // Blocked: t2 from 10-27 (受阻) to 11-26 (推进中): (10-27, 11-26] = Oct 28-30 (3) + the 3 full weeks of November
    //          2-20 (15) + 23-26 (4) = 22 working days; closed, so no open blocker.
    expect(a.components.blockers.counted).toBe(22);
    expect(calendar.workingDaysBetween("2026-10-27", "2026-11-26")).toBe(22);
    expect(a.openBlockers).toBe(0);
    expect(a.components.urges.counted).toBe(0);
    // Score: 100 × (0.35×2/4 + 0.2×3/4 + 0.2×1/2) ÷ 0.75 = 100 × 0.425 ÷ 0.75 = 56.667
    //        − 1×3/2 (overdue per task) − 0.5×22/2 (blocked per task) − 2×0/2 = 56.667 − 1.5 − 5.5 = 49.667 -> 49.7
    expect(a.score).toBe(49.7);
    expect(a.components.onTime.points).toBeCloseTo((100 * 0.35 * 0.5) / 0.75, 6);
    expect(a.components.blockers.points).toBeCloseTo(-5.5, 6);
  });

  it("市乙局: nothing reported, urged twice; the score stops at 0", () => {
    const b = unit(score(), "市乙局");
    expect([b.components.onTime.counted, b.components.onTime.of]).toEqual([0, 2]);
    expect(b.components.completeness.value).toBe(0); // cycles were due and no report came
    // Overdue: Oct due 10-23, none by 11-25 (the next due day): (10-23, 11-25] = Oct 26-30 (5) + Nov 2-20 (15)
    //          + 23-25 (3) = 23; Nov due 11-25, none by today 11-30: (11-25, 11-30] = 26, 27, 30 = 3. Sum 26.
    expect(b.components.overdue.counted).toBe(26);
    // Urges: 11-26 urge (two contacts, two rows: one urge) and 11-27 escalation; the 11-20 first reminder is no urge.
    expect(b.components.urges.counted).toBe(2);
    expect(b.components.urges.records.map((r) => r.summary)).toEqual([
      "（一）市乙局 11-26 被催办",
      "（一）市乙局 11-27 被督办升级",
    ]);
    // 100 × 0 − 1×26 − 2×2 = −30 -> 0
    expect(b.score).toBe(0);
  });

  it("a cycle due before Duban tracked the task (the plan loaded on 11-02) asks nothing of it", () => {
    const history = scorecardHistory();
    const loaded = at("2026-11-02 09:00");
    const card = buildScorecard({
      plan: { id: "p", title: "示范方案" },
      history: { ...history, tasks: history.tasks.map((task) => ({ ...task, trackedSince: loaded })) },
      rules: DEFAULT_ASSESSMENT_RULES,
      context: context(),
    });
    const b = unit(card, "市乙局");
    // October's cycle (due 10-23) is gone: only November's, missed, 3 working days overdue (11-26, 27, 30).
    expect([b.components.onTime.counted, b.components.onTime.of]).toEqual([0, 1]);
    expect(b.components.overdue.counted).toBe(3);
    // a task that did report in October keeps that cycle (a report shows it was tracked)
    const a = unit(card, "市甲局");
    expect(a.components.onTime.records.map((r) => r.id)).toContain("t1@2026-10");
  });

  it("counties: 东县 reports on time but half incomplete; 西县 reports late, completely, and is approved", () => {
    const card = score();
    const east = unit(card, "东县");
    // 4/4 on time; complete 2/4 (t5 twice without evidence — a blank item is none; the withdrawn 11-26 report is skipped).
    expect([
      east.components.onTime.counted,
      east.components.completeness.counted,
      east.components.completeness.of,
    ]).toEqual([4, 2, 4]);
    // 100 × (0.35×1 + 0.2×0.5 + 0.2×0) ÷ 0.75 = 100 × 0.45 ÷ 0.75 = 60.0
    expect(east.score).toBe(60);
    const west = unit(card, "西县");
    // 0/2 on time (10-26 and 11-27 after the due days), 2/2 complete, 1/1 approved,
    // overdue (10-23, 10-26] = 1 + (11-25, 11-27] = 2 = 3 working days on 1 task.
    expect([
      west.components.onTime.counted,
      west.components.completeness.counted,
      west.components.approved.counted,
      west.components.overdue.counted,
    ]).toEqual([0, 2, 1, 3]);
    // 100 × (0 + 0.2×1 + 0.2×1) ÷ 0.75 − 1×3 = 53.333 − 3 = 50.333 -> 50.3
    expect(west.score).toBe(50.3);
    expect(card.counties.map((u) => [u.name, u.rank])).toEqual([
      ["东县", 1],
      ["西县", 2],
    ]);
  });

  it("praise and lagging follow the rules: bottom 3 below 60 are listed (通报), none reaches 70 for praise (表扬)", () => {
    const card = score();
    expect(card.praise).toEqual([]);
    expect(card.lagging.map((u) => u.name)).toEqual(["市甲局", "市乙局", "西县"]); // 东县's 60.0 is not below 60
  });

  it("weights from the workflow change the ranking: completeness and approvals first puts 西县 ahead and praises it", () => {
    const rules = AssessmentRulesSchema.parse({
      weights: { onTime: 0.1, completeness: 0.45, approved: 0.45 },
    });
    const card = score(rules);
    // 东县: 100 × (0.1×1 + 0.45×0.5 + 0.45×0) ÷ 1.0 = 32.5;  西县: 100 × (0 + 0.45 + 0.45) ÷ 1.0 − 3 = 87.0
    expect(card.counties.map((u) => [u.name, u.score, u.rank])).toEqual([
      ["西县", 87, 1],
      ["东县", 32.5, 2],
    ]);
    expect(card.praise.map((u) => u.name)).toEqual(["西县"]);
    expect(card.lagging.map((u) => u.name)).toContain("东县");
  });

  it("refuses weights that cannot score", () => {
    expect(
      AssessmentRulesSchema.safeParse({ weights: { onTime: 0, completeness: 0, approved: 0 } }).success,
    ).toBe(false);
    expect(AssessmentRulesSchema.safeParse({ weights: { overdue: -1 } }).success).toBe(false);
    expect(AssessmentRulesSchema.safeParse({ includeInDigest: "week" }).success).toBe(false);
  });
});
