import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgAdapterFactory } from "../../src/adapters/db/create-pg-adapter-factory.ts";
import { createPgliteAdapterFactory } from "../../src/adapters/db/create-pglite-adapter-factory.ts";
import { PrismaClient } from "../../src/adapters/db/generated/client.ts";
import { applyPendingMigrations } from "../../src/adapters/db/migrate/offline-migrator.ts";
import { createPrismaPlanStore } from "../../src/adapters/db/prisma-plan-store.ts";
import { databaseUrl, withServerConnection } from "../../src/adapters/db/temporary-postgres-database.ts";
import { loadWorkflowFile } from "../../src/adapters/files/load-workflow-file.ts";
import { loadWorkflow } from "../../src/services/plans/load-workflow.ts";
import { MIGRATIONS_DIR, PROJECT_ROOT, SCHEMA_PATH } from "../../src/shared/project-paths.ts";

/**
 * Test databases start from templates instead of being built from scratch in every test file: a
 * migrated database, or one with the Nanyang workflow loaded too. A PGlite template is a data-directory
 * dump cached under node_modules/.cache; a PostgreSQL template is a database copied with
 * CREATE DATABASE … TEMPLATE. Both are keyed by a hash of what builds them, so a changed migration or
 * workflow makes new ones.
 */
export type TemplateSeed = "migrated" | "nanyang";

const NANYANG_WORKFLOW = "workflows/nanyang-relocation-2021.yaml";
const CACHE_DIR = join(PROJECT_ROOT, "node_modules", ".cache", "duban-test-templates");
const INPUTS = [
  "prisma/migrations",
  "src/domain/plan-load",
  "src/domain/workflow",
  "src/adapters/db/apply-plan-load.ts",
  "tests/support/database-templates.ts",
  NANYANG_WORKFLOW,
];

/**
 * When the seeded plan's tasks count as loaded: before every date the fixtures use, whatever day the tests
 * run (cycles due before a task was loaded are not assessed, and the digest chart counts tasks from then).
 */
export const SEEDED_TASKS_TRACKED_SINCE = new Date("2026-09-01T00:00:00+08:00");

function filesUnder(path: string): string[] {
  const full = join(PROJECT_ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((name) => join(full, name))
    .filter((name) => statSync(name).isFile())
    .sort();
}

let cachedHash: string | undefined;
function inputsHash(): string {
  if (cachedHash) return cachedHash;
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(file).update(readFileSync(file));
  cachedHash = hash.digest("hex").slice(0, 12);
  return cachedHash;
}

async function seed(prisma: PrismaClient, kind: TemplateSeed): Promise<void> {
  if (kind !== "nanyang") return;
  await loadWorkflow({
    workflow: await loadWorkflowFile(join(PROJECT_ROOT, NANYANG_WORKFLOW)),
    file: { path: NANYANG_WORKFLOW, hash: "test-template" },
    store: createPrismaPlanStore(prisma),
    dryRun: false,
    actor: "test",
    loadedAt: SEEDED_TASKS_TRACKED_SINCE,
  });
}

const migrationPaths = { migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH };

/** The PGlite data-directory dump for a seed, built once and cached (written atomically). */
export async function pgliteTemplate(kind: TemplateSeed): Promise<Blob> {
  const file = join(CACHE_DIR, `pglite-${kind}-${inputsHash()}.tar`);
  if (!existsSync(file)) {
    const pglite = await PGlite.create();
    const adapterFactory = createPgliteAdapterFactory(pglite);
    await applyPendingMigrations(adapterFactory, migrationPaths);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    await seed(prisma, kind);
    await prisma.$disconnect();
    const dump = await pglite.dumpDataDir("none");
    await pglite.close();
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * Templates on a shared server are kept per checkout: two checkouts (worktrees, CI beside a developer)
 * with different migrations must not drop each other's template while the other is copying it.
 */
const CHECKOUT_TAG = createHash("sha256").update(PROJECT_ROOT).digest("hex").slice(0, 6);

/**
 * The name of the PostgreSQL template database for a seed, built once per inputs hash: under a temporary
 * name, then renamed, so a concurrent test worker never copies a half-built template.
 */
export async function postgresTemplate(serverUrl: string, kind: TemplateSeed): Promise<string> {
  const prefix = `duban_tpl_${kind}_${CHECKOUT_TAG}_`;
  const name = `${prefix}${inputsHash()}`;
  const exists = async () =>
    withServerConnection(
      serverUrl,
      async (client) =>
        (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
    );
  if (await exists()) return name;
  const building = `duban_tplbuild_${randomBytes(6).toString("hex")}`;
  await withServerConnection(serverUrl, (client) => client.query(`CREATE DATABASE "${building}"`));
  const adapterFactory = createPgAdapterFactory(databaseUrl(serverUrl, building));
  await applyPendingMigrations(adapterFactory, migrationPaths);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  await seed(prisma, kind);
  await prisma.$disconnect();
  await withServerConnection(serverUrl, async (client) => {
    try {
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch (error) {
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      if ((error as { code?: string }).code !== "42P04") throw error; // another worker finished first
    }
    // this checkout's templates of older inputs are of no use any more
    const stale = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2",
      [`${prefix}%`, name],
    );
    for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  });
  return name;
}
