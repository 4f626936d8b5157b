import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaJobRunStore } from "../../../src/adapters/db/prisma-job-run-store.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
  ZHAO,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/** Loaded on the 16th, 10:00 in Shanghai (the monthly cycle is due the 25th). */
const START = "2026-10-16T02:00:00.000Z";

/** What a runner does when its process stops: nothing new once told to stop, and its claims given up. */
describe.each(testDatabaseTargets())("a schedule runner that is stopping, on %s", (target) => {
  let fixture: ScheduleFixture;
  beforeAll(async () => {
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(db, smallPlanWith({ cycle: "monthly", dueDay: 25 }), START);
    for (let n = 1; n <= 3; n += 1)
      await fixture.makeContact(slackUser(`UC${n}`, `联络员${n}`), "市农业农村局");
    await fixture.makeSupervisor(ZHAO);
  }, 60_000);
  afterAll(async () => {
    await fixture?.db.drop();
  });

  it("runs no firing and claims no message once its signal is aborted; a runner not stopping then does", async () => {
    const stopping = new AbortController();
    stopping.abort();
    await fixture.runner().runDue(fixture.clock.now()); // what was due at load: skipped
    const [next] = await fixture.runner().upcoming(fixture.clock.now(), 1);
    if (next === undefined) throw new Error("the plan has a next firing");
    fixture.clock.set(next.instant.toISOString());
    const now = fixture.clock.now();
    const delivered = () => fixture.notifier.sent.length + fixture.publisher.posted.length;
    const before = delivered();
    expect(await fixture.runner().runDue(now, stopping.signal)).toEqual([]);
    const pass = await fixture.runner().deliverOutbox(now, stopping.signal);
    expect(pass.sent + pass.failed).toBe(0);
    expect(delivered()).toBe(before);

    const runs = await fixture.runner().runDue(now);
    expect(runs.map((run) => [run.slot, run.outcome])).toEqual([[next.slot, "ran"]]);
    expect(delivered()).toBeGreaterThan(before);
  });

  it("gives up the unfinished claims it holds, and only its own: another process runs the slot at once", async () => {
    const jobs = createPrismaJobRunStore(fixture.db.prisma);
    const at = fixture.clock.now();
    const staleBefore = new Date(at.getTime() - 15 * 60_000);
    const claim = (owner: string, slot: string) =>
      jobs.claimJobRun({ job: "stop-test", slot, late: false, owner, at, staleBefore });
    expect(await claim("stopping-process", "a")).toBe(true);
    expect(await claim("stopping-process", "b")).toBe(true);
    await jobs.finishJobRun({
      job: "stop-test",
      slot: "b",
      owner: "stopping-process",
      at,
      note: "ran",
      error: null,
    });
    expect(await claim("other-process", "c")).toBe(true);
    expect(await claim("other-process", "a")).toBe(false); // held, and not stale

    const runner = fixture.runner({ owner: "stopping-process" });
    expect(await runner.releaseClaims()).toBe(1); // "a"; "b" ran, "c" is another's
    expect(await claim("other-process", "a")).toBe(true);
    expect(await claim("other-process", "b")).toBe(false); // a finished run stays run
    expect(await jobs.listClaimedSlots("stop-test", ["a", "b", "c"], staleBefore)).toEqual(
      new Set(["a", "b", "c"]),
    );
  });
});
