import { openDatabase } from "../adapters/db/open-database.ts";
import { prepareSchema } from "../adapters/db/prepare-schema.ts";
import type { Logger } from "../adapters/logging/create-logger.ts";
import { type RunningShellFrontEnd, startShellFrontEnd } from "../adapters/shell/start-shell-front-end.ts";
import {
  checkSlackSettings,
  isSlackConfigured,
  type RunningSlackFrontEnd,
} from "../adapters/slack/start-slack-front-end.ts";
import type { Env } from "../config/env-schema.ts";
import type { Clock } from "../domain/ports/clock.ts";
import { composeCore } from "./compose-core.ts";
import { startSlackWithSchedules } from "./start-schedules.ts";

export interface RunningDuban {
  /** Resolves when the front end ends by itself (e.g. the shell reached the end of its input). */
  finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Opens and prepares the database, starts the Slack front end when Slack is configured, then runs until stopped.
 * `clock` is "now" for everything (src/main.ts passes the process's clock: the computer's, or DUBAN_CLOCK's).
 */
export async function startDuban(env: Env, logger: Logger, clock: Clock): Promise<RunningDuban> {
  if (isSlackConfigured(env)) checkSlackSettings(env);
  const db = await openDatabase(
    { databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR },
    "duban start",
  );
  let stopped = false;
  let slack: RunningSlackFrontEnd | null = null;
  let shell: RunningShellFrontEnd | null = null;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await slack?.stop();
    await shell?.stop();
    await db.close();
  };
  try {
    const { applied } = await prepareSchema(db, {
      autoMigrate: env.DUBAN_AUTO_MIGRATE,
      onApplied: (name) => logger.info({ migration: name }, "applied migration"),
    });
    logger.info(
      { database: db.kind, location: db.location, appliedMigrations: applied.length },
      applied.length === 0
        ? "database ready, schema up to date"
        : `database ready, applied ${applied.length} migration(s)`,
    );
    const core = await composeCore(db.prisma);
    if (isSlackConfigured(env))
      slack = await startSlackWithSchedules({ env, prisma: db.prisma, core, logger, clock });
    else shell = await startShellFrontEnd({ env, db, core, logger, clock });
  } catch (error) {
    await stop();
    throw error;
  }
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
    void shell?.finished.then(resolve);
  });
  return {
    finished,
    stop: async () => {
      await stop();
      finish();
    },
  };
}
