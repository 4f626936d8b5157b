import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { type RunningDuban, startDuban } from "../../../src/app/start-duban.ts";
import { parseEnv } from "../../../src/config/parse-env.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { pgliteTemplate } from "../../support/database-templates.ts";
import { freePort } from "../../support/free-port.ts";
import { FRIDAY_BEFORE_DUE } from "../../support/supervision-fixture.ts";
import { SUPERVISOR } from "../slack/support/start-slack-e2e.ts";

async function readyz(port: number): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: response.status, body: await response.json() };
}

/** Polls until `check` holds (the Socket Mode client and the daily snapshot run on their own). */
async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe("Socket Mode on the embedded database: /readyz on HEALTH_PORT, the daily snapshot", () => {
  let dataDir = "";
  let double: SlackDouble;
  let duban: RunningDuban | undefined;
  let healthPort = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "duban-socket-health-"));
    const pglite = await PGlite.create(join(dataDir, "pglite"), {
      loadDataDir: await pgliteTemplate("nanyang"),
    });
    await pglite.close();
    double = await startSlackDouble();
    healthPort = await freePort();
    const env = parseEnv({
      DUBAN_DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: double.workspace.bot.token,
      SLACK_APP_TOKEN: double.socketMode.appToken,
      SLACK_API_URL: double.apiUrl,
      DUBAN_ADMINS: SUPERVISOR,
      HEALTH_PORT: String(healthPort),
      LOG_LEVEL: "error",
    });
    const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
    const logger = createLogger({ level: "error", format: "json", destination: quiet });
    duban = await startDuban(env, logger, createSettableClock(FRIDAY_BEFORE_DUE));
  }, 120_000);
  afterAll(async () => {
    await duban?.stop();
    await double?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("reports the Socket Mode connection as `slack`: not ok while it is down, ok once it is back", async () => {
    expect(duban?.healthPort).toBe(healthPort);
    expect(await readyz(healthPort)).toEqual({
      status: 200,
      body: {
        ok: true,
        checks: { running: "ok", database: "ok", migrations: "ok", slack: "ok", schedule: "ok" },
      },
    });
    const opened = double.socketMode.opened();
    double.socketMode.dropConnections(); // the client waits (5 s by default) before it reconnects
    await eventually(async () => (await readyz(healthPort)).status === 503, "/readyz to turn 503");
    expect(await readyz(healthPort)).toEqual({
      status: 503,
      body: {
        ok: false,
        checks: { running: "ok", database: "ok", migrations: "ok", slack: "not ok", schedule: "ok" },
      },
    });
    await eventually(() => double.socketMode.opened() > opened, "the client to reconnect");
    await eventually(async () => (await readyz(healthPort)).status === 200, "/readyz to turn 200 again");
  }, 60_000);

  it("has written the day's snapshot to DUBAN_DATA_DIR/backups, named by its clock", async () => {
    const backups = join(dataDir, "backups");
    const expected = "duban-20261120T020000Z.tar.gz"; // FRIDAY_BEFORE_DUE
    await eventually(() => existsSync(join(backups, expected)), "the snapshot");
    expect(readdirSync(backups)).toEqual([expected]);
  }, 30_000);
});
