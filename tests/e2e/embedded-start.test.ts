import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { runDubanProcess } from "../support/run-duban-process.ts";

const dataDir = mkdtempSync(join(tmpdir(), "duban-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start on the embedded database", () => {
  it("creates the data directory, applies migrations, refuses a second process naming the first, and applies nothing on restart", async () => {
    const first = runDubanProcess(["dist/main.js"], { DUBAN_DATA_DIR: dataDir });
    await first.waitFor("database ready");
    expect(first.output()).toContain("applied migration");
    expect(first.output()).toContain(join(dataDir, "pglite"));

    const second = runDubanProcess(["dist/main.js"], { DUBAN_DATA_DIR: dataDir });
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(new RegExp(`in use by \`duban start\` \\(pid ${first.child.pid} `));
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

    const cli = runDubanProcess(["bin/duban.js", "db", "status"], { DUBAN_DATA_DIR: dataDir });
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain("is in use by `duban start`");

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const restart = runDubanProcess(["dist/main.js"], { DUBAN_DATA_DIR: dataDir });
    await restart.waitFor("database ready");
    expect(restart.output()).toContain("schema up to date");
    expect(restart.output()).not.toContain("applied migration");
    restart.child.kill("SIGTERM");
    expect(await restart.exited).toBe(0);

    // the data directory is intact: PostgreSQL opens it and finds the migrations recorded once each
    const pglite = await PGlite.create(join(dataDir, "pglite"));
    const rows = await pglite.query<{ n: number }>(
      "select count(*)::int as n from _prisma_migrations where finished_at is not null",
    );
    const dupes = await pglite.query<{ n: number }>(
      "select count(*)::int as n from (select migration_name from _prisma_migrations group by 1 having count(*) > 1) d",
    );
    await pglite.close();
    expect(rows.rows[0]?.n).toBeGreaterThan(0);
    expect(dupes.rows[0]?.n).toBe(0);
  }, 180_000);

  it("stops with one line and exit code 2 for a bad DATABASE_URL or PORT", async () => {
    for (const env of [{ DATABASE_URL: "mysql://x" }, { PORT: "99999" }]) {
      const run = runDubanProcess(["dist/main.js"], { DUBAN_DATA_DIR: dataDir, ...env });
      expect(await run.exited).toBe(2);
      const lines = run.output().trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^duban: invalid configuration: ${Object.keys(env)[0]}: expected`));
    }
  }, 60_000);
});
