import type { OpenDatabase } from "../adapters/db/open-database.ts";
import type { Env } from "../config/env-schema.ts";
import type { CliIo } from "./cli-io.ts";

export interface DatabaseCommandContext {
  db: OpenDatabase;
  env: Env;
}

/**
 * Runs a CLI command against the configured database with an up-to-date schema, and always closes it
 * (releasing the embedded database's lock) afterwards.
 */
export async function withDatabase<T>(
  io: CliIo,
  purpose: string,
  run: (context: DatabaseCommandContext) => Promise<T>,
  options: { prepare?: boolean } = {},
): Promise<T> {
  const { parseEnv } = await import("../config/parse-env.ts");
  const env = parseEnv(io.env);
  // loaded on first use: a command that fails on its arguments, and `duban --help`, never load Prisma
  const { openDatabase } = await import("../adapters/db/open-database.ts");
  const { prepareSchema } = await import("../adapters/db/prepare-schema.ts");
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR }, purpose);
  try {
    if (options.prepare !== false) {
      await prepareSchema(db, {
        autoMigrate: env.DUBAN_AUTO_MIGRATE,
        onApplied: (name) => io.err(`applied migration ${name}`),
      });
    }
    return await run({ db, env });
  } finally {
    await db.close();
  }
}
