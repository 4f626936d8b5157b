import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/open-database.ts";
import { runCli } from "../../../src/cli/main.ts";
import { SEEDED_TASKS_TRACKED_SINCE } from "../../support/database-templates.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const NANYANG = "workflows/nanyang-relocation-2021.yaml";

describe.each(testDatabaseTargets())("duban assess, export and audit verify on %s", (target) => {
  const dir = mkdtempSync(join(tmpdir(), "duban-assess-cli-"));
  let server: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    if (target === "postgres") {
      server = await createTestDatabase("postgres");
      env = { DATABASE_URL: server.url };
    } else {
      env = { DUBAN_DATA_DIR: join(dir, "data") };
    }
    expect(await runCli(["load", NANYANG], recordingCliIo(process.cwd(), env))).toBe(0);
    // loaded in September, so that the fixed dates below are assessed whatever day the test runs
    const db = await openDatabase(
      { databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR ?? dir },
      "test",
    );
    try {
      await db.prisma.task.updateMany({ data: { createdAt: SEEDED_TASKS_TRACKED_SINCE } });
    } finally {
      await db.close();
    }
  }, 180_000);
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const run = async (...args: string[]) => {
    const io = recordingCliIo(process.cwd(), env);
    const code = await runCli(args, io);
    return {
      code,
      out: io.stdout.join("\n"),
      err: io.stderr.filter((line) => !line.startsWith("applied migration")).join("\n"),
    };
  };

  it("prints the scorecard as a table, Markdown or JSON with the records behind it", async () => {
    const table = await run("assess", "--period", "2026-Q4", "--as-of", "2026-11-30");
    expect(table.code).toBe(0);
    expect(table.out).toContain(
      "督查考核评分 2026年第四季度：统计 2026-10-01 至 2026-11-30，报送周期 2026-10（截止 2026-10-23）、2026-11（截止 2026-11-25）",
    );
    expect(table.out).toMatch(/规则来源 rules: workflows\/nanyang-relocation-2021\.yaml/);
    // --workflow is read from where the command runs, like every other file argument
    const elsewhere = recordingCliIo(join(process.cwd(), "workflows"), env);
    const args = ["assess", "--period", "2026-Q4", "--as-of", "2026-11-30"];
    expect(await runCli([...args, "--workflow", "nanyang-relocation-2021.yaml"], elsewhere)).toBe(0);
    expect(elsewhere.stdout.join("\n")).toContain("规则来源 rules: nanyang-relocation-2021.yaml");
    const md = await run("assess", "--period", "2026-Q4", "--as-of", "2026-11-30", "--md");
    expect(md.out).toContain("| 排名 | 单位 | 得分 |");
    const json = JSON.parse(
      (await run("assess", "--period", "2026-11", "--as-of", "2026-11-30", "--json")).out,
    );
    expect(json.departments).toHaveLength(22);
    expect(json.departments[0].components.onTime.records[0]).toMatchObject({ type: "cycle", value: 0 });
    expect(await run("assess", "--period", "2026-Q5")).toMatchObject({
      code: 2,
      err: expect.stringContaining('--period "2026-Q5"'),
    });
  });

  it("writes the ledger and states the audit chain head", async () => {
    const file = join(dir, "台账.xlsx");
    const exported = await run("export", "--xlsx", file, "--period", "2026-Q4");
    expect(exported.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(exported.out).toMatch(
      /^wrote .*台账\.xlsx: 1190 tasks, 0 reports, 0 reminders\naudit chain: 1 events, head [0-9a-f]{64}$/,
    );
  });

  it("verifies the chain, and names the first broken link after a row is edited by SQL (exit 1)", async () => {
    const intact = await run("audit", "verify");
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/^chain intact, 1 events, head [0-9a-f]{64}$/);
    const db = await openDatabase(
      { databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR ?? dir },
      "test",
    );
    try {
      await db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{"workflowFile":"forged.yaml"}'`);
    } finally {
      await db.close();
    }
    const broken = await run("audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.err).toBe(
      "chain broken at event 1 (after 0 good events): its hash does not match its contents: the event was changed after it was written",
    );
  });
});
