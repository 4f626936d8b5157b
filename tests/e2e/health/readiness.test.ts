import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
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
import { postgresTemplate } from "../../support/database-templates.ts";
import { freePort } from "../../support/free-port.ts";
import { FRIDAY_BEFORE_DUE } from "../../support/supervision-fixture.ts";
import { SUPERVISOR } from "../slack/support/start-slack-e2e.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

/** A TCP proxy to the PostgreSQL server that the test takes down (refusing, connections cut) and brings back. */
interface DatabaseProxy {
  port: number;
  down(): Promise<void>;
  up(): Promise<void>;
}

async function startDatabaseProxy(target: URL): Promise<DatabaseProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        server = next;
        port = (next.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    down: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server?.close(() => resolve());
        server = null;
      }),
    up: listen,
  };
}

async function get(port: number, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.json() };
}

const ALL_OK = { running: "ok", database: "ok", migrations: "ok", schedule: "ok" };

describe.skipIf(!serverUrl)("/healthz and /readyz of the Slack bot on PostgreSQL (HTTP mode)", () => {
  let database: TemporaryPostgresDatabase;
  let proxy: DatabaseProxy;
  let double: SlackDouble;
  let duban: RunningDuban | undefined;
  let port = 0;
  const clock = createSettableClock(FRIDAY_BEFORE_DUE);

  beforeAll(async () => {
    const template = await postgresTemplate(serverUrl as string, "nanyang");
    database = await createTemporaryPostgresDatabase(serverUrl as string, "duban_e2e", { template });
    const direct = new URL(database.url);
    proxy = await startDatabaseProxy(direct);
    const viaProxy = new URL(database.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    double = await startSlackDouble();
    port = await freePort();
    const env = parseEnv({
      DATABASE_URL: viaProxy.toString(),
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
      clock,
    );
  }, 120_000);
  afterAll(async () => {
    await proxy?.up().catch(() => {});
    await duban?.stop();
    await double?.close();
    await database?.drop();
  });

  it("/healthz answers while the process lives; /readyz follows the database away and back", async () => {
    expect(await get(port, "/healthz")).toEqual({ status: 200, body: { ok: true } });
    expect(await get(port, "/readyz")).toEqual({ status: 200, body: { ok: true, checks: ALL_OK } });

    await proxy.down();
    const away = await get(port, "/readyz");
    expect(away).toEqual({
      status: 503,
      body: { ok: false, checks: { ...ALL_OK, database: "not ok", migrations: "not ok" } },
    });
    expect(await get(port, "/healthz")).toEqual({ status: 200, body: { ok: true } });

    await proxy.up();
    expect(await get(port, "/readyz")).toEqual({ status: 200, body: { ok: true, checks: ALL_OK } });
  }, 60_000);

  it("/readyz is not ok once the schedule has not ticked for more than 2 minutes", async () => {
    clock.advance(2 * 60_000 + 1_000); // cron's next wake-up is up to a real minute away: the clock moved past it
    expect(await get(port, "/readyz")).toEqual({
      status: 503,
      body: { ok: false, checks: { ...ALL_OK, schedule: "not ok" } },
    });
    clock.advance(-(2 * 60_000 + 1_000));
    expect((await get(port, "/readyz")).status).toBe(200);
  });
});
