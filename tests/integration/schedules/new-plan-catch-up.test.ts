import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FiringRun } from "../../../src/services/schedule/create-schedule-runner.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  smallPlanWith,
  runSummary as summary,
  WANG,
  ZHANG,
  ZHAO,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/**
 * Monthly, due on the 10th: October is due Sat 10-10 (a 调休 working day); follow-ups 10-12 and 10-14, the
 * escalation (督办) Fri 10-16 09:30; the cycle stays open until 10-31, so a missed escalation could be caught up.
 */
const SCHEDULE = { cycle: "monthly", dueDay: 10 } as const;
/** Tuesday 2026-10-20 10:00 (Asia/Shanghai). */
const TUESDAY = "2026-10-20T02:00:00.000Z";

async function fixtureLoadedAt(target: Parameters<typeof createTestDatabase>[0], loadedAt: string) {
  const fixture = await createScheduleFixture(
    await createTestDatabase(target),
    smallPlanWith(SCHEDULE),
    loadedAt,
  );
  await fixture.makeContact(ZHANG, "市农业农村局");
  await fixture.makeContact(WANG, "人行某市中心支行", { lead: true });
  await fixture.makeSupervisor(ZHAO);
  return fixture;
}

describe.each(testDatabaseTargets())("the first start of a newly loaded plan (%s)", (target) => {
  describe("loaded after the open cycle's escalation", () => {
    let fixture: ScheduleFixture;
    let firstStart: FiringRun[] = [];
    beforeAll(async () => {
      fixture = await fixtureLoadedAt(target, TUESDAY);
      fixture.clock.set("2026-10-20T02:05:00.000Z"); // Duban starts five minutes after the load
      firstStart = await fixture.runner().runDue(fixture.clock.now());
    }, 60_000);
    afterAll(() => fixture?.db.drop());

    it("sends no late escalation, follow-up or digest for the time before the plan existed", () => {
      expect(fixture.notifier.sent).toEqual([]);
      expect(fixture.publisher.posted).toEqual([]);
      expect(summary(firstStart)).toContain("reminder:2026-10:escalation skipped late");
      expect(summary(firstStart)).toContain("digest:2026-W43 skipped late");
      expect(firstStart.every((run) => run.outcome === "skipped")).toBe(true);
      for (const run of firstStart)
        expect(run.note).toBe("skipped: due before the plan was loaded (2026-10-20 10:00)");
    });

    it("records them as run, so they never come back, and runs the next firing as usual", async () => {
      const again = await fixture.runner().runDue(new Date("2026-10-20T03:00:00.000Z"));
      expect(again).toEqual([]);
      const runner = fixture.runner();
      const [next] = await runner.upcoming(fixture.clock.now(), 1);
      expect(next?.slot).toBe("digest:2026-W44"); // Monday 10-26 09:00
      const runs = await runner.runDue(next?.instant ?? new Date(0));
      expect(summary(runs)).toEqual(["digest:2026-W44 ran"]);
      expect(fixture.publisher.posted.map((post) => [post.digest.weekKey, post.digest.lateNote])).toEqual([
        ["2026-W44", null],
      ]);
    });
  });

  describe("loaded before October's due day, and started only after the escalation (downtime)", () => {
    let fixture: ScheduleFixture;
    let firstStart: FiringRun[] = [];
    beforeAll(async () => {
      fixture = await fixtureLoadedAt(target, "2026-10-09T02:00:00.000Z"); // Friday, the day before the due day
      fixture.clock.set(TUESDAY);
      firstStart = await fixture.runner().runDue(fixture.clock.now());
    }, 60_000);
    afterAll(() => fixture?.db.drop());

    it("still catches up what was missed after the load: the escalation and Monday's digest, late", () => {
      expect(summary(firstStart)).toEqual([
        "digest:2026-W41 skipped late",
        "reminder:2026-10:due skipped late",
        "digest:2026-W42 skipped late",
        "reminder:2026-10:overdue-1 skipped late",
        "reminder:2026-10:overdue-3 skipped late",
        "reminder:2026-10:escalation ran late",
        "digest:2026-W43 ran late",
      ]);
      const escalations = fixture.notifier.sent.filter((sent) => sent.message.kind === "escalation");
      const told = escalations.map((sent) => sent.person.displayName);
      expect(told).toEqual(expect.arrayContaining(["张三", "王五", "赵督查"]));
      expect(new Set(told).size).toBe(told.length);
      expect(fixture.publisher.posted.map((post) => post.digest.weekKey)).toEqual(["2026-W43"]);
    });

    it("skips the firings due before the load, saying why", async () => {
      const runs = await fixture.db.prisma.jobRun.findMany({ orderBy: { slot: "asc" } });
      const beforeLoad = runs.filter((run) => run.note?.includes("before the plan was loaded"));
      expect(beforeLoad.map((run) => run.slot).sort()).toEqual(["digest:2026-W41"]);
      expect(runs.find((run) => run.slot === "reminder:2026-10:overdue-3")?.note).toBe(
        "skipped: superseded by reminder:2026-10:escalation",
      );
    });
  });

  describe("loaded after October's due day", () => {
    let fixture: ScheduleFixture;
    let runs: FiringRun[] = [];
    beforeAll(async () => {
      fixture = await fixtureLoadedAt(target, "2026-10-13T02:00:00.000Z"); // Tuesday, after Saturday's due day
      const runner = fixture.runner();
      // running all along from the load: the +3 follow-up (Wed 10-14) and the escalation (Fri 10-16) come
      for (const at of ["2026-10-14T01:30:00.000Z", "2026-10-16T01:30:00.000Z"]) {
        fixture.clock.set(at);
        runs = [...runs, ...(await runner.runDue(fixture.clock.now()))];
      }
    }, 60_000);
    afterAll(() => fixture?.db.drop());

    it("does not chase October at all: nobody was asked for that report, so no follow-up and no 督办", async () => {
      const reminders = runs.filter((run) => run.slot.startsWith("reminder:2026-10:"));
      expect(summary(reminders)).toEqual([
        "reminder:2026-10:first skipped late", // before the load
        "reminder:2026-10:due skipped late",
        "reminder:2026-10:overdue-1 skipped late",
        "reminder:2026-10:overdue-3 skipped", // after the load, on time, but for a cycle due before it
        "reminder:2026-10:escalation skipped",
      ]);
      expect(fixture.notifier.sent).toEqual([]);
      const notes = await fixture.db.prisma.jobRun.findMany({
        where: { slot: { in: ["reminder:2026-10:overdue-3", "reminder:2026-10:escalation"] } },
      });
      expect(notes.map((run) => run.note)).toEqual([
        "skipped: cycle 2026-10 fell due before the plan was loaded",
        "skipped: cycle 2026-10 fell due before the plan was loaded",
      ]);
    });

    it("chases November as usual: its first reminder goes out", async () => {
      const runner = fixture.runner();
      const next = (await runner.upcoming(new Date("2026-11-01T00:00:00.000Z"), 20)).find(
        (firing) => firing.slot === "reminder:2026-11:first",
      );
      expect(next).toBeDefined();
      fixture.clock.set(next?.instant.toISOString() ?? "");
      const ran = await runner.runDue(fixture.clock.now());
      expect(summary(ran)).toContain("reminder:2026-11:first ran");
      expect(fixture.notifier.sent.length).toBeGreaterThan(0);
    });
  });
});
