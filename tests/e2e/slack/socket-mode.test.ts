import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaPlanStore } from "../../../src/adapters/db/prisma-plan-store.ts";
import { loadWorkflowFile } from "../../../src/adapters/files/load-workflow-file.ts";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { startSlackFrontEnd } from "../../../src/adapters/slack/start-slack-front-end.ts";
import { composeCore } from "../../../src/app/compose-core.ts";
import { loadWorkflow } from "../../../src/services/plans/load-workflow.ts";
import type { JsonObject } from "../../fakes/slack-double/json-object.ts";
import { startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSilentLogger } from "../../support/create-silent-logger.ts";
import { SEEDED_TASKS_TRACKED_SINCE } from "../../support/database-templates.ts";
import { NANYANG_WORKFLOW } from "../../support/supervision-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";
import { CONTACT, type SlackE2e, SUPERVISOR, startSlackE2e } from "./support/start-slack-e2e.ts";

const [target] = testDatabaseTargets(); // the transport is under test here; the core runs on both in slack-bot.test.ts

/**
 * SLACK_APP_TOKEN set: Duban connects to Slack over Socket Mode (no public HTTP endpoint, as on an intranet
 * that reaches Slack only outwards). The double runs Socket Mode as Slack does: apps.connections.open with the
 * app-level token, a WebSocket, envelopes acked by envelope_id within 3 seconds.
 */
describe("the Slack bot over Socket Mode (SLACK_APP_TOKEN)", () => {
  let e: SlackE2e;

  beforeAll(async () => {
    e = await startSlackE2e(target ?? "pglite", { socketMode: true });
    await e.double.socketMode.connected();
  });
  afterAll(async () => {
    await e?.close();
  });

  const text = (value: unknown) => JSON.stringify(value);
  const dm = (user: string) => e.double.dmChannelId(user);

  async function command(user: string, commandText: string) {
    const sent = await e.driver.slashCommand({ user, text: commandText });
    expect(sent.status).toBe(200); // acked over the socket within 3 s
    await e.slack.idle();
    const path = new URL(sent.responseUrl).pathname;
    return e.double
      .calls("response_url")
      .filter((call) => call.path === path)
      .map((call) => call.args);
  }

  it("connects with the app-level token through SLACK_API_URL, and listens on no HTTP port", () => {
    const [open] = e.double.calls("apps.connections.open");
    expect(open?.token).toBe(e.double.socketMode.appToken);
    expect(open?.response).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\//),
    });
    expect(e.double.socketMode.connections()).toBe(1);
    expect(e.slack.port).toBeNull();
  });

  it("answers slash commands, urges, button clicks, modal submissions and thread replies through envelopes", async () => {
    const [help] = await command(SUPERVISOR, "help");
    expect(text(help)).toContain("/duban");
    await command(SUPERVISOR, "assign 市农业农村局 <@U0CONTACT1|li.na> 联络员");
    const [summary] = await command(SUPERVISOR, "remind 市农业农村局");
    expect(text(summary)).toContain("市农业农村局：李娜");
    const urge = e.double
      .messages(dm(CONTACT))
      .filter((message) => message.botId !== undefined && message.threadTs === undefined)
      .at(-1);
    expect(urge?.text).toMatch(/^催办/);
    if (urge === undefined) return;

    // the report button -> the modal (interactive envelope, then views.open with its trigger_id)
    const task = await e.db.prisma.task.findFirstOrThrow({
      where: { departmentId: "city-agriculture", measure: { number: 2 } },
    });
    const click = await e.driver.blockAction({
      user: CONTACT,
      actionId: "duban.report",
      value: text({ task: task.id }),
      message: urge,
    });
    expect(click.status).toBe(200);
    await e.slack.idle();
    const modal = e.double.openModal(CONTACT)?.view as JsonObject;
    expect(text(modal)).toContain("积极拓宽安置点所在地农产品销售渠道");

    // an invalid form: the errors come back in the ack's payload, as Socket Mode carries them
    const invalid = await e.driver.viewSubmission({
      user: CONTACT,
      view: modal,
      values: { status: "in_progress", percent: "160", done: "" },
    });
    expect(invalid.status).toBe(200);
    expect(invalid.json()).toMatchObject({ response_action: "errors" });
    expect(await e.db.prisma.progressReport.count({ where: { taskId: task.id } })).toBe(0);

    const submitted = await e.driver.viewSubmission({
      user: CONTACT,
      view: modal,
      values: { status: "in_progress", percent: "60", done: "举办农产品展销会 2 场" },
    });
    expect(submitted.status).toBe(200);
    await e.slack.idle();
    expect(await e.db.prisma.progressReport.findFirstOrThrow({ where: { taskId: task.id } })).toMatchObject({
      source: "MODAL",
      percent: 60,
    });

    // a free-text reply in the urge's thread (events_api envelope)
    const reply = await e.driver.message({
      user: CONTACT,
      text: "（一）完成80%，招商完成",
      threadTs: urge.ts,
    });
    expect(reply.status).toBe(200);
    await e.slack.idle();
    expect(await e.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: reply.ts } })).toMatchObject({
      source: "THREAD_REPLY",
      percent: 80,
      chatEventId: reply.eventId,
    });
    // Slack's retry of the same event (retry_attempt 1) stores nothing more
    const again = await e.driver.resend(reply, { retryNum: 1 });
    expect(again.status).toBe(200);
    await e.slack.idle();
    expect(await e.db.prisma.progressReport.count({ where: { chatTs: reply.ts } })).toBe(1);

    // every envelope was acked, and every Web API call Duban made was accepted
    const acked = new Set(e.double.socketMode.acks().map((ack) => ack.envelope_id));
    expect(e.double.socketMode.delivered()).toBe(8);
    expect(acked.size).toBe(8);
    expectEveryCallAccepted(e.double);
  });

  it("keeps working after Slack asks it to reconnect (refresh_requested)", async () => {
    const opened = e.double.calls("apps.connections.open").length;
    const connections = e.double.socketMode.opened();
    e.double.socketMode.requestRefresh();
    await expect
      .poll(() => e.double.calls("apps.connections.open").length, { timeout: 10_000 })
      .toBeGreaterThan(opened);
    // a new connection got its hello, and the one asked to refresh is gone
    await expect.poll(() => e.double.socketMode.opened(), { timeout: 10_000 }).toBe(connections + 1);
    await expect.poll(() => e.double.socketMode.connections(), { timeout: 10_000 }).toBe(1);
    await e.double.socketMode.connected();
    const [help] = await command(SUPERVISOR, "help");
    expect(text(help)).toContain("/duban");
  }, 30_000);
});

describe("Socket Mode start-up refusals", () => {
  it("an app token Slack refuses stops start-up with one line", async () => {
    const double = await startSlackDouble();
    const db = await createTestDatabase(target ?? "pglite");
    try {
      await loadWorkflow({
        workflow: await loadWorkflowFile(NANYANG_WORKFLOW),
        file: { path: NANYANG_WORKFLOW, hash: "e2e" },
        store: createPrismaPlanStore(db.prisma),
        dryRun: false,
        actor: "test",
        loadedAt: SEEDED_TASKS_TRACKED_SINCE,
      });
      const core = await composeCore(db.prisma);
      const start = (appToken: string) =>
        startSlackFrontEnd({
          env: {
            SLACK_BOT_TOKEN: double.workspace.bot.token,
            SLACK_SIGNING_SECRET: undefined,
            SLACK_APP_TOKEN: appToken,
            SLACK_API_URL: double.apiUrl,
            PORT: 3000,
            DUBAN_ADMINS: [SUPERVISOR],
            DUBAN_DIGEST_CHANNEL: undefined,
          },
          prisma: db.prisma,
          core,
          logger: createLogger({ level: "silent", format: "json" }),
          boltLogger: createSilentLogger(),
          port: 0,
        });
      await expect(start("xapp-1-A0DUBAN001-wrong")).rejects.toThrow(
        "Slack refused to start Duban (invalid_auth): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN",
      );
      expect(double.socketMode.connections()).toBe(0);
    } finally {
      await double.close();
      await db.drop();
    }
  });
});
