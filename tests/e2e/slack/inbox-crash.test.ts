import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/open-database.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver, type SlackDriver } from "../../fakes/slack-driver.ts";
import { freePort } from "../../support/free-port.ts";
import {
  createNanyangProcessDatabase,
  type NanyangProcessDatabase,
} from "../../support/nanyang-process-database.ts";
import { type DubanProcess, runDubanProcess } from "../../support/run-duban-process.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { CONTACT, SUPERVISOR } from "./support/start-slack-e2e.ts";

/** Concurrent senders of the reply stream, and how many 200s before the process is killed. */
const SENDERS = 4;
const KILL_AFTER_ACKS = 40;

interface Reply {
  n: number;
  eventId: string;
  body: Record<string, unknown>;
  /** Whether some delivery of it got a 200. */
  acked: boolean;
}

/**
 * `kill -9` of the real process (npm start's dist/main.js, a child) while signed thread replies stream in:
 * every reply that got a 200 is stored, none twice, once the process is started again; the replies Slack
 * would deliver again (no 200 seen) are stored once too.
 */
describe.each(testDatabaseTargets())("the inbox across kill -9 of the real process, on %s", (target) => {
  let double: SlackDouble;
  let database: NanyangProcessDatabase;
  let env: NodeJS.ProcessEnv;
  const settings = () => database.settings();

  beforeAll(async () => {
    // the Nanyang plan from the test templates, as if loaded now: the real process catches nothing up at start
    database = await createNanyangProcessDatabase(target, "duban-crash");
    const db = await openDatabase(settings(), "test");
    try {
      await db.prisma.$executeRaw`UPDATE "Plan" SET "createdAt" = now()`;
      await db.prisma.$executeRaw`UPDATE "Task" SET "createdAt" = now()`;
    } finally {
      await db.close();
    }
    double = await startSlackDouble();
    double.setLatency(150); // processing outlasts the ack: some replies are acknowledged, not yet processed
    const { workspace } = double;
    env = {
      SLACK_BOT_TOKEN: workspace.bot.token,
      SLACK_SIGNING_SECRET: workspace.signingSecret,
      SLACK_API_URL: double.apiUrl,
      DUBAN_ADMINS: SUPERVISOR,
      LOG_LEVEL: "info",
      ...database.env(),
    };
  }, 120_000);
  afterAll(async () => {
    await double?.close();
    await database?.remove();
  });

  async function start(): Promise<{ duban: DubanProcess; driver: SlackDriver }> {
    const port = await freePort();
    const duban = runDubanProcess(["dist/main.js"], { ...env, PORT: String(port) });
    await duban.waitFor(`Slack front end listening on :${port}`);
    const url = `http://127.0.0.1:${port}/slack/events`;
    return { duban, driver: createSlackDriver({ url, workspace: double.workspace, double }) };
  }

  it("every reply that got a 200 is stored once after a restart; so are those redelivered", async () => {
    let { duban, driver } = await start();
    const assigned = await driver.slashCommand({
      user: SUPERVISOR,
      text: "assign 市农业农村局 <@U0CONTACT1|li.na> 联络员",
    });
    expect(assigned.status).toBe(200);
    await double.waitForCall("response_url");

    const channel = double.dmChannelId(CONTACT);
    const replies: Reply[] = [];
    let next = 0;
    let acks = 0;
    let killed = false;
    const sender = async () => {
      while (!killed) {
        const n = ++next;
        const ts = double.nextTs();
        const text = `（一）推进中，第 ${n} 次报送`;
        double.addUserMessage({ channel, user: CONTACT, text, ts });
        const body = { type: "message", user: CONTACT, text, ts, channel, channel_type: "im", event_ts: ts };
        const reply: Reply = { n, eventId: `EvCRASH${n}`, body, acked: false };
        replies.push(reply);
        try {
          const response = await driver.event(body, { eventId: reply.eventId });
          reply.acked = response.status === 200;
        } catch {
          reply.acked = false; // the connection broke: Slack saw no 200 and delivers it again
        }
        if (reply.acked && ++acks >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          duban.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    expect(await duban.exited).toBeNull(); // killed by the signal, not exited
    const ackedBeforeKill = replies.filter((reply) => reply.acked).map((reply) => reply.eventId);
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    ({ duban, driver } = await start());
    const recovered = /"msg":"inbox: processed (\d+) request\(s\)/.exec(duban.output());
    expect(Number(recovered?.[1] ?? 0)).toBeGreaterThan(0);
    // Slack delivers again what it saw no 200 for, and may deliver again what it did (a late 200)
    for (const reply of replies) {
      if (reply.acked && reply.n % 10 !== 0) continue;
      const retry = {
        eventId: reply.eventId,
        retryNum: 1,
        retryReason: reply.acked ? "http_timeout" : "connection_failed",
      };
      const response = await driver.event(reply.body, retry);
      expect(response.status).toBe(200);
    }
    duban.child.kill("SIGTERM"); // a clean stop waits for the requests being processed
    expect(await duban.exited).toBe(0);

    const db = await openDatabase(settings(), "test");
    try {
      const reports = await db.prisma.progressReport.findMany({
        where: { chatEventId: { startsWith: "EvCRASH" } },
        select: { chatEventId: true },
      });
      const stored = reports.map((report) => report.chatEventId).sort();
      expect(stored).toEqual(replies.map((reply) => reply.eventId).sort());
      expect(await db.prisma.inboxEntry.count({ where: { processedAt: null } })).toBe(0);
    } finally {
      await db.close();
    }
    // a receipt each at most: a reply processed again after the restart is not answered twice
    // (posts Slack accepted: a post refused with a 429 and retried by the client is one message, not two)
    const receipts = double
      .calls("chat.postMessage")
      .filter((call) => (call.response as { ok?: boolean } | null)?.ok === true)
      .map((call) => JSON.stringify(call.args.blocks ?? ""));
    for (const reply of replies) {
      const mine = receipts.filter((blocks) => blocks.includes(`第 ${reply.n} 次报送`));
      expect(mine.length, `receipts for reply ${reply.n}`).toBeLessThanOrEqual(1);
    }
  }, 180_000);
});
