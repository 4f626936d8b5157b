import type { OpenDatabase } from "../adapters/db/open-database.ts";
import type { Env } from "../config/env-schema.ts";
import type { CoreDependencies } from "../services/supervision-deps.ts";
import type { CliIo } from "./cli-io.ts";

export interface DatabaseCommandContext {
  db: OpenDatabase;
  env: Env;
  /**
   * The core's dependencies on this database (store, schedule store, calendar, assessment ports), built by the
   * composition root (src/app/compose-core.ts) on first use; loaded lazily, so a command that needs none of
   * them does not load the calendar or the assessment's Excel writer.
   */
  core(): Promise<CoreDependencies>;
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
    let core: Promise<CoreDependencies> | undefined;
    const composed = () =>
      (core ??= import("../app/compose-core.ts").then(({ composeCore }) =>
        composeCore(db.prisma, { cwd: io.cwd }),
      ));
    return await run({ db, env, core: composed });
  } finally {
    await db.close();
  }
}
