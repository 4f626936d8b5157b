import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgAdapterFactory } from "../../src/adapters/db/create-pg-adapter-factory.ts";
import { DUBAN_MIGRATION_LOCK_KEY } from "../../src/adapters/db/migrate/migration-advisory-lock.ts";
import {
  applyPendingMigrations,
  diffMigrationsToSchema,
  getMigrationStatus,
} from "../../src/adapters/db/migrate/offline-migrator.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../src/shared/project-paths.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../support/test-database.ts";

const paths = { migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH };
const SLOW = 120_000; // diffs replay the migrations on a fresh shadow database

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function sha256OfMigration(dir: string, name: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(join(dir, name, "migration.sql")))
    .digest("hex");
}

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "duban-migrations-"));
  tempDirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each(testDatabaseTargets())("offline migrations on %s", (target) => {
  let db: TestDatabase;
  let names: string[];

  beforeAll(async () => {
    names = await committedMigrations();
    db = await createTestDatabase(target, { migrate: false });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("has committed migrations to test", () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names[0]).toMatch(/^\d{14}_init$/);
  });

  it("lists every migration as pending on an empty database", async () => {
    const status = await getMigrationStatus(db.adapterFactory, paths);
    expect(status).toEqual({ applied: [], pending: names, failed: [], edited: [], missingLocally: [] });
  });

  it("applies them and records them in _prisma_migrations as prisma migrate deploy does", async () => {
    const logged: string[] = [];
    const result = await applyPendingMigrations(db.adapterFactory, {
      ...paths,
      log: (line) => logged.push(line),
    });
    expect(result.applied).toEqual(names);
    expect(logged).toEqual(names.map((name) => `Applying ${name}`));

    const rows = await db.prisma.$queryRawUnsafe<MigrationRow[]>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toBe(await sha256OfMigration(MIGRATIONS_DIR, row.migration_name));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
    // The schema is usable through the generated client.
    await db.prisma.plan.create({ data: { id: "probe", title: "probe" } });
    expect(await db.prisma.plan.count()).toBe(1);
  });

  it("applies nothing the second time, and reports everything applied", async () => {
    expect(await applyPendingMigrations(db.adapterFactory, paths)).toEqual({ applied: [] });
    const status = await getMigrationStatus(db.adapterFactory, paths);
    expect(status).toEqual({ applied: names, pending: [], failed: [], edited: [], missingLocally: [] });
  });

  it(
    "the committed migrations produce exactly prisma/schema.prisma (no drift)",
    async () => {
      expect(await diffMigrationsToSchema(db.adapterFactory, paths)).toBe("");
    },
    SLOW,
  );

  it(
    "the drift check fails when the schema changes without a migration",
    async () => {
      const schema = await readFile(SCHEMA_PATH, "utf8");
      const edited = `${schema.replace("model Plan {\n", "model Plan {\n  driftProbeNote String?\n")}
model DriftProbe {
  id   Int    @id @default(autoincrement())
  note String
}
`;
      expect(edited).toContain("driftProbeNote");
      const schemaPath = join(await tempDir(), "schema.prisma");
      await writeFile(schemaPath, edited);

      const diff = await diffMigrationsToSchema(db.adapterFactory, { ...paths, schemaPath });
      expect(diff).toContain('CREATE TABLE "DriftProbe"');
      expect(diff).toMatch(/ALTER TABLE "Plan" ADD COLUMN\s+"driftProbeNote" TEXT/);
    },
    SLOW,
  );

  it("runs a migration script whole: a failing one is recorded as failed and leaves nothing behind", async () => {
    const migrationsDir = await tempDir();
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const broken = "99990101000000_broken";
    await mkdir(join(migrationsDir, broken));
    await writeFile(
      join(migrationsDir, broken, "migration.sql"),
      `CREATE TABLE "BrokenProbe" ("note" TEXT NOT NULL DEFAULT 'a;b');\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n`,
    );

    const failure = await applyPendingMigrations(db.adapterFactory, { ...paths, migrationsDir }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).userMessage).toMatch(/^applying migrations failed: .*NoSuchTable/);
    expect((failure as DomainError).userMessage).not.toContain("\n");

    const status = await getMigrationStatus(db.adapterFactory, { ...paths, migrationsDir });
    expect(status.failed).toEqual([broken]);
    expect(status.pending).toEqual([]);
    const leftovers = await db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'BrokenProbe'`,
    );
    expect(leftovers).toEqual([]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("concurrent appliers on one PostgreSQL database", () => {
  const databases: TestDatabase[] = [];
  async function emptyDatabase(): Promise<TestDatabase & { url: string }> {
    const db = await createTestDatabase("postgres", { migrate: false });
    databases.push(db);
    if (db.url === undefined) throw new Error("a postgres test database has a URL");
    return { ...db, url: db.url };
  }
  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
  });

  it("apply each migration exactly once, without errors", async () => {
    const db = await emptyDatabase();
    const names = await committedMigrations();
    const results = await Promise.all(
      [1, 2, 3].map(() => applyPendingMigrations(createPgAdapterFactory(db.url), paths)),
    );
    expect(results.flatMap((result) => result.applied).sort()).toEqual(names);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    // Prisma's engine never unlocks its advisory lock; the migrator must close the connection holding it.
    const locks = await db.prisma.$queryRawUnsafe<{ held: number }[]>(
      `SELECT count(*)::int AS held FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(locks).toEqual([{ held: 0 }]);
  });

  it("wait for the process holding the migration lock, then apply", async () => {
    const db = await emptyDatabase();
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${DUBAN_MIGRATION_LOCK_KEY})`);
      const logged: string[] = [];
      let settled = false;
      const applying = applyPendingMigrations(createPgAdapterFactory(db.url), {
        ...paths,
        log: (line) => logged.push(line),
      }).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(settled).toBe(false);
      expect(logged).toContain("another process is applying migrations to this database; waiting for it");

      await holder.query(`SELECT pg_advisory_unlock(${DUBAN_MIGRATION_LOCK_KEY})`);
      expect((await applying).applied).toEqual(await committedMigrations());
    } finally {
      await holder.end();
    }
  });
});
