import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaScheduleStore } from "../../../src/adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { blockTextLength, MESSAGE_TEXT_BUDGET } from "../../../src/adapters/slack/blocks/message-budget.ts";
import { createOutboxSlackNotifier } from "../../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import { createScheduleRunner } from "../../../src/services/schedule/create-schedule-runner.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";
import { DIGEST_CHANNEL, type SlackE2e, SUPERVISOR, startSlackE2e } from "./support/start-slack-e2e.ts";

/** A blocker as people write them: 120 characters, with the characters mrkdwn must escape. */
const blocker = (n: number) =>
  `${n}号安置点：资金未到位，需协调市财政局、发展改革委和乡村振兴局解决配套设施建设用地审批问题<&>，`
    .repeat(3)
    .slice(0, 120);

/** `/duban <text>` through Bolt's real receiver, signed like Slack; what the supervisor was answered. */
async function command(e: SlackE2e, user: string, text: string): Promise<string> {
  const sent = await e.driver.slashCommand({ user, text });
  expect(sent.status).toBe(200);
  await e.slack.idle();
  const path = new URL(sent.responseUrl).pathname;
  return JSON.stringify(
    e.double
      .calls("response_url")
      .filter((call) => call.path === path)
      .map((call) => call.args),
  );
}

/** Makes the loaded plan's schedule name `channel` for its digest (whatever the workflow file says). */
async function useDigestChannel(e: SlackE2e, channel: string): Promise<void> {
  const plan = await e.db.prisma.plan.findFirstOrThrow({ select: { id: true, schedule: true } });
  const schedule = (plan.schedule ?? {}) as { digest?: object };
  await e.db.prisma.plan.update({
    where: { id: plan.id },
    data: { schedule: { ...schedule, digest: { ...schedule.digest, channel } } },
  });
}

const threadText = (e: SlackE2e, channel: string, mainTs: string | undefined) =>
  e.double
    .messages(channel)
    .filter((message) => message.threadTs === mainTs && message.ts !== mainTs && message.blocks)
    .map((message) => JSON.stringify(message.blocks))
    .join("\n");

describe.each(testDatabaseTargets())("the digest on Slack as it really behaves (%s)", (target) => {
  let e: SlackE2e;
  let departments: string[];

  beforeAll(async () => {
    e = await startSlackE2e(target);
    await useDigestChannel(e, DIGEST_CHANNEL);
    // 90 tasks reported 受阻 this cycle, each with a 120-character reason
    const tasks = await e.db.prisma.task.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const blocked = tasks.filter((_, index) => index % 13 === 0).slice(0, 90);
    expect(blocked).toHaveLength(90);
    const author = await e.db.prisma.person.create({
      data: { platform: "slack", externalId: "UREPORTER", displayName: "报送人", role: "CONTACT" },
    });
    const reportedAt = new Date("2026-11-19T02:00:00.000Z");
    await e.db.prisma.progressReport.createMany({
      data: blocked.map((task, n) => ({
        taskId: task.id,
        authorId: author.id,
        status: "BLOCKED" as const,
        done: "推进中",
        blocker: blocker(n),
        source: "CLI" as const,
        createdAt: reportedAt,
      })),
    });
    await e.db.prisma.task.updateMany({
      where: { id: { in: blocked.map((task) => task.id) } },
      data: { status: "BLOCKED", lastReportAt: reportedAt },
    });
    departments = (
      await e.db.prisma.department.findMany({ where: { tasks: { some: {} } }, select: { name: true } })
    ).map((department) => department.name);
  }, 120_000);
  afterAll(() => e?.close());

  it("posts every part, none refused, names all 308 departments and every blocked task", async () => {
    const mark = e.double.calls().length;
    const answer = await command(e, SUPERVISOR, "digest");
    expect(answer).toContain("周报已发布到");
    expectEveryCallAccepted(e.double, { since: mark });
    const main = e.double.messages(DIGEST_CHANNEL).find((message) => message.threadTs === undefined);
    const posts = e.double
      .calls("chat.postMessage")
      .slice(0)
      .filter((call) => call.args.channel === DIGEST_CHANNEL);
    expect(posts.length).toBeGreaterThanOrEqual(2); // the main message, then the thread
    for (const post of posts)
      expect(blockTextLength(post.args.blocks)).toBeLessThanOrEqual(MESSAGE_TEXT_BUDGET);
    const thread = threadText(e, DIGEST_CHANNEL, main?.ts);
    expect(departments).toHaveLength(308);
    const missing = departments.filter((name) => !thread.includes(name));
    expect(missing).toEqual([]);
    expect(thread).toContain("受阻任务（90）");
    // each of the 90 is listed, briefly: the start of its reason, escaped, and where the rest is
    expect(thread.match(/号安置点：资金未到位/g)?.length).toBe(90);
    expect(thread).toContain("每项仅列摘要");
    expect(thread).toContain("/duban export");
  }, 60_000);
  describe("a public digest channel the bot is not in: Duban joins it", () => {
    beforeAll(() => useDigestChannel(e, "#random"));

    it("joins with conversations.join, then posts once", async () => {
      const mark = e.double.calls().length;
      const answer = await command(e, SUPERVISOR, "digest");
      expect(answer).toContain("周报已发布到 C0NOBOTHER");
      const methods = e.double
        .calls()
        .slice(mark)
        .filter((call) => ["chat.postMessage", "conversations.join"].includes(call.method))
        .slice(0, 3)
        .map((call) => `${call.method} ${(call.response as { error?: string }).error ?? "ok"}`);
      expect(methods).toEqual([
        "chat.postMessage not_in_channel",
        "conversations.join ok",
        "chat.postMessage ok",
      ]);
      const mains = e.double.messages("C0NOBOTHER").filter((message) => message.threadTs === undefined);
      expect(mains).toHaveLength(1);
    });
  });

  describe("a private one: the supervisor is told what to do; the scheduled one waits, then goes out once", () => {
    beforeAll(() => useDigestChannel(e, "#duban-leaders"));

    it("/duban digest answers with one plain sentence, never Slack's raw error, and posts once invited", async () => {
      const mark = e.double.calls().length;
      const answer = await command(e, SUPERVISOR, "digest");
      expect(answer).toContain("请在 #duban-leaders 中输入 /invite @duban，然后重新发送周报");
      expect(answer).not.toMatch(/An API error|channel_not_found|not_in_channel/);
      const joins = e.double
        .calls()
        .slice(mark)
        .filter((call) => call.method === "conversations.join");
      expect(joins).toEqual([]); // a private channel cannot be joined
      e.double.inviteBot("#duban-leaders");
      expect(await command(e, SUPERVISOR, "digest")).toContain("周报已发布到 C0LEADERS1");
      expect(
        e.double.messages("C0LEADERS1").filter((message) => message.threadTs === undefined),
      ).toHaveLength(1);
    });

    it("a scheduled digest stays queued, the admins are told once by DM, and it goes out once Duban is in", async () => {
      e.double.reset(); // Duban out of the channel again, nothing posted
      const client = createOutboxWebClient({
        botToken: e.double.workspace.bot.token,
        apiUrl: e.double.apiUrl,
      });
      const runner = createScheduleRunner({
        store: createPrismaSupervisionStore(e.db.prisma),
        schedules: createPrismaScheduleStore(e.db.prisma),
        notifier: createOutboxSlackNotifier(client),
        digestPublisher: createSlackDigestPublisher(client),
        calendar: await loadWorkingDayCalendar(),
        clock: e.clock,
        tuning: { lookBackDays: 1, channelRetryMs: 60_000 },
      });
      const monday = new Date("2026-11-23T01:00:00.000Z"); // the W48 digest
      const [run] = await runner.runDue(monday);
      expect(run?.kind).toBe("digest");
      const adminDms = () =>
        e.double
          .messages(SUPERVISOR)
          .filter((message) => JSON.stringify(message.blocks).includes("/invite @duban"));
      expect(adminDms()).toHaveLength(1);
      expect(JSON.stringify(adminDms()[0]?.blocks)).toContain("督办加入后，周报会自动发出");
      await runner.deliverOutbox(new Date(monday.getTime() + 60_000)); // still not in: waits, nobody told twice
      expect(adminDms()).toHaveLength(1);
      expect(e.double.messages("C0LEADERS1")).toEqual([]);
      e.double.inviteBot("C0LEADERS1");
      const report = await runner.deliverOutbox(new Date(monday.getTime() + 120_000));
      expect(report.sent).toBe(1);
      const mains = e.double.messages("C0LEADERS1").filter((message) => message.threadTs === undefined);
      expect(mains).toHaveLength(1);
      expect(mains[0]?.text).toContain("督办周报");
      await runner.deliverOutbox(new Date(monday.getTime() + 600_000));
      expect(
        e.double.messages("C0LEADERS1").filter((message) => message.threadTs === undefined),
      ).toHaveLength(1);
    });
  });
});
