import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "../../../src/adapters/db/generated/client.ts";
import { createPrismaScheduleStore } from "../../../src/adapters/db/prisma-schedule-store.ts";
import { RateLimitedError } from "../../../src/domain/ports/chat.ts";
import { createScriptedChatNotifier, type ScriptedChatNotifier } from "../../fakes/scripted-chat-notifier.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";
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
  const outboxCounts = () => createPrismaScheduleStore(fixture.db.prisma).countOutbox();

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

  it("after a process dies mid-send, a new one delivers the rest, and the one in doubt once its claim is old", async () => {
    const chat: ScriptedChatNotifier["sent"] = [];
    const dying = createScriptedChatNotifier((call) => (call <= 5 ? "send" : "hang"), chat);
    void process({ notifier: dying, owner: "process-a" }).runDue(FIRST_REMINDER);
    await dying.called(6); // 5 delivered, the 6th in flight when the process is killed
    const restarted = createScriptedChatNotifier(() => "send", chat);
    const runner = process({ notifier: restarted, owner: "process-b" });
    await runner.runDue(later(60_000));
    expect(dying.sent).toHaveLength(5);
    // the one in flight is in doubt: it may still be on its way, so it waits out the in-doubt time
    expect(restarted.sent).toHaveLength(CONTACTS - 6);
    expect((await outboxCounts()).inDoubt).toBe(1);
    const settled = await runner.deliverOutbox(later(16 * 60_000));
    expect(settled.reconciled).toEqual({ found: 0, resent: 1, unsettled: 0 });
    expect(settled.sent).toBe(1);
    const everyone = chat.map((sent) => sent.person.externalId).sort();
    expect(everyone).toEqual(Array.from({ length: CONTACTS }, (_, n) => `UC${n + 1}`).sort());
    const counts = await outboxCounts();
    expect([counts.inDoubt, counts.reconciledResent, counts.reconciledFound]).toEqual([0, 1, 0]);
  });

  it("honours a 429's Retry-After on its channel only: nothing to that DM before it, the others go on", async () => {
    const limited = createScriptedChatNotifier((call) => (call === 1 ? new RateLimitedError(5_000) : "send"));
    const runner = newRunner({ notifier: limited });
    await runner.runDue(FIRST_REMINDER);
    expect(limited.sent).toHaveLength(CONTACTS - 1);
    const early = await runner.deliverOutbox(later(4_999));
    expect([early.sent, limited.calls]).toEqual([0, CONTACTS]);
    const onTime = await runner.deliverOutbox(later(5_000));
    expect(onTime.sent).toBe(1);
    expect((await rows()).every((row) => row.attempts === 0 && row.sentAt !== null)).toBe(true);
  });

  it("counts Retry-After from when the 429 arrived, not from when the pass began", async () => {
    const clock = createSettableClock(FIRST_REMINDER.toISOString());
    // the 3rd send takes 4 s before Slack answers 429 with Retry-After 2
    const slow = createScriptedChatNotifier((call) => {
      if (call !== 3) return "send";
      clock.set(later(4_000).toISOString());
      return new RateLimitedError(2_000);
    });
    const runner = newRunner({ notifier: slow, clock });
    await runner.runDue(FIRST_REMINDER);
    expect(slow.sent).toHaveLength(CONTACTS - 1); // the other channels went on
    const report = await runner.deliverOutbox(later(5_999));
    expect(report.sent).toBe(0); // 4 s + 2 s: not before 6 s, though the pass began at 0
    expect((await runner.deliverOutbox(later(6_000))).sent).toBe(1);
  });

  it("stops the pass when 429s keep coming on different channels (the workspace's limit)", async () => {
    const limited = createScriptedChatNotifier((call) =>
      call >= 3 && call <= 5 ? new RateLimitedError(2_000) : "send",
    );
    const runner = newRunner({ notifier: limited });
    await newRunner({ notifier: createScriptedChatNotifier(() => new RateLimitedError(1)) }).runDue(
      FIRST_REMINDER,
    );
    const report = await runner.deliverOutbox(later(10));
    expect([report.sent, report.rateLimitedUntil?.toISOString()]).toEqual([2, later(2_010).toISOString()]);
    expect(limited.calls).toBe(5);
    expect((await runner.deliverOutbox(later(2_009))).sent).toBe(0); // paused: nothing anywhere
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
