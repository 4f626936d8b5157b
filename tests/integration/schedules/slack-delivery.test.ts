import { setTimeout } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestThreadMessages } from "../../../src/adapters/slack/blocks/digest-blocks.ts";
import { createOutboxSlackNotifier } from "../../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import { readPlanSchedule } from "../../../src/domain/supervision/plan-schedule.ts";
import { buildWeeklyDigest } from "../../../src/services/schedule/build-weekly-digest.ts";
import type { ScheduleRunner } from "../../../src/services/schedule/create-schedule-runner.ts";
import { expectEveryCallAccepted } from "../../e2e/slack/support/expect-every-call-accepted.ts";
import { createSlackWorkspace } from "../../fakes/slack-double/create-slack-workspace.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const CONTACTS = Array.from({ length: 6 }, (_, n) => ({
  id: `U0CONT${String(n).padStart(4, "0")}`,
  name: `联络员${n}`,
}));
/** Friday 2026-11-20 09:30: November's first reminder. */
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");
const later = (ms: number) => new Date(FIRST_REMINDER.getTime() + ms);

describe.each(testDatabaseTargets())("scheduled delivery to the Slack double (%s)", (target) => {
  let fixture: ScheduleFixture;
  let double: SlackDouble;
  let runner: ScheduleRunner;
  const waits: number[] = [];

  beforeAll(async () => {
    const users = CONTACTS.map((c) => ({
      id: c.id,
      name: c.id.toLowerCase(),
      realName: c.name,
      locale: "zh-CN",
    }));
    double = await startSlackDouble({ workspace: createSlackWorkspace({ users }) });
    double.inviteBot("C0DUBANSUP");
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(
      db,
      smallPlanWith({ cycle: "monthly", dueDay: 25 }),
      "2026-11-20T01:00:00.000Z",
    );
    for (const contact of CONTACTS)
      await fixture.makeContact(slackUser(contact.id, contact.name), "市农业农村局");
    const client = createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    runner = fixture.runner({
      notifier: createOutboxSlackNotifier(client),
      publisher: createSlackDigestPublisher(client, { defaultChannel: "C0DUBANSUP", sleep }),
      tuning: { lookBackDays: 1 },
    });
  }, 60_000);
  afterAll(async () => {
    await double?.close();
    await fixture?.db.drop();
  });

  it("waits out a real 429's Retry-After on that DM, from when it arrived, and delivers each DM once", async () => {
    double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 2 });
    await runner.runDue(FIRST_REMINDER);
    const [refused, ...others] = double.calls("chat.postMessage");
    expect([refused?.status, others.length]).toEqual([429, CONTACTS.length - 1]); // the other DMs went on
    const early = await runner.deliverOutbox(later(1_999));
    expect([early.sent, double.calls("chat.postMessage").length]).toEqual([0, CONTACTS.length]);
    const report = await runner.deliverOutbox(later(2_000));
    expect(report.sent).toBe(1);
    const retried = double.calls("chat.postMessage").at(-1);
    expect(retried?.args.channel).toBe(refused?.args.channel);
    expectEveryCallAccepted(double, { rateLimited: 1 });
    for (const contact of CONTACTS) {
      const [message, ...more] = double.messages(contact.id);
      expect(more).toEqual([]);
      expect(message?.text).toContain("报送提醒：2026年11月");
      expect(JSON.stringify(message?.blocks)).toContain("duban.snooze");
      // the outbox key rides along in the message's metadata (for reconciling after a crash)
      expect(message?.metadata).toMatchObject({ event_type: "duban_outbox_message" });
    }
  });

  it("maps a reply in the reminder's thread to its task", async () => {
    const [message] = double.messages(CONTACTS[0]?.id);
    const taskIds = await fixture.store.findTaskIdsOfMessage(message?.channel ?? "", message?.ts ?? "");
    expect(taskIds).toHaveLength(1);
  });

  it("posts the weekly digest in the channel with its lists in the thread; a 429 on it posts nothing", async () => {
    const since = double.calls().length;
    const monday = new Date("2026-11-23T01:00:00.000Z");
    double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 3 });
    await runner.runDue(monday); // the main message is refused: nothing posted, retried after Retry-After
    expect(double.messages("C0DUBANSUP")).toEqual([]);
    await runner.deliverOutbox(new Date(monday.getTime() + 3_000));
    const [main, ...thread] = double.messages("C0DUBANSUP");
    expect(main?.text).toContain("督办周报");
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((part) => part.threadTs === main?.ts)).toBe(true);
    expectEveryCallAccepted(double, { since, rateLimited: 1 });
  });

  it("waits out the channel's 1 message per second in the digest's thread (Retry-After)", async () => {
    double.reset();
    double.inviteBot("C0DUBANSUP");
    double.rateLimits.enforce({ postMessagePerChannelPerSecond: 1 });
    const client = createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });
    const sleep = async (ms: number) => {
      waits.push(ms);
      await setTimeout(ms);
    };
    const directory = await fixture.store.readPlanDirectory();
    if (directory === null) throw new Error("no plan");
    const digest = await buildWeeklyDigest(fixture.store, {
      directory,
      schedule: readPlanSchedule(directory.schedule),
      calendar: fixture.calendar,
      now: new Date("2026-11-23T01:00:00.000Z"),
      locale: "zh",
    });
    const refs = await createSlackDigestPublisher(client, { sleep }).publish("C0DUBANSUP", digest);
    expect(refs.length).toBe(1 + digestThreadMessages(digest).length);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 1_000)).toBe(true);
    const refused = double.calls("chat.postMessage").filter((call) => call.status === 429).length;
    expectEveryCallAccepted(double, { rateLimited: refused });
    double.rateLimits.clear();
  }, 20_000);
});
