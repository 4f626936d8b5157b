import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import type { RunningCronSchedule } from "../../../src/adapters/scheduler/start-cron-schedule.ts";
import { composeCore } from "../../../src/app/compose-core.ts";
import { startSchedules } from "../../../src/app/start-schedules.ts";
import { DEFAULT_SCHEDULE_TUNING } from "../../../src/services/schedule/schedule-runner-deps.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { CONTACT, type SlackE2e, SUPERVISOR, startSlackE2e } from "./support/start-slack-e2e.ts";

/**
 * "Nothing lost on failure" on Slack: a 催办 DM that Slack refuses when the supervisor urges is kept in the
 * outbox, the supervisor is told it is queued, and the schedule runner that starts beside the Slack front end
 * (`npm start`) delivers it once.
 */
describe.each(testDatabaseTargets())("a 催办 DM Slack refuses now is sent once, later (%s)", (target) => {
  let e: SlackE2e;
  let schedules: RunningCronSchedule | null = null;
  const text = (value: unknown) => JSON.stringify(value);
  const urges = () =>
    e.double
      .messages(e.double.dmChannelId(CONTACT))
      .filter((message) => message.botId !== undefined && message.text?.startsWith("催办：市农业农村局"));

  /** The schedule runner `npm start` starts beside the Slack front end, its Web API calls aimed at the double. */
  const startDubanSchedules = async () =>
    startSchedules({
      env: {
        SLACK_BOT_TOKEN: e.double.workspace.bot.token,
        SLACK_API_URL: e.double.apiUrl,
        DUBAN_DIGEST_CHANNEL: undefined,
        TZ: "Asia/Shanghai",
      },
      core: await composeCore(e.db.prisma),
      clock: e.clock, // the front end's clock, which dated the outbox rows' next attempt
      logger: createLogger({
        level: "silent",
        format: "json",
        destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
      }),
    });

  beforeAll(async () => {
    e = await startSlackE2e(target);
    const assigned = await e.driver.slashCommand({
      user: SUPERVISOR,
      text: `assign 市农业农村局 <@${CONTACT}|li.na> 联络员`,
    });
    expect(assigned.status).toBe(200);
    await e.slack.idle();
  });
  afterAll(async () => {
    await schedules?.stop();
    await e?.close();
  });

  it("tells the supervisor the DM is queued, then the schedule runner delivers it exactly once", async () => {
    const dm = e.double.dmChannelId(CONTACT);
    e.double.errors.failNext(1, { method: "chat.postMessage", channel: dm, error: "internal_error" });
    const mark = e.double.calls().length;
    const sent = await e.driver.slashCommand({ user: SUPERVISOR, text: "remind 市农业农村局" });
    expect(sent.status).toBe(200);
    await e.slack.idle();
    const path = new URL(sent.responseUrl).pathname;
    const [summary] = e.double
      .calls("response_url")
      .filter((call) => call.path === path)
      .map((call) => call.args);
    expect(text(summary)).toContain("已送达 0 位；1 位暂未送达，已排队自动重发（只发一次）：李娜");
    const posts = e.double
      .calls("chat.postMessage")
      .filter((call) => e.double.calls().indexOf(call) >= mark)
      .map((call) => (call.response as { error?: string } | null)?.error ?? "ok");
    expect(posts).toEqual(["internal_error"]); // the DM Slack refused, not retried by the front end
    expect(urges()).toEqual([]);
    const queued = await e.db.prisma.reminder.findMany({ where: { kind: "urge" } });
    expect(queued.length).toBe(7); // 市农业农村局 leads 7 measures
    expect(queued.every((row) => row.sentAt === null && row.lastError?.includes("internal_error"))).toBe(
      true,
    );

    // Duban with the schedule, as `npm start` runs it on Slack, once the retry is due (DEFAULT_SCHEDULE_TUNING's
    // first backoff): the start-up pass drains the outbox.
    e.clock.advance(DEFAULT_SCHEDULE_TUNING.baseRetryMs);
    schedules = await startDubanSchedules();
    await schedules?.caughtUp;
    const [urge, ...more] = urges();
    expect(more).toEqual([]);
    expect(text(urge?.blocks)).toContain("duban.report");
    const rows = await e.db.prisma.reminder.findMany({ where: { kind: "urge" } });
    expect(
      rows.every((row) => row.sentAt !== null && row.chatChannel === dm && row.chatTs === urge?.ts),
    ).toBe(true);

    // Another process starting later sends nothing again.
    await schedules?.stop();
    schedules = await startDubanSchedules();
    await schedules?.caughtUp;
    expect(urges()).toHaveLength(1);
  });

  it("waits out a 429 on an immediate DM (Bolt's client) from when it arrived: the retry comes Retry-After later", async () => {
    const dm = e.double.dmChannelId(CONTACT);
    e.clock.advance(60_000); // another urge than the first test's (its key has the time in it)
    e.double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 1 });
    const mark = e.double.calls().length;
    const sent = await e.driver.slashCommand({ user: SUPERVISOR, text: "remind 市农业农村局" });
    expect(sent.status).toBe(200);
    await e.slack.idle();
    const posts = e.double
      .calls()
      .slice(mark)
      .filter((call) => call.method === "chat.postMessage");
    expect(posts.map((call) => call.status)).toEqual([429, 200]);
    // the request log's own clock: the retry to the same channel no sooner than Retry-After after the 429
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(posts[1]?.response).toMatchObject({ channel: dm });
    expect(posts[1]?.args.metadata).toMatchObject({ event_type: "duban_outbox_message" });
  });
});
