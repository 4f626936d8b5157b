import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  createTemporaryPostgresDatabase,
  type TemporaryPostgresDatabase,
} from "../../src/adapters/db/temporary-postgres-database.ts";
import { pgliteTemplate, postgresTemplate } from "./database-templates.ts";
import type { TestDatabaseTarget } from "./test-database.ts";

/** A database holding the loaded Nanyang plan, for a Duban process (a child, or startDuban) to run on. */
export interface NanyangProcessDatabase {
  /** A fresh temporary directory: the embedded database's DUBAN_DATA_DIR (unused by a server but for files). */
  dataDir: string;
  /** The PostgreSQL database, on the "postgres" target. */
  server: TemporaryPostgresDatabase | undefined;
  /** What openDatabase takes to open it from the test. */
  settings(): { databaseUrl?: string; dataDir: string };
  /** The environment that points a Duban process at it (DUBAN_DATA_DIR or DATABASE_URL). */
  env(): NodeJS.ProcessEnv;
  /** Drops the server database and removes the data directory. */
  remove(): Promise<void>;
}

/**
 * Copies the Nanyang test template (tests/support/database-templates.ts) into a new database on `target`:
 * a PostgreSQL database on TEST_DATABASE_URL's server, or an embedded one in a new data directory.
 */
export async function createNanyangProcessDatabase(
  target: TestDatabaseTarget,
  prefix: string,
): Promise<NanyangProcessDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  let server: TemporaryPostgresDatabase | undefined;
  if (target === "postgres") {
    const serverUrl = String(process.env.TEST_DATABASE_URL);
    const template = await postgresTemplate(serverUrl, "nanyang");
    server = await createTemporaryPostgresDatabase(serverUrl, "duban_e2e", { template });
  } else {
    const pglite = await PGlite.create(join(dataDir, "pglite"), {
      loadDataDir: await pgliteTemplate("nanyang"),
    });
    await pglite.close();
  }
  return {
    dataDir,
    server,
    settings: () => (server === undefined ? { dataDir } : { databaseUrl: server.url, dataDir }),
    env: () => (server === undefined ? { DUBAN_DATA_DIR: dataDir } : { DATABASE_URL: server.url }),
    remove: async () => {
      await server?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
