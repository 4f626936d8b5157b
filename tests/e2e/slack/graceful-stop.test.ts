import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/open-database.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver } from "../../fakes/slack-driver.ts";
import { freePort } from "../../support/free-port.ts";
import {
  createNanyangProcessDatabase,
  type NanyangProcessDatabase,
} from "../../support/nanyang-process-database.ts";
import { runDubanProcess } from "../../support/run-duban-process.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { CONTACT, SUPERVISOR } from "./support/start-slack-e2e.ts";

/** Concurrent senders of the reply stream, and how many 200s before SIGTERM. */
const SENDERS = 4;
const STOP_AFTER_ACKS = 30;
/** The limit for a clean stop. */
const STOP_WITHIN_MS = 10_000;
/** The process's clock (DUBAN_CLOCK): the Friday before the Nanyang tasks' monthly report is due. */
const DUBAN_CLOCK = "2026-11-20T10:00:00+08:00";

interface Reply {
  eventId: string;
  acked: boolean;
}

/**
 * SIGTERM to the real process (npm start's src/main.ts, a child) while signed thread replies stream in over
 * Bolt's HTTP receiver: it stops taking requests, finishes those it took (for up to STOP_GRACE_MS), exits 0
 * within 10 s, and every reply that got a 200 is stored: as its progress report, or (when Slack's rate limit held
 * its receipt past the grace period) in the inbox, unprocessed, for the next start.
 */
describe.each(testDatabaseTargets())("a clean stop on SIGTERM, on %s", (target) => {
  let double: SlackDouble;
  let database: NanyangProcessDatabase;
  let env: NodeJS.ProcessEnv;
  const settings = () => database.settings();

  beforeAll(async () => {
    database = await createNanyangProcessDatabase(target, "duban-stop");
    double = await startSlackDouble();
    double.setLatency(100); // processing outlasts the ack: replies are in flight when the signal comes
    const { workspace } = double;
    env = {
      SLACK_BOT_TOKEN: workspace.bot.token,
      SLACK_SIGNING_SECRET: workspace.signingSecret,
      SLACK_API_URL: double.apiUrl,
      DUBAN_ADMINS: SUPERVISOR,
      DUBAN_CLOCK,
      LOG_LEVEL: "info",
      ...database.env(),
    };
  }, 120_000);
  afterAll(async () => {
    await double?.close();
    await database?.remove();
  });

  it("every reply acknowledged with 200 is stored and the process exits 0 within 10 s", async () => {
    const port = await freePort();
    const duban = runDubanProcess(["dist/main.js"], { ...env, PORT: String(port) });
    await duban.waitFor(`Slack front end listening on :${port}`);
    const driver = createSlackDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      workspace: double.workspace,
      double,
    });
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
    let signalledAt: number | null = null;
    let exited = false;
    void duban.exited.then(() => {
      exited = true;
    });
    const sender = async () => {
      while (!exited) {
        const n = ++next;
        const ts = double.nextTs();
        const text = `（一）推进中，第 ${n} 次报送`;
        double.addUserMessage({ channel, user: CONTACT, text, ts });
        const body = { type: "message", user: CONTACT, text, ts, channel, channel_type: "im", event_ts: ts };
        const reply: Reply = { eventId: `EvSTOP${n}`, acked: false };
        replies.push(reply);
        try {
          const response = await driver.event(body, { eventId: reply.eventId });
          reply.acked = response.status === 200;
        } catch {
          reply.acked = false; // refused or cut: Slack saw no 200 and would deliver it again
          await sleep(20);
        }
        if (reply.acked && ++acks >= STOP_AFTER_ACKS && signalledAt === null) {
          signalledAt = performance.now();
          duban.child.kill("SIGTERM");
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    const code = await duban.exited;
    const stoppedAfterMs = performance.now() - (signalledAt ?? 0);
    expect(signalledAt).not.toBeNull();
    expect(code, duban.output().slice(-4000)).toBe(0);
    expect(stoppedAfterMs).toBeLessThan(STOP_WITHIN_MS);
    expect(duban.output()).toContain('"msg":"stopped"');

    const acked = replies.filter((reply) => reply.acked).map((reply) => reply.eventId);
    expect(acked.length).toBeGreaterThanOrEqual(STOP_AFTER_ACKS);
    const db = await openDatabase(settings(), "test");
    try {
      const reports = await db.prisma.progressReport.findMany({
        where: { chatEventId: { startsWith: "EvSTOP" } },
        select: { chatEventId: true },
      });
      const stored = new Set(reports.map((report) => report.chatEventId));
      // what the stop could not finish in time (receipts held by Slack's rate limit) waits in the inbox, unprocessed,
      // for the next start to process (tests/e2e/slack/inbox-crash.test.ts proves that part)
      const waiting = await db.prisma.inboxEntry.findMany({
        where: { processedAt: null, key: { startsWith: "event:EvSTOP" } },
        select: { key: true },
      });
      const kept = new Set(waiting.map((entry) => entry.key.slice("event:".length)));
      expect(acked.filter((eventId) => !stored.has(eventId) && !kept.has(eventId))).toEqual([]);
      expect(stored.size).toBeGreaterThan(0);
      // and it held no firing claim when it went
      expect(await db.prisma.jobRun.count({ where: { finishedAt: null } })).toBe(0);
    } finally {
      await db.close();
    }
  }, 120_000);
});
