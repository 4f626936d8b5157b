import { afterEach, describe, expect, it } from "vitest";
import { createReadinessChecks } from "../../../src/adapters/health/readiness-checks.ts";
import {
  type RunningHealthServer,
  startHealthServer,
} from "../../../src/adapters/health/start-health-server.ts";

let server: RunningHealthServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe("readiness checks", () => {
  it("are not ok until start-up finished and again once stopping; a failing, throwing or hanging check is not ok", async () => {
    const readiness = createReadinessChecks({ timeoutMs: 50 });
    let databaseUp = true;
    readiness.add("database", () => databaseUp);
    readiness.add("slack", async () => {
      throw new Error("xapp-secret-token refused"); // never shown: only "not ok"
    });
    readiness.add("schedule", () => new Promise<boolean>(() => {}));
    expect(await readiness.report()).toEqual({
      ok: false,
      checks: { running: "not ok", database: "ok", slack: "not ok", schedule: "not ok" },
    });
    readiness.setRunning(true);
    databaseUp = false;
    const report = await readiness.report();
    expect(report.checks.running).toBe("ok");
    expect(report.checks.database).toBe("not ok");
    expect(JSON.stringify(report)).not.toContain("xapp");
  });

  it("are ok when every check is", async () => {
    const readiness = createReadinessChecks();
    readiness.add("database", async () => true);
    readiness.setRunning(true);
    expect(await readiness.report()).toEqual({ ok: true, checks: { running: "ok", database: "ok" } });
    readiness.setRunning(false);
    expect((await readiness.report()).ok).toBe(false);
  });
});

describe("the HEALTH_PORT server", () => {
  it("answers /healthz with 200, /readyz with 200 or 503, HEAD without a body, anything else 404", async () => {
    const readiness = createReadinessChecks();
    let up = true;
    readiness.add("database", () => up);
    readiness.setRunning(true);
    server = await startHealthServer(0, readiness);
    const url = (path: string) => `http://127.0.0.1:${server?.port}${path}`;

    const health = await fetch(url("/healthz"));
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    expect(health.headers.get("cache-control")).toBe("no-store");
    const ready = await fetch(url("/readyz"));
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { ok: true, checks: { running: "ok", database: "ok" } },
    ]);
    up = false;
    const notReady = await fetch(url("/readyz"));
    expect([notReady.status, await notReady.json()]).toEqual([
      503,
      { ok: false, checks: { running: "ok", database: "not ok" } },
    ]);
    const head = await fetch(url("/readyz"), { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([503, ""]);
    expect((await fetch(url("/slack/events"), { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(url("/readyz?verbose=1"))).status).toBe(503);
  });
});

describe("HEALTH_PORT in use", () => {
  it("is refused with one line naming the variable", async () => {
    const readiness = createReadinessChecks();
    server = await startHealthServer(0, readiness);
    await expect(startHealthServer(server.port, readiness)).rejects.toThrow(
      `HEALTH_PORT ${server.port} cannot be used (EADDRINUSE): choose another port`,
    );
  });
});
