import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "../../../src/adapters/db/generated/client.ts";
import { RateLimitedError } from "../../../src/domain/ports/rate-limited-error.ts";
import { createScriptedChatNotifier } from "../../fakes/scripted-chat-notifier.ts";
import {
  createScheduleFixture,
  type RunnerOptions,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/** Friday 2026-11-20 09:30 (Asia/Shanghai): November's first reminder (due Wednesday the 25th). */
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");
const CONTACTS = 12;
const later = (ms: number) => new Date(FIRST_REMINDER.getTime() + ms);

describe.each(testDatabaseTargets())("outbox delivery (%s)", (target) => {
  let fixture: ScheduleFixture;
  const clients: PrismaClient[] = [];
  /** A runner looking back one day only: Monday's digest is not caught up, the outbox holds DMs only. */
  const newRunner = (options: RunnerOptions = {}) =>
    fixture.runner({ ...options, tuning: { lookBackDays: 1, ...options.tuning } });
  /** Another process on the same database: its own Prisma client and runner. */
  const process = (options: RunnerOptions) => {
    const prisma = new PrismaClient({ adapter: fixture.db.adapterFactory });
    clients.push(prisma);
    return newRunner({ ...options, prisma });
  };
  const rows = () => fixture.db.prisma.reminder.findMany({ where: { groupKey: { not: null } } });

  beforeAll(async () => {
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(
      db,
      smallPlanWith({ cycle: "monthly", dueDay: 25 }),
      "2026-11-20T01:00:00.000Z",
    );
    for (let n = 1; n <= CONTACTS; n += 1)
      await fixture.makeContact(slackUser(`UC${n}`, `联络员${n}`), "市农业农村局");
  }, 60_000);
  beforeEach(async () => {
    await fixture.db.prisma.reminder.deleteMany({});
    await fixture.db.prisma.jobRun.deleteMany({});
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await fixture?.db.drop();
  });

  it("after a process dies mid-delivery, a new one delivers the rest and nothing twice", async () => {
    const dying = createScriptedChatNotifier((call) => (call <= 5 ? "send" : "hang"));
    void process({ notifier: dying, owner: "process-a" }).runDue(FIRST_REMINDER);
    await dying.called(6); // 5 delivered, the 6th in flight when the process is killed
    const restarted = createScriptedChatNotifier(() => "send");
    await process({ notifier: restarted, owner: "process-b" }).runDue(later(60_000));
    const everyone = [...dying.sent, ...restarted.sent].map((sent) => sent.person.externalId);
    expect(new Set(everyone).size).toBe(everyone.length);
    expect(dying.sent).toHaveLength(5);
    // The one in flight stays claimed by the dead process: it may have arrived, so it is never resent.
    expect(restarted.sent).toHaveLength(CONTACTS - 6);
    const counts = await newRunner().deliverOutbox(later(3_600_000));
    expect(counts.sent).toBe(0);
    const inDoubt = (await rows()).filter((row) => row.sentAt === null);
    expect(inDoubt.map((row) => [row.claimedBy, row.closedAt])).toEqual([["process-a", null]]);
  });

  it("after a send fails and the process stops, the next process retries it after the backoff", async () => {
    const failing = createScriptedChatNotifier((call) => (call <= 5 ? "send" : new Error("socket hang up")));
    await process({ notifier: failing, owner: "process-a", tuning: { maxMessagesPerPass: 6 } }).runDue(
      FIRST_REMINDER,
    );
    expect(failing.sent).toHaveLength(5);
    const restarted = createScriptedChatNotifier(() => "send");
    const runner = process({ notifier: restarted, owner: "process-b" });
    await runner.deliverOutbox(later(1_000));
    expect(restarted.sent).toHaveLength(CONTACTS - 6); // the failed one waits for its 30 s backoff
    await runner.deliverOutbox(later(30_000));
    const everyone = [...failing.sent, ...restarted.sent].map((sent) => sent.person.externalId).sort();
    expect(everyone).toEqual(Array.from({ length: CONTACTS }, (_, n) => `UC${n + 1}`).sort());
  });

  it("honours a 429's Retry-After: nothing is sent before it, and it is no failed attempt", async () => {
    const limited = createScriptedChatNotifier((call) => (call === 1 ? new RateLimitedError(5_000) : "send"));
    const runner = newRunner({ notifier: limited });
    await runner.runDue(FIRST_REMINDER);
    expect(limited.sent).toHaveLength(0);
    const early = await runner.deliverOutbox(later(4_999));
    expect([early.sent, limited.calls]).toEqual([0, 1]);
    const onTime = await runner.deliverOutbox(later(5_000));
    expect(onTime.sent).toBe(CONTACTS);
    expect((await rows()).every((row) => row.attempts === 0 && row.sentAt !== null)).toBe(true);
  });

  it("reports a 429 with the time to come back, and stops the pass there", async () => {
    const limited = createScriptedChatNotifier((call) => (call === 3 ? new RateLimitedError(2_000) : "send"));
    const runner = newRunner({ notifier: limited });
    await newRunner({ notifier: createScriptedChatNotifier(() => new RateLimitedError(1)) }).runDue(
      FIRST_REMINDER,
    );
    const report = await runner.deliverOutbox(later(10));
    expect([report.sent, report.rateLimitedUntil?.toISOString()]).toEqual([2, later(2_010).toISOString()]);
    expect(limited.calls).toBe(3);
  });

  it("retries failures with exponential backoff and gives up after maxAttempts", async () => {
    const broken = createScriptedChatNotifier((_, person) =>
      person.externalId === "UC1" ? new Error("channel_not_found") : "send",
    );
    const runner = newRunner({ notifier: broken, tuning: { maxAttempts: 4, baseRetryMs: 1_000 } });
    await runner.runDue(FIRST_REMINDER);
    const gaps: number[] = [];
    let now = FIRST_REMINDER;
    for (let pass = 0; pass < 6; pass += 1) {
      const report = await runner.deliverOutbox(now);
      if (report.nextAttemptAt === null) break;
      gaps.push(report.nextAttemptAt.getTime() - now.getTime());
      now = report.nextAttemptAt;
    }
    expect(gaps).toEqual([1_000, 2_000, 4_000]);
    const [row] = (await rows()).filter((r) => r.sentAt === null);
    expect([row?.attempts, row?.closedAt !== null, row?.lastError]).toEqual([
      4,
      true,
      "gave up after 4 attempt(s): channel_not_found",
    ]);
  });
  it("queues the same rows whatever the task batch size (rows are written per batch, in compact form)", async () => {
    const queued = async (taskBatchSize: number) => {
      await fixture.db.prisma.reminder.deleteMany({});
      await fixture.db.prisma.jobRun.deleteMany({});
      const [run] = await newRunner({ tuning: { taskBatchSize, maxMessagesPerPass: 0 } }).runDue(
        FIRST_REMINDER,
      );
      const written = (await rows()).map((row) => ({
        key: row.idempotencyKey,
        group: row.groupKey,
        kind: row.kind,
        slot: row.slot,
        task: row.taskId,
        to: row.recipientId,
        payload: row.payload,
        expiresAt: row.expiresAt,
        released: row.nextAttemptAt.getTime() === FIRST_REMINDER.getTime(),
      }));
      return { note: run?.note, written: written.sort((a, b) => a.key.localeCompare(b.key)) };
    };
    const oneByOne = await queued(1);
    const all = await queued(10_000);
    expect(oneByOne.written).toHaveLength(CONTACTS); // 12 contacts of one department, one DM each
    expect(oneByOne).toEqual(all);
    const [first] = all.written;
    expect(first?.key).toBe(`${first?.group}:${first?.task}`);
    expect(first?.group).toBe(`${first?.slot}:${first?.to}`);
    expect(first?.payload).toMatchObject({
      type: "reminder",
      taskId: first?.task,
      header: { rung: "first" },
    });
    expect(first?.released).toBe(true);
  });
  it("builds a DM when it is sent: a task reported meanwhile is left out, and a DM with none left is not sent", async () => {
    const sender = createScriptedChatNotifier(() => "send");
    await newRunner({ notifier: sender, tuning: { maxMessagesPerPass: 0 } }).runDue(FIRST_REMINDER);
    await fixture.report(1, "city-agriculture", later(60_000).toISOString());
    const report = await newRunner({ notifier: sender }).deliverOutbox(later(120_000));
    expect([report.sent, report.closed, sender.calls]).toEqual([0, CONTACTS, 0]);
    const closed = await rows();
    expect(new Set(closed.map((row) => row.lastError))).toEqual(
      new Set(["nothing left to remind: every task reported or closed"]),
    );
  });
});
