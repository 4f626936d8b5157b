import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTemporaryPostgresDatabase,
  type TemporaryPostgresDatabase,
} from "../../src/adapters/db/temporary-postgres-database.ts";
import { runDubanProcess } from "../support/run-duban-process.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("npm start and duban db on a PostgreSQL server", () => {
  let database: TemporaryPostgresDatabase;
  beforeAll(async () => {
    database = await createTemporaryPostgresDatabase(serverUrl as string, "duban_e2e");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("refuses to start with pending migrations, `duban db migrate` applies them once, then start finds the schema up to date", async () => {
    const env = { DATABASE_URL: database.url };
    const refused = runDubanProcess(["dist/main.js"], env);
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toMatch(/pending migration\(s\).*run `duban db migrate`/);

    const status = runDubanProcess(["bin/duban.js", "db", "status"], env);
    expect(await status.exited).toBe(0);
    expect(status.output()).toMatch(/pending\s+\d+_init/);

    const migrate = runDubanProcess(["bin/duban.js", "db", "migrate"], env);
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toMatch(/applied \d+ migration\(s\)/);

    const again = runDubanProcess(["bin/duban.js", "db", "migrate"], env);
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain("no pending migrations");

    const start = runDubanProcess(["dist/main.js"], env);
    await start.waitFor("database ready");
    expect(start.output()).toContain("schema up to date");
    start.child.kill("SIGTERM");
    expect(await start.exited).toBe(0);
  }, 120_000);

  it("two processes starting at once with DUBAN_AUTO_MIGRATE=1 apply each migration exactly once", async () => {
    const fresh = await createTemporaryPostgresDatabase(serverUrl as string, "duban_e2e");
    try {
      const env = { DATABASE_URL: fresh.url, DUBAN_AUTO_MIGRATE: "1" };
      const a = runDubanProcess(["dist/main.js"], env);
      const b = runDubanProcess(["dist/main.js"], env);
      await Promise.all([a.waitFor("database ready"), b.waitFor("database ready")]);
      const applications = (a.output() + b.output()).match(/"msg":"applied migration"/g) ?? [];
      const doctor = runDubanProcess(["bin/duban.js", "db", "status"], { DATABASE_URL: fresh.url });
      expect(await doctor.exited).toBe(0);
      const applied = doctor.output().match(/applied\s+\d+_/g) ?? [];
      expect(applications.length).toBe(applied.length);
      expect(doctor.output()).toContain("schema is up to date");
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});
