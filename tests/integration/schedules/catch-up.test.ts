import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FiringRun } from "../../../src/services/schedule/create-schedule-runner.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  smallPlanWith,
  runSummary as summary,
  WANG,
  ZHANG,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/** 每月 25 日前报送: October is due Fri 10-23 (the 25th is a Sunday); its ladder ends with escalation on 10-30. */
const SCHEDULE = { cycle: "monthly", dueDay: 25 } as const;

describe.each(testDatabaseTargets())("catch-up after downtime (%s)", (target) => {
  let fixture: ScheduleFixture;
  let afterFirstDowntime: FiringRun[] = [];
  let afterSecondDowntime: FiringRun[] = [];
  let again: FiringRun[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(db, smallPlanWith(SCHEDULE), "2026-10-16T02:00:00.000Z");
    await fixture.makeContact(ZHANG, "市农业农村局");
    await fixture.makeContact(WANG, "人行某市中心支行");
    await fixture.runner().runDue(fixture.clock.now()); // running on Friday 10-16, then the process stops
    fixture.notifier.sent.length = 0;
    fixture.publisher.posted.length = 0;

    // Down until Thursday 10-29 10:00: the first reminder, the due day, +1 and +3 follow-ups and a digest were missed.
    fixture.clock.set("2026-10-29T02:00:00.000Z");
    fixture.notifier.failFor.add(WANG.externalId); // WANG's DM fails and waits for a retry
    afterFirstDowntime = await fixture.runner().runDue(fixture.clock.now());

    // Down again until Tuesday 11-03 10:00: October closed on 10-31; Monday's 09:00 digest was missed.
    fixture.notifier.failFor.clear();
    fixture.clock.set("2026-11-03T02:00:00.000Z");
    afterSecondDowntime = await fixture.runner().runDue(fixture.clock.now());
    fixture.clock.set("2026-11-03T02:01:00.000Z");
    again = await fixture.runner().runDue(fixture.clock.now());
  }, 60_000);
  afterAll(() => fixture?.db.drop());

  it("runs only the latest missed rung of an open cycle, late, and skips the earlier ones", () => {
    expect(summary(afterFirstDowntime)).toEqual([
      "digest:2026-W43 skipped late",
      "reminder:2026-10:first skipped late",
      "reminder:2026-10:due skipped late",
      "digest:2026-W44 ran late",
      "reminder:2026-10:overdue-1 skipped late",
      "reminder:2026-10:overdue-3 ran late",
    ]);
    expect(afterFirstDowntime.find((run) => run.slot === "reminder:2026-10:due")?.note).toBe(
      "skipped: superseded by reminder:2026-10:overdue-3",
    );
  });

  it("sends each contact one follow-up for the missed rungs, not one per rung", () => {
    const zhang = fixture.notifier.sentTo(ZHANG.externalId);
    expect(zhang).toHaveLength(1);
    expect(zhang[0]?.message.kind === "reminder" && zhang[0].message.title).toBe(
      "催办：2026年10月进展已逾期 3 个工作日",
    );
  });

  it("posts the missed digest once, marked late (补发)", () => {
    const posted = fixture.publisher.posted.map((post) => post.digest);
    expect(posted.map((digest) => digest.weekKey)).toEqual(["2026-W44", "2026-W45"]);
    for (const digest of posted) {
      expect(digest.lateNote).toMatch(/^补发：本周报原定 .* 09:00 发布/);
      expect(digest.summary.startsWith("【补发】")).toBe(true);
    }
  });

  it("sends no reminder of a cycle that closed meanwhile, and drops its undelivered DM", async () => {
    expect(summary(afterSecondDowntime)).toEqual([
      "reminder:2026-10:escalation skipped late",
      "digest:2026-W45 ran late",
    ]);
    expect(afterSecondDowntime[0]?.note).toBe("skipped: cycle 2026-10 closed after 2026-10-31");
    expect(fixture.notifier.sentTo(WANG.externalId)).toEqual([]);
    const wang = await fixture.db.prisma.reminder.findMany({
      where: { recipient: { externalId: WANG.externalId } },
    });
    expect(wang.map((row) => [row.sentAt, row.lastError])).toEqual([
      [null, "expired: its reporting cycle closed before it could be sent"],
    ]);
  });

  it("does nothing more on the next tick", () => {
    expect(again).toEqual([]);
    expect(fixture.publisher.posted).toHaveLength(2);
  });
});
