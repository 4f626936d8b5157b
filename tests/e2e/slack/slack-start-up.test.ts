import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver } from "../../fakes/slack-driver.ts";
import { runDubanProcess } from "../../support/run-duban-process.ts";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const dataDir = mkdtempSync(join(tmpdir(), "duban-slack-start-"));

describe("npm start with Slack configured", () => {
  let double: SlackDouble;
  beforeAll(async () => {
    double = await startSlackDouble();
  });
  afterAll(async () => {
    await double?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const slackEnv = () => ({
    DUBAN_DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: double.workspace.bot.token,
    SLACK_SIGNING_SECRET: double.workspace.signingSecret,
    SLACK_API_URL: double.apiUrl,
  });

  it("starts Bolt's HTTP receiver on PORT at /slack/events, answers signed commands, and stops cleanly", async () => {
    const port = await freePort();
    const duban = runDubanProcess(["dist/main.js"], { ...slackEnv(), PORT: String(port) });
    await duban.waitFor(`Slack front end listening on :${port}/slack/events`);
    expect(double.calls("auth.test")).toHaveLength(1);

    const driver = createSlackDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      workspace: double.workspace,
      double,
    });
    const sent = await driver.slashCommand({ user: "U0CONTACT1", text: "help" });
    expect(sent.status).toBe(200);
    const answer = await double.waitForCall("response_url");
    expect(JSON.stringify(answer.args)).toContain("/duban tasks");
    expect((await driver.message({ user: "U0CONTACT1", text: "hi" }, { forgeSignature: true })).status).toBe(
      401,
    );

    duban.child.kill("SIGTERM");
    expect(await duban.exited).toBe(0);
  }, 120_000);

  it("stops with one line and exit code 2 when Slack refuses the token or a setting is missing", async () => {
    const refused = runDubanProcess(["dist/main.js"], {
      ...slackEnv(),
      SLACK_BOT_TOKEN: "xoxb-not-the-token",
      PORT: String(await freePort()),
    });
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toContain("duban: Slack refused to start Duban (invalid_auth)");
    expect(refused.output()).not.toMatch(/\n\s+at /);

    const noSecret = runDubanProcess(["dist/main.js"], { ...slackEnv(), SLACK_SIGNING_SECRET: "" });
    expect(await noSecret.exited).toBe(2);
    expect(noSecret.output()).toContain("duban: SLACK_SIGNING_SECRET is required");
  }, 120_000);
});
