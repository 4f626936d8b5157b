import type { Logger } from "../adapters/logging/create-logger.ts";
import type { RunningShellFrontEnd } from "../adapters/shell/start-shell-front-end.ts";
import type { RunningSlackFrontEnd } from "../adapters/slack/start-slack-front-end.ts";
import type { Env } from "../config/env-schema.ts";
import { checkSlackSettings, isSlackConfigured } from "../config/slack-settings.ts";
import type { Clock } from "../domain/ports/clock.ts";

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
  const slackConfigured = isSlackConfigured(env);
  if (slackConfigured) checkSlackSettings(env);
  // loaded here, not at the top: `npm start` loads only the front end it runs (the shell never loads Bolt);
  // its loading starts now, alongside opening the database, so it is ready when the database is
  const slackModule = slackConfigured ? import("./start-schedules.ts") : null;
  const shellModule = slackConfigured ? null : import("../adapters/shell/start-shell-front-end.ts");
  for (const loading of [slackModule, shellModule]) loading?.catch(() => {}); // awaited (and thrown) below
  const { openDatabase } = await import("../adapters/db/open-database.ts");
  const { prepareSchema } = await import("../adapters/db/prepare-schema.ts");
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
    if (slackModule !== null) {
      const { startSlackWithSchedules } = await slackModule;
      slack = await startSlackWithSchedules({ env, prisma: db.prisma, logger, clock });
    } else if (shellModule !== null) {
      const { startShellFrontEnd } = await shellModule;
      shell = await startShellFrontEnd({ env, db, logger, clock });
    }
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
