import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { backupFileName, startDailyBackups } from "../../../src/adapters/db/daily-backups.ts";
import { lockDataDirectory } from "../../../src/adapters/db/data-directory-lock.ts";
import { openDatabase } from "../../../src/adapters/db/open-database.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { runCli } from "../../../src/cli/main.ts";
import { createSupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { createRecordingChatNotifier } from "../../fakes/recording-chat-notifier.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";
import { CLI_TEST_NOW, fixedClock, recordingCliIo } from "../../support/recording-cli-io.ts";
import { ADMIN, slackUser } from "../../support/supervision-fixture.ts";

const WORKFLOW = join(process.cwd(), "workflows/nanyang-relocation-2021.yaml");
const root = mkdtempSync(join(tmpdir(), "duban-backup-"));
const original = join(root, "original");
afterAll(() => rmSync(root, { recursive: true, force: true }));
const clock = fixedClock(CLI_TEST_NOW);
const io = (dataDir: string, env: NodeJS.ProcessEnv = {}) =>
  recordingCliIo(root, { DUBAN_DATA_DIR: dataDir, ...env }, clock);

async function statusJson(dataDir: string): Promise<unknown> {
  const run = io(dataDir);
  expect(await runCli(["status", "--json"], run)).toBe(0);
  return JSON.parse(run.stdout.join(""));
}

async function auditVerify(dataDir: string): Promise<string> {
  const run = io(dataDir);
  expect(await runCli(["audit", "verify"], run)).toBe(0);
  return run.stdout.join("\n");
}

/** A contact assigned and a progress reply, through the core as a chat front end would: more to back up. */
async function assignAndReport(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir }, "test");
  try {
    const core = createSupervisionCore({
      store: createPrismaSupervisionStore(db.prisma),
      notifier: createRecordingChatNotifier(),
      clock,
      calendar: await loadWorkingDayCalendar(),
      admins: [ADMIN.externalId],
    });
    const zhang = slackUser("UZHANG", "张三");
    await core.runCommand(ADMIN, "assign 市人力资源社会保障局 <@UZHANG|张三>");
    await core.recordReply({
      user: zhang,
      text: "（五）推进中，完成约七成",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "Ev1",
    });
  } finally {
    await db.close();
  }
}

describe("backups of the embedded database", () => {
  let before: unknown;
  beforeAll(async () => {
    expect(await runCli(["load", WORKFLOW], io(original))).toBe(0);
    await assignAndReport(original);
    before = await statusJson(original);
  }, 120_000);

  it("`duban db backup` then `duban db restore` into a fresh directory: the audit chain verifies, the status is the same", async () => {
    const file = join(root, "manual.tar.gz");
    const backup = io(original);
    expect(await runCli(["db", "backup", "manual.tar.gz"], backup)).toBe(0);
    expect(backup.stdout.at(-1)).toMatch(/^wrote manual\.tar\.gz \(\d+\.\d MB\)$/);
    expect(existsSync(file)).toBe(true);

    const restored = join(root, "restored");
    const restore = io(restored);
    expect(await runCli(["db", "restore", file], restore)).toBe(0);
    expect(restore.stdout.at(-1)).toContain(`restored ${file} into ${restored}`);
    expect(await auditVerify(restored)).toMatch(/^chain intact, \d+ events/);
    expect(await auditVerify(restored)).toBe(await auditVerify(original));
    expect(await statusJson(restored)).toEqual(before);

    // a data directory that holds a database is refused with one line, and left as it was
    const again = io(restored);
    expect(await runCli(["db", "restore", file], again)).toBe(2);
    expect(again.stderr).toEqual([
      `duban: ${restored} is not empty (pglite); restore into an empty data directory`,
    ]);
    expect(await statusJson(restored)).toEqual(before);
  }, 120_000);

  it("refuses with one line: a backup while the database is in use, an existing file, a server, a file that is no backup", async () => {
    const lock = await lockDataDirectory(original, "duban start");
    try {
      const busy = io(original);
      expect(await runCli(["db", "backup", "busy.tar.gz"], busy)).toBe(2);
      expect(busy.stderr).toHaveLength(1);
      expect(busy.stderr[0]).toMatch(/is in use by `duban start` \(pid \d+/);
      expect(existsSync(join(root, "busy.tar.gz"))).toBe(false);
    } finally {
      await lock.release();
    }

    const exists = io(original);
    expect(await runCli(["db", "backup", "manual.tar.gz"], exists)).toBe(2);
    expect(exists.stderr).toEqual(["duban: manual.tar.gz already exists; name a new file"]);

    const server = io(original, { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/duban" });
    expect(await runCli(["db", "backup", "server.tar.gz"], server)).toBe(2);
    expect(server.stderr).toEqual([
      "duban: DATABASE_URL names a PostgreSQL server: back it up with pg_dump (README: Backups)",
    ]);

    const notBackup = io(join(root, "never"));
    expect(await runCli(["db", "restore", WORKFLOW], notBackup)).toBe(2);
    expect(notBackup.stderr).toEqual([
      `duban: ${WORKFLOW} is not a backup of Duban's embedded database (not a tar archive)`,
    ]);
    expect(existsSync(join(root, "never", "pglite"))).toBe(false);
  }, 60_000);

  it("the running process writes a snapshot a day, by its clock, keeps the newest ones, and they restore", async () => {
    const dir = join(root, "original", "backups");
    const daily = createSettableClock("2026-11-20T02:00:00.000Z");
    const db = await openDatabase({ dataDir: original }, "test");
    let newest: string | null = null;
    try {
      const snapshot = db.snapshot;
      if (snapshot === undefined) throw new Error("the embedded database gives snapshots");
      const quiet = { info: () => {}, error: () => {} };
      const backups = startDailyBackups({ snapshot, dir, keep: 2, clock: daily, logger: quiet });
      try {
        expect(await backups.checkNow()).toBeNull(); // the one written at start is fresh
        expect(readdirSync(dir)).toEqual([backupFileName(new Date("2026-11-20T02:00:00.000Z"))]);
        daily.advance(23 * 3_600_000);
        expect(await backups.checkNow()).toBeNull();
        daily.advance(3_600_000);
        expect(await backups.checkNow()).toBe(join(dir, "duban-20261121T020000Z.tar.gz"));
        daily.advance(24 * 3_600_000);
        newest = await backups.checkNow();
        expect(newest).toBe(join(dir, "duban-20261122T020000Z.tar.gz"));
        expect(readdirSync(dir).sort()).toEqual([
          "duban-20261121T020000Z.tar.gz",
          "duban-20261122T020000Z.tar.gz",
        ]);
      } finally {
        await backups.stop();
      }
    } finally {
      await db.close();
    }
    const restored = join(root, "from-daily");
    expect(await runCli(["db", "restore", String(newest)], io(restored))).toBe(0);
    expect(await statusJson(restored)).toEqual(before);
    expect(await auditVerify(restored)).toBe(await auditVerify(original));
  }, 120_000);
});
