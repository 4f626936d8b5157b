// Child process of the reply-handling bench: Duban's Slack front end on Bolt's HTTP receiver
// (processBeforeResponse: true, or false as `npm start` runs it), on the embedded database (PGlite, on disk, in a temporary directory) with the
// Nanyang plan loaded, its Web API pointed at the Slack double's process.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenDatabase, openDatabase } from "../../src/adapters/db/open-database.ts";
import { prepareSchema } from "../../src/adapters/db/prepare-schema.ts";
import { createPrismaPlanStore } from "../../src/adapters/db/prisma-plan-store.ts";
import { loadWorkflowFile } from "../../src/adapters/files/load-workflow-file.ts";
import { createLogger } from "../../src/adapters/logging/create-logger.ts";
import {
  type RunningSlackFrontEnd,
  startSlackFrontEnd,
} from "../../src/adapters/slack/start-slack-front-end.ts";
import { composeCore } from "../../src/app/compose-core.ts";
import { loadWorkflow } from "../../src/services/plans/load-workflow.ts";
import { createSilentLogger } from "../../tests/support/create-silent-logger.ts";
import { serveParent } from "./child-rpc.ts";

const WORKFLOW = "workflows/nanyang-relocation-2021.yaml";
/** The plan counts as loaded before the replies' cycle, so every task owes its report. */
const LOADED_AT = new Date("2026-09-01T00:00:00+08:00");

interface Running {
  dataDir: string;
  db: OpenDatabase;
  frontEnd?: RunningSlackFrontEnd;
}

let running: Running | undefined;

function started(): Required<Running> {
  if (running?.frontEnd === undefined) throw new Error("Duban is not started");
  return running as Required<Running>;
}

const handlers = {
  async start(options: {
    botToken: string;
    signingSecret: string;
    apiUrl: string;
    admins: string[];
    /** false: Slack's 200 leaves once the inbox has stored the request, as with `npm start`. */
    processBeforeResponse: boolean;
  }) {
    const dataDir = await mkdtemp(join(tmpdir(), "duban-bench-"));
    const db = await openDatabase({ dataDir }, "npm run bench");
    running = { dataDir, db };
    await prepareSchema(db, { autoMigrate: true });
    await loadWorkflow({
      workflow: await loadWorkflowFile(WORKFLOW),
      file: { path: WORKFLOW, hash: "bench" },
      store: createPrismaPlanStore(db.prisma),
      dryRun: false,
      actor: "bench",
      loadedAt: LOADED_AT,
    });
    running.frontEnd = await startSlackFrontEnd({
      env: {
        SLACK_BOT_TOKEN: options.botToken,
        SLACK_SIGNING_SECRET: options.signingSecret,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: options.apiUrl,
        PORT: 3000,
        DUBAN_ADMINS: options.admins,
      },
      prisma: db.prisma,
      core: await composeCore(db.prisma),
      logger: createLogger({ level: "warn", format: "json" }),
      boltLogger: createSilentLogger(),
      port: 0,
      processBeforeResponse: options.processBeforeResponse,
    });
    return { port: running.frontEnd.port, database: db.location };
  },
  /** Resolves when no listener work is in flight (e.g. the urge DMs of `remind` are posted). */
  idle: () => started().frontEnd.idle(),
  reportCount: () => started().db.prisma.progressReport.count(),
  async stop() {
    if (running === undefined) return;
    const { dataDir, db, frontEnd } = running;
    running = undefined;
    try {
      await frontEnd?.stop();
    } finally {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};

export type DubanHandlers = typeof handlers;

serveParent(handlers);
