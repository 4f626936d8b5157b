import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { openDatabase } from "../../../src/adapters/db/open-database.ts";
import { prepareSchema } from "../../../src/adapters/db/prepare-schema.ts";
import { createPrismaScheduleStore } from "../../../src/adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { createOutboxSlackNotifier } from "../../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import type { ChatNotifier } from "../../../src/domain/ports/chat.ts";
import type { ScheduleStore } from "../../../src/domain/ports/schedule-store.ts";
import { createScheduleRunner } from "../../../src/services/schedule/create-schedule-runner.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";
import { createSlackWorkspace } from "../../fakes/slack-double/create-slack-workspace.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createEmbeddedDataDir } from "../../support/embedded-data-dir.ts";
import { runDubanProcess } from "../../support/run-duban-process.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/**
 * A reminder round killed at each point of a send — before the claim, after the claim (the request never left),
 * after Slack's answer (the row never marked) — and restarted: every contact has the reminder exactly once.
 */

const CONTACTS = Array.from({ length: 6 }, (_, n) => ({ id: `U0KILL000${n}`, name: `联络员${n}` }));
/** Friday 2026-11-20 09:30: November's first reminder. */
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");
const later = (ms: number) => new Date(FIRST_REMINDER.getTime() + ms);
/** Past the in-doubt time (15 minutes): a claim this old cannot still be in flight. */
const AFTER_IN_DOUBT = 16 * 60_000;
/** The dying process reaches its kill point in well under a second, but a busy CI machine may take far longer. */
const POLL = { timeout: 30_000 };
const hang = () => new Promise<never>(() => {});

function workspace() {
  return createSlackWorkspace({
    users: CONTACTS.map((c) => ({ id: c.id, name: c.id.toLowerCase(), realName: c.name, locale: "zh-CN" })),
  });
}

/** The reminders each contact has in their DM with the bot (top-level messages). */
function remindersPerContact(double: SlackDouble): number[] {
  return CONTACTS.map(
    (contact) =>
      double
        .messages(contact.id)
        .filter((message) => message.threadTs === undefined && message.text?.includes("报送提醒")).length,
  );
}

async function prepare(db: TestDatabase): Promise<ScheduleFixture> {
  const fixture = await createScheduleFixture(
    db,
    smallPlanWith({ cycle: "monthly", dueDay: 25 }),
    "2026-11-20T01:00:00.000Z",
  );
  for (const contact of CONTACTS)
    await fixture.makeContact(slackUser(contact.id, contact.name), "市农业农村局");
  return fixture;
}

describe.each(testDatabaseTargets())("exactly once across crashes (%s)", (target) => {
  let double: SlackDouble;
  let fixture: ScheduleFixture;
  // the runners' clock, and Slack's: message ts and claim times on one clock, whatever the machine's date
  const clock = createSettableClock(FIRST_REMINDER.toISOString());

  /** A process: its own runner (owner), the outbox client to the double, optionally wrapped to die. */
  function dubanProcess(
    owner: string,
    wrap: {
      notifier?: (real: ChatNotifier) => ChatNotifier;
      schedules?: (real: ScheduleStore) => ScheduleStore;
    } = {},
  ) {
    const client = createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });
    const notifier = createOutboxSlackNotifier(client);
    const schedules = createPrismaScheduleStore(fixture.db.prisma);
    return createScheduleRunner({
      store: createPrismaSupervisionStore(fixture.db.prisma),
      schedules: wrap.schedules ? wrap.schedules(schedules) : schedules,
      notifier: wrap.notifier ? wrap.notifier(notifier) : notifier,
      digestPublisher: createSlackDigestPublisher(client),
      calendar: fixture.calendar,
      clock,
      owner,
      tuning: { lookBackDays: 1, tellAdminsOfMissingNotice: false }, // counts reminders only
    });
  }

  beforeAll(async () => {
    double = await startSlackDouble({ workspace: workspace(), now: () => clock.now().getTime() });
    fixture = await prepare(await createTestDatabase(target));
  }, 60_000);
  beforeEach(async () => {
    double.reset();
    await fixture.db.prisma.reminder.deleteMany({});
    await fixture.db.prisma.jobRun.deleteMany({});
  });
  afterAll(async () => {
    await double?.close();
    await fixture?.db.drop();
  });

  it("killed before the claim: the restarted process sends each reminder once", async () => {
    const dying = dubanProcess("process-a", {
      schedules: (real) => ({ ...real, claimNextGroup: () => hang() }),
    });
    void dying.runDue(FIRST_REMINDER);
    await expect.poll(() => fixture.db.prisma.reminder.count(), POLL).toBe(CONTACTS.length); // the round is queued (one task each)
    expect(double.calls("chat.postMessage")).toEqual([]);
    await dubanProcess("process-b").runDue(later(60_000));
    expect(remindersPerContact(double)).toEqual(CONTACTS.map(() => 1));
  });

  it("killed after the claim, before the request left: sent again once its claim is old, and only then", async () => {
    let calls = 0;
    const dying = dubanProcess("process-a", {
      notifier: (real) => ({
        ...real,
        sendDirectMessage: (...args) => (++calls === 3 ? hang() : real.sendDirectMessage(...args)),
      }),
    });
    void dying.runDue(FIRST_REMINDER);
    await expect.poll(() => calls, POLL).toBe(3);
    const restarted = dubanProcess("process-b");
    await restarted.runDue(later(60_000));
    expect(remindersPerContact(double).sort()).toEqual([0, 1, 1, 1, 1, 1]); // one in doubt: it may be on its way
    const report = await restarted.deliverOutbox(later(AFTER_IN_DOUBT));
    expect(report.reconciled).toEqual({ found: 0, resent: 1, unsettled: 0 });
    expect(remindersPerContact(double)).toEqual(CONTACTS.map(() => 1));
    // the look-up read the DM's history with the metadata
    expect(double.calls("conversations.history").at(-1)?.args).toMatchObject({
      include_all_metadata: "true",
    });
    expect((await createPrismaScheduleStore(fixture.db.prisma).countOutbox()).inDoubt).toBe(0);
  });

  it("killed after Slack's answer, before the row was marked: found by its key, never sent twice", async () => {
    let calls = 0;
    const dying = dubanProcess("process-a", {
      notifier: (real) => ({
        ...real,
        sendDirectMessage: async (...args) => {
          const ref = await real.sendDirectMessage(...args);
          return ++calls === 3 ? hang() : ref;
        },
      }),
    });
    void dying.runDue(FIRST_REMINDER);
    await expect.poll(() => calls, POLL).toBe(3);
    const restarted = dubanProcess("process-b");
    await restarted.runDue(later(60_000));
    const report = await restarted.deliverOutbox(later(AFTER_IN_DOUBT));
    expect(report.reconciled).toEqual({ found: 1, resent: 0, unsettled: 0 });
    expect(report.sent).toBe(0);
    expect(remindersPerContact(double)).toEqual(CONTACTS.map(() => 1));
    const counts = await createPrismaScheduleStore(fixture.db.prisma).countOutbox();
    expect([counts.inDoubt, counts.reconciledFound]).toEqual([0, 1]);
  });
});

describe.each(testDatabaseTargets())("exactly once after a real kill -9 (%s)", (target) => {
  let double: SlackDouble;
  let dataDir: string | undefined;
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    // Slack stamps messages at the round's time, as the child's clock (RUN_AT) dates its claims
    double = await startSlackDouble({ workspace: workspace(), now: () => FIRST_REMINDER.getTime() });
  });
  afterAll(async () => {
    await double?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The database, prepared, as the child will open it: PostgreSQL by URL, the embedded one by its directory. */
  async function openShared(): Promise<TestDatabase> {
    if (target === "postgres") return createTestDatabase(target);
    dataDir ??= await createEmbeddedDataDir("migrated");
    const opened = await openDatabase({ databaseUrl: undefined, dataDir }, "exactly-once test");
    await prepareSchema(opened, { autoMigrate: true });
    return { target, prisma: opened.prisma, adapterFactory: opened.adapterFactory, drop: opened.close };
  }

  it("a child killed between Slack's answer and the mark: after restart every contact has it once", async () => {
    db = await openShared();
    await prepare(db);
    const childEnv = {
      ...(db.url ? { DATABASE_URL: db.url } : { DUBAN_DATA_DIR: dataDir }),
      SLACK_API_URL: double.apiUrl,
      SLACK_BOT_TOKEN: double.workspace.bot.token,
      RUN_AT: FIRST_REMINDER.toISOString(),
      KILL_AFTER_ANSWERS: "2",
    };
    if (target === "pglite") {
      await db.drop(); // the embedded database belongs to one process at a time: the child's now
      db = undefined;
    }
    const child = runDubanProcess(["tests/support/outbox-child.ts"], childEnv);
    await child.waitFor("ANSWERED", 60_000);
    child.child.kill("SIGKILL");
    expect(await child.exited).toBeNull(); // killed, not finished
    expect(child.output()).not.toContain("FINISHED");
    const restarted = db ?? (await openShared());
    db = restarted;
    const clock = createSettableClock(later(AFTER_IN_DOUBT).toISOString());
    const client = createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });
    const runner = createScheduleRunner({
      store: createPrismaSupervisionStore(restarted.prisma),
      schedules: createPrismaScheduleStore(restarted.prisma),
      notifier: createOutboxSlackNotifier(client),
      digestPublisher: createSlackDigestPublisher(client),
      calendar: await loadWorkingDayCalendar(),
      clock,
      owner: "restarted",
      tuning: { lookBackDays: 1, tellAdminsOfMissingNotice: false }, // counts reminders only
    });
    const report = await runner
      .runDue(later(AFTER_IN_DOUBT))
      .then(() => runner.deliverOutbox(later(AFTER_IN_DOUBT)));
    expect(remindersPerContact(double)).toEqual(CONTACTS.map(() => 1));
    const counts = await createPrismaScheduleStore(restarted.prisma).countOutbox();
    expect([counts.inDoubt, counts.reconciledFound > 0, counts.pending]).toEqual([0, true, 0]);
    expect(report.sent).toBe(0);
  }, 120_000);
});
