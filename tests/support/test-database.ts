import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { createPgAdapterFactory } from "../../src/adapters/db/create-pg-adapter-factory.ts";
import { createPgliteAdapterFactory } from "../../src/adapters/db/create-pglite-adapter-factory.ts";
import { PrismaClient } from "../../src/adapters/db/generated/client.ts";
import { createTemporaryPostgresDatabase } from "../../src/adapters/db/temporary-postgres-database.ts";
import { pgliteTemplate, postgresTemplate, type TemplateSeed } from "./database-templates.ts";

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
  /** Also load the Nanyang workflow (from a template, so it costs nothing per test file). */
  seed?: "nanyang";
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

async function openTarget(
  target: TestDatabaseTarget,
  template: TemplateSeed | null,
): Promise<{
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  url?: string;
  discard(): Promise<void>;
}> {
  if (target === "pglite") {
    // in memory, started from a template's data directory when there is one (skips initdb and migrations)
    const pglite =
      template === null
        ? await PGlite.create()
        : await PGlite.create({ loadDataDir: await pgliteTemplate(template) });
    return { adapterFactory: createPgliteAdapterFactory(pglite), discard: () => pglite.close() };
  }
  const server = testServerUrl();
  const templateName = template === null ? undefined : await postgresTemplate(server, template);
  const database = await createTemporaryPostgresDatabase(
    server,
    "duban_test",
    templateName === undefined ? {} : { template: templateName },
  );
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
  const template: TemplateSeed | null = options.migrate === false ? null : (options.seed ?? "migrated");
  const opened = await openTarget(target, template);
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
