import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import {
  createPgAdapterFactory,
  createPgliteAdapterFactory,
} from "../../src/adapters/db/create-adapter-factory.ts";
import { PrismaClient } from "../../src/adapters/db/generated/client.ts";
import { applyPendingMigrations } from "../../src/adapters/db/migrate/offline-migrator.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../src/adapters/db/project-paths.ts";
import { createTemporaryPostgresDatabase } from "../../src/adapters/db/temporary-postgres-database.ts";

export type TestDatabaseTarget = "pglite" | "postgres";

export interface TestDatabase {
  target: TestDatabaseTarget;
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The database's URL (PostgreSQL only). */
  url?: string;
  /** Disconnects and throws the database away. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default). `false` gives an empty database. */
  migrate?: boolean;
}

/** Every test that touches the database runs on PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: the postgres target needs a PostgreSQL server");
  return url;
}

async function openTarget(target: TestDatabaseTarget): Promise<{
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  url?: string;
  discard(): Promise<void>;
}> {
  if (target === "pglite") {
    const pglite = await PGlite.create(); // in memory
    return { adapterFactory: createPgliteAdapterFactory(pglite), discard: () => pglite.close() };
  }
  const database = await createTemporaryPostgresDatabase(testServerUrl(), "duban_test");
  return { adapterFactory: createPgAdapterFactory(database.url), url: database.url, discard: database.drop };
}

/**
 * An isolated database for one test file: an in-memory PGlite, or a fresh database `duban_test_<random>`
 * on the server named by TEST_DATABASE_URL. Migrated with Duban's offline migrator unless told otherwise.
 * Call `drop()` in afterAll.
 */
export async function createTestDatabase(
  target: TestDatabaseTarget,
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const opened = await openTarget(target);
  try {
    if (options.migrate ?? true) {
      await applyPendingMigrations(opened.adapterFactory, {
        migrationsDir: MIGRATIONS_DIR,
        schemaPath: SCHEMA_PATH,
      });
    }
  } catch (error) {
    await opened.discard();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: opened.adapterFactory });
  let dropping: Promise<void> | undefined;
  return {
    target,
    prisma,
    adapterFactory: opened.adapterFactory,
    ...(opened.url === undefined ? {} : { url: opened.url }),
    drop: () => {
      dropping ??= prisma.$disconnect().finally(opened.discard);
      return dropping;
    },
  };
}
