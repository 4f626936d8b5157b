import { resolve } from "node:path";
import { type RunningDailyBackups, startDailyBackups } from "../adapters/db/daily-backups.ts";
import { BACKUPS_DIRNAME } from "../adapters/db/embedded-backup.ts";
import { databaseReachable, migrationsCurrent } from "../adapters/health/database-readiness.ts";
import { createReadinessChecks, type ReadinessChecks } from "../adapters/health/readiness-checks.ts";
import { type RunningHealthServer, startHealthServer } from "../adapters/health/start-health-server.ts";
import type { Logger } from "../adapters/logging/create-logger.ts";
import type { RunningShellFrontEnd } from "../adapters/shell/start-shell-front-end.ts";
import type { RunningSlackFrontEnd } from "../adapters/slack/start-slack-front-end.ts";
import type { Env } from "../config/env-schema.ts";
import { checkSlackSettings, isSlackConfigured } from "../config/slack-settings.ts";
import type { Clock } from "../domain/ports/clock.ts";
import { countyNamesFrom, startWebBoardForSlack, webBoardOnItsOwnPort } from "./start-web-board.ts";

/**
 * How long a stop waits for the requests, the firing and the outbox message in flight (Slack's rate limits can
 * hold replies' receipts for many seconds). What is still running then is safe: every request acknowledged is
 * in the inbox and is processed at the next start; a message being sent is reconciled by its key.
 */
export const STOP_GRACE_MS = 6_000;

async function finishesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RunningDuban {
  /** Resolves when the front end ends by itself (e.g. the shell reached the end of its input). */
  finished: Promise<void>;
  /**
   * Stops cleanly: /readyz turns not ok, no new requests or firings are taken, the requests, the firing and the
   * outbox message in flight finish, the firing claims held are given up, then the database closes.
   */
  stop(): Promise<void>;
  /** What /readyz reports (served on PORT in HTTP mode and on HEALTH_PORT when set). */
  readiness: ReadinessChecks;
  /** The HEALTH_PORT server's port (null when HEALTH_PORT is unset or in the shell). */
  healthPort: number | null;
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
  const rootModule = import("./compose-core.ts");
  for (const loading of [slackModule, shellModule, rootModule]) loading?.catch(() => {}); // awaited (and thrown) below
  const { openDatabase } = await import("../adapters/db/open-database.ts");
  const { prepareSchema } = await import("../adapters/db/prepare-schema.ts");
  const db = await openDatabase(
    { databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR },
    "duban start",
  );
  const readiness = createReadinessChecks();
  readiness.add("database", databaseReachable(db.prisma));
  readiness.add("migrations", migrationsCurrent(db.prisma));
  let stopped = false;
  let slack: RunningSlackFrontEnd | null = null;
  let shell: RunningShellFrontEnd | null = null;
  let health: RunningHealthServer | null = null;
  let backups: RunningDailyBackups | null = null;
  let web: { stop(): Promise<void> } | null = null;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    readiness.setRunning(false);
    if (slack !== null && !(await finishesWithin(slack.stop(), STOP_GRACE_MS))) {
      logger.warn(
        { graceMs: STOP_GRACE_MS },
        "stopping: what is still being processed is left to the next start (the inbox and the outbox keep it)",
      );
    }
    await shell?.stop();
    await web?.stop();
    await backups?.stop();
    await health?.stop();
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
    const { composeCore } = await rootModule;
    const core = await composeCore(db.prisma);
    if (slackModule !== null) {
      const { startSlackWithSchedules } = await slackModule;
      // the web board (src/app/start-web-board.ts): on PORT in HTTP mode, on WEB_PORT in Socket Mode
      const board = await startWebBoardForSlack({
        prisma: db.prisma,
        core,
        logger,
        env,
        clock,
        socketMode: env.SLACK_APP_TOKEN !== undefined,
      });
      web = board;
      slack = await startSlackWithSchedules({
        env,
        prisma: db.prisma,
        core,
        logger,
        clock,
        readiness,
        webSignIn: board.webSignIn,
        customRoutes: board.customRoutes,
      });
      if (env.HEALTH_PORT !== undefined) {
        health = await startHealthServer(env.HEALTH_PORT, readiness);
        logger.info({ port: health.port }, `health checks on :${health.port}/healthz and /readyz`);
      }
      // the service keeps daily snapshots of the embedded database (a server is backed up with pg_dump)
      if (db.snapshot !== undefined && env.DUBAN_BACKUP_KEEP > 0) {
        backups = startDailyBackups({
          snapshot: db.snapshot,
          dir: resolve(env.DUBAN_DATA_DIR, BACKUPS_DIRNAME),
          keep: env.DUBAN_BACKUP_KEEP,
          clock,
          logger,
        });
      }
      readiness.setRunning(true);
    } else if (shellModule !== null) {
      if (env.HEALTH_PORT !== undefined)
        logger.warn(
          { port: env.HEALTH_PORT },
          "HEALTH_PORT is for the Slack bot; the local shell serves no health checks",
        );
      const { startShellFrontEnd } = await shellModule;
      const { createSchedule } = await import("./create-schedule.ts");
      // the shell's web board starts on WEB_PORT at the first `/web`
      shell = await startShellFrontEnd({
        env,
        db,
        core,
        logger,
        clock,
        createSchedule: (frontEnd) => createSchedule(core, frontEnd),
        webBoard: (deps) =>
          webBoardOnItsOwnPort({
            prisma: db.prisma,
            deps: { ...deps, countyNames: countyNamesFrom(db.prisma) },
            logger,
            env,
          }),
      });
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
    readiness,
    healthPort: health?.port ?? null,
    stop: async () => {
      await stop();
      finish();
    },
  };
}
