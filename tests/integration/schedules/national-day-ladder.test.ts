import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReminderMessage } from "../../../src/domain/messages/schedule-message-types.ts";
import type { ScheduleInput } from "../../../src/domain/schedule/schedule-schema.ts";
import { toPlanDateTime } from "../../../src/domain/time/plan-time.ts";
import type { FiringRun } from "../../../src/services/schedule/create-schedule-runner.ts";
import {
  createScheduleFixture,
  LI,
  type ScheduleFixture,
  smallPlanWith,
  WANG,
  ZHANG,
  ZHAO,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const TZ = "Asia/Shanghai";

/** Monthly, due on the 5th: October's 5th falls in the National Day holiday (10-01..10-07). */
const SCHEDULE: ScheduleInput = {
  cycle: "monthly",
  dueDay: 5,
  firstReminderWorkingDaysBefore: 3,
  followUpsOverdueWorkingDays: [1, 2, 3],
  escalateAfterWorkingDaysOverdue: 5,
  reminderTime: "09:30",
  digest: { weekday: 1, time: "09:00" },
};

const local = (instant: Date) => {
  const { date, time } = toPlanDateTime(instant, TZ);
  return `${date} ${time}`;
};

describe.each(testDatabaseTargets())("reminders around the 2026 National Day holiday (%s)", (target) => {
  let fixture: ScheduleFixture;
  const runs: FiringRun[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(db, smallPlanWith(SCHEDULE), "2026-09-24T16:00:00.000Z");
    await fixture.makeContact(ZHANG, "市农业农村局");
    await fixture.makeContact(LI, "市财政局");
    await fixture.makeContact(WANG, "人行某市中心支行", { lead: true });
    await fixture.makeSupervisor(ZHAO);
    const runner = fixture.runner();
    // Start-up catch-up on Friday 09-25 (September's ladder, missed before the process existed): not asserted here.
    await runner.runDue(fixture.clock.now());
    fixture.notifier.sent.length = 0;
    fixture.publisher.posted.length = 0;
    // Live through the cycle as the shell's /tick does: jump to the next firing and run what is due.
    for (;;) {
      const [next] = await runner.upcoming(fixture.clock.now(), 1);
      if (next === undefined || next.instant > new Date("2026-10-15T00:00:00+08:00")) break;
      fixture.clock.set(next.instant.toISOString());
      if (local(next.instant) === "2026-10-08 09:30") {
        // 市财政局 (co-lead of measure 1) reports at 08:00 on the due day: it is not behind any more.
        await fixture.report(1, "city-finance", "2026-10-08T00:00:00.000Z");
      }
      runs.push(...(await runner.runDue(fixture.clock.now())));
    }
  }, 60_000);
  afterAll(() => fixture?.db.drop());

  it("moves the due day out of the holiday and counts the 调休 Saturday as a working day", () => {
    expect(
      runs.filter((run) => run.outcome === "ran").map((run) => `${local(run.instant)} ${run.slot}`),
    ).toEqual([
      "2026-09-28 09:00 digest:2026-W40",
      "2026-09-28 09:30 reminder:2026-10:first",
      "2026-10-08 09:00 digest:2026-W41",
      "2026-10-08 09:30 reminder:2026-10:due",
      "2026-10-09 09:30 reminder:2026-10:overdue-1",
      "2026-10-10 09:30 reminder:2026-10:overdue-2",
      "2026-10-12 09:00 digest:2026-W42",
      "2026-10-12 09:30 reminder:2026-10:overdue-3",
      "2026-10-14 09:30 reminder:2026-10:escalation",
    ]);
    expect(runs.every((run) => !run.late)).toBe(true);
  });

  it("sends nothing on a day off: every message went out on a working day", () => {
    const sentOn = runs.map((run) => toPlanDateTime(run.instant, TZ).date);
    for (const day of sentOn) expect(fixture.calendar.isWorkingDay(day), day).toBe(true);
    expect(sentOn.some((day) => day >= "2026-10-01" && day <= "2026-10-07")).toBe(false);
  });

  it("sends one DM per contact per rung, listing their task, with working days counted through Sat 10-10", () => {
    const titles = fixture.notifier
      .sentTo(ZHANG.externalId)
      .map((sent) =>
        sent.message.kind === "reminder" || sent.message.kind === "escalation"
          ? sent.message.title
          : sent.message.kind,
      );
    expect(titles).toEqual([
      "报送提醒：2026年10月",
      "今日截止：2026年10月进展报送",
      "催办：2026年10月进展已逾期 1 个工作日",
      "催办：2026年10月进展已逾期 2 个工作日",
      "催办：2026年10月进展已逾期 3 个工作日",
      "督办：市农业农村局 1 项任务逾期 5 个工作日未报送",
    ]);
    const first = fixture.notifier.sentTo(ZHANG.externalId)[0]?.message as ReminderMessage;
    expect(first.intro).toContain("10月8日（周四） 18:00");
    expect(first.tasks.map((task) => `${task.measure.label}${task.departmentName}`)).toEqual([
      "（一）市农业农村局",
    ]);
    expect(first.tasks[0]?.actions.map((action) => action.kind)).toEqual(["report"]);
    expect(first.snooze?.cycleKey).toBe("2026-10");
  });

  it("follows up and escalates only the co-lead that is behind, not the one that reported", () => {
    const li = fixture.notifier.sentTo(LI.externalId).map((sent) => sent.message.kind);
    expect(li).toEqual(["reminder"]);
    const [summary, ...more] = fixture.notifier.sentTo(ZHAO.externalId).map((sent) => sent.message);
    expect(more).toEqual([]);
    expect(summary?.kind).toBe("escalation");
    if (summary?.kind !== "escalation") return;
    expect(summary.audience).toBe("supervisor");
    expect(summary.departments.map((d) => d.name).sort()).toEqual(["人行某市中心支行", "市农业农村局"]);
    expect(summary.workingDaysOverdue).toBe(5);
    expect(fixture.notifier.sentTo(WANG.externalId).at(-1)?.message.kind).toBe("escalation");
  });

  it("posts the digest of the holiday week on the next working day, Thursday 10-08", () => {
    expect(fixture.publisher.posted.map((post) => post.digest.weekKey)).toEqual([
      "2026-W40",
      "2026-W41",
      "2026-W42",
    ]);
    expect(fixture.publisher.posted.every((post) => post.digest.lateNote === null)).toBe(true);
  });
});
