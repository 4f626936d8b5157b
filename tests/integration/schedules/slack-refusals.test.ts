import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOutboxSlackNotifier } from "../../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import type { ScheduleLogger } from "../../../src/services/schedule/schedule-runner-deps.ts";
import { createSlackWorkspace } from "../../fakes/slack-double/create-slack-workspace.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const CONTACTS = Array.from({ length: 3 }, (_, n) => ({ id: `U0REFUSE0${n}`, name: `联络员${n}` }));
const SUPERVISOR = { id: "U0REFUSESV", name: "督查员" };
/** Friday 2026-11-20 09:30: November's first reminder. */
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");
const later = (ms: number) => new Date(FIRST_REMINDER.getTime() + ms);

describe.each(testDatabaseTargets())("when Slack refuses for good (%s)", (target) => {
  let fixture: ScheduleFixture;
  let double: SlackDouble;
  const logged: Array<{ level: string; message: string }> = [];
  const logger: ScheduleLogger = {
    info: () => {},
    warn: (_fields, message) => logged.push({ level: "warn", message }),
    error: (_fields, message) => logged.push({ level: "error", message }),
  };
  /** A runner as `npm start` builds it: a new process (its own member list, read on its first DM). */
  const runner = () => {
    const client = createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });
    return fixture.runner({
      notifier: createOutboxSlackNotifier(client),
      publisher: createSlackDigestPublisher(client),
      tuning: { lookBackDays: 1 },
      logger,
    });
  };
  const remindersTo = (user: string) =>
    double.messages(user).filter((message) => message.text?.includes("报送提醒")).length;

  beforeAll(async () => {
    const users = [...CONTACTS, SUPERVISOR].map((u) => ({
      id: u.id,
      name: u.id.toLowerCase(),
      realName: u.name,
    }));
    double = await startSlackDouble({ workspace: createSlackWorkspace({ users }) });
    fixture = await createScheduleFixture(
      await createTestDatabase(target),
      smallPlanWith({ cycle: "monthly", dueDay: 25 }),
      "2026-11-20T01:00:00.000Z",
    );
    for (const contact of CONTACTS)
      await fixture.makeContact(slackUser(contact.id, contact.name), "市农业农村局");
    await fixture.makeSupervisor(slackUser(SUPERVISOR.id, SUPERVISOR.name));
  }, 60_000);
  beforeEach(async () => {
    double.reset();
    logged.length = 0;
    await fixture.db.prisma.reminder.deleteMany({});
    await fixture.db.prisma.jobRun.deleteMany({});
  });
  afterAll(async () => {
    await double?.close();
    await fixture?.db.drop();
  });

  it("closes a deactivated contact's reminder instead of retrying it, and tells the supervisors once", async () => {
    const [gone, ...others] = CONTACTS;
    double.deactivateUser(gone?.id ?? "");
    const first = runner();
    await first.runDue(FIRST_REMINDER);
    expect(remindersTo(gone?.id ?? "")).toBe(0); // Slack would have taken it, into a DM nobody reads
    for (const other of others) expect(remindersTo(other.id)).toBe(1);
    const closed = await fixture.db.prisma.reminder.findMany({
      where: { recipient: { externalId: gone?.id } },
    });
    expect(closed.map((row) => [row.sentAt, row.closedAt !== null, row.lastError])).toEqual([
      [null, true, `the chat account ${gone?.id} is deactivated`],
    ]);
    const notices = () =>
      double
        .messages(SUPERVISOR.id)
        .filter((message) => JSON.stringify(message.blocks).includes("Slack 账号已停用"));
    expect(notices()).toHaveLength(1);
    expect(JSON.stringify(notices()[0]?.blocks)).toContain("市农业农村局 需要新的联络员");
    // the next rung, and another process: still no reminder to them, and nobody told twice
    await runner().runDue(new Date("2026-11-25T01:30:00.000Z"));
    expect(remindersTo(gone?.id ?? "")).toBe(0);
    expect(notices()).toHaveLength(1);
  });

  it("pauses delivery when the token is revoked, says what to do once, stays up, and resumes when it works", async () => {
    double.refuseToken("token_revoked");
    const running = runner();
    await running.runDue(FIRST_REMINDER);
    await running.deliverOutbox(later(10 * 60_000));
    await running.deliverOutbox(later(20 * 60_000));
    const errors = logged.filter((line) => line.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(
      "Slack refused Duban's bot token (token_revoked): reinstall the app",
    );
    expect(CONTACTS.map((c) => remindersTo(c.id))).toEqual([0, 0, 0]);
    const queued = await fixture.db.prisma.reminder.findMany({ where: { kind: "first" } });
    expect(queued.every((row) => row.sentAt === null && row.closedAt === null && row.attempts === 0)).toBe(
      true,
    );
    double.reset(); // the app reinstalled with the same token: Slack answers again
    await running.deliverOutbox(later(30 * 60_000));
    expect(CONTACTS.map((c) => remindersTo(c.id))).toEqual([1, 1, 1]);
  });
});
