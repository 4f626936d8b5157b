import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTemporaryPostgresDatabase,
  type TemporaryPostgresDatabase,
} from "../../../src/adapters/db/temporary-postgres-database.ts";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { type RunningDuban, startDuban } from "../../../src/app/start-duban.ts";
import { parseEnv } from "../../../src/config/parse-env.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver } from "../../fakes/slack-driver.ts";
import { postgresTemplate } from "../../support/database-templates.ts";
import { freePort } from "../../support/free-port.ts";
import { FRIDAY_BEFORE_DUE } from "../../support/supervision-fixture.ts";
import { SUPERVISOR } from "../slack/support/start-slack-e2e.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("the web board beside /slack/events on PORT (HTTP mode, `npm start`)", () => {
  let database: TemporaryPostgresDatabase;
  let double: SlackDouble;
  let duban: RunningDuban;
  let port: number;

  beforeAll(async () => {
    const template = await postgresTemplate(serverUrl as string, "nanyang");
    database = await createTemporaryPostgresDatabase(serverUrl as string, "duban_web", { template });
    double = await startSlackDouble();
    port = await freePort();
    const env = parseEnv({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: double.workspace.bot.token,
      SLACK_SIGNING_SECRET: double.workspace.signingSecret,
      SLACK_API_URL: double.apiUrl,
      DUBAN_ADMINS: SUPERVISOR,
      PORT: String(port),
      LOG_LEVEL: "error",
    });
    const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
    duban = await startDuban(
      env,
      createLogger({ level: "error", format: "json", destination: quiet }),
      createSettableClock(FRIDAY_BEFORE_DUE),
    );
  }, 120_000);
  afterAll(async () => {
    await duban?.stop();
    await double?.close();
    await database?.drop();
  });

  it("answers /duban web with a link on PORT that signs the person in to the board", async () => {
    const driver = createSlackDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      workspace: double.workspace,
      double,
    });
    const sent = await driver.slashCommand({ user: SUPERVISOR, text: "web" });
    expect(sent.status).toBe(200);
    const path = new URL(sent.responseUrl).pathname;
    let reply = "";
    for (let i = 0; i < 100 && reply === ""; i += 1) {
      const call = double.calls("response_url").find((c) => c.path === path);
      if (call !== undefined) reply = JSON.stringify(call.args);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const link = /http:\/\/localhost:\d+\/web\/sign-in\?token=[\w-]+/.exec(reply)?.[0];
    expect(link, reply).toBeDefined();
    expect(new URL(link as string).port).toBe(String(port));
    const token = new URL(link as string).searchParams.get("token") as string;
    const signIn = await fetch(`http://127.0.0.1:${port}/web/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const board = await fetch(`http://127.0.0.1:${port}/web?light=red`, { headers: { cookie } });
    expect(board.status).toBe(200);
    expect(board.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await board.text()).toContain("（五）");
    // the digest archive's paths are routed to the board too (a chart of no digest: the board's own 404)
    expect((await fetch(`http://127.0.0.1:${port}/web/digests`, { headers: { cookie } })).status).toBe(200);
    const noChart = await fetch(
      `http://127.0.0.1:${port}/web/digests/00000000-0000-4000-8000-000000000000/chart.png`,
      { headers: { cookie } },
    );
    expect(noChart.status).toBe(404);
    expect(noChart.headers.get("content-security-policy")).toContain("img-src 'self'");
    // the scorecard and the ledger are wired to the composition root's assessment, and routed on PORT too
    const scorecard = await fetch(`http://127.0.0.1:${port}/web/scorecard?period=2026-Q4`, {
      headers: { cookie },
    });
    expect(scorecard.status).toBe(200);
    expect(await scorecard.text()).toContain("督查考核评分：2026年第四季度");
    const ledger = await fetch(`http://127.0.0.1:${port}/web/ledger.xlsx?period=2026-Q4`, {
      headers: { cookie },
    });
    expect(ledger.status).toBe(200);
    expect(ledger.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(
      Buffer.from(await ledger.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    // Slack's own endpoint is still Bolt's, with its signature checks
    expect(
      (await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: "{}" })).status,
    ).toBe(401);
  }, 90_000);
});
