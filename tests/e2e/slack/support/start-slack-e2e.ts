import { Writable } from "node:stream";
import { createPrismaPlanStore } from "../../../../src/adapters/db/prisma-plan-store.ts";
import { loadWorkflowFile } from "../../../../src/adapters/files/load-workflow-file.ts";
import { createLogger } from "../../../../src/adapters/logging/create-logger.ts";
import {
  type RunningSlackFrontEnd,
  startSlackFrontEnd,
} from "../../../../src/adapters/slack/start-slack-front-end.ts";
import { createWebAccessStore } from "../../../../src/adapters/web/web-access-store.ts";
import { composeCore } from "../../../../src/app/compose-core.ts";
import { loadWorkflow } from "../../../../src/services/plans/load-workflow.ts";
import { createSettableClock, type SettableClock } from "../../../fakes/settable-clock.ts";
import { type SlackDouble, startSlackDouble } from "../../../fakes/slack-double/start-slack-double.ts";
import { createSlackDriver, type SlackDriver } from "../../../fakes/slack-driver.ts";
import { createSilentLogger } from "../../../support/create-silent-logger.ts";
import { SEEDED_TASKS_TRACKED_SINCE } from "../../../support/database-templates.ts";
import { FRIDAY_BEFORE_DUE, NANYANG_WORKFLOW } from "../../../support/supervision-fixture.ts";
import {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseTarget,
} from "../../../support/test-database.ts";

/** The workspace's people (tests/fakes/slack-double/create-slack-workspace.ts). */
export const SUPERVISOR = "U0SUPERV01"; // 王军, in DUBAN_ADMINS
export const CONTACT = "U0CONTACT1"; // 李娜
export const OTHER_CONTACT = "U0CONTACT2"; // 张伟
export const ENGLISH_USER = "U0ENGLISH1"; // Alice Chen, en-US
/**
 * The channel the digest goes to: the double's supervisors' channel, the bot invited; the Nanyang workflow names
 * it (schedule.digest.channel: 督办周报), and DUBAN_DIGEST_CHANNEL names it by id.
 */
export const DIGEST_CHANNEL = "C0DUBANSUP";
export const DIGEST_CHANNEL_NAME = "督办周报";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface SlackE2e {
  db: TestDatabase;
  double: SlackDouble;
  slack: RunningSlackFrontEnd;
  driver: SlackDriver;
  clock: SettableClock;
  /** What Duban logged (JSON lines, parsed). */
  logs: LogLine[];
  /**
   * Stops the front end and starts a new one on the same database (as a restarted process would; `slack` and
   * `driver` are replaced, the new driver aimed at the new port).
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole Slack path for one test file: a migrated database with the Nanyang workflow loaded, the Slack
 * double, Duban's Slack front end started as `npm start` starts it (Bolt's HTTP receiver on a free port,
 * Web API calls aimed at the double), and a driver that signs requests like Slack; with `socketMode`, Duban
 * connects to the double's Socket Mode instead and the driver sends its requests as envelopes there.
 */
export async function startSlackE2e(
  target: TestDatabaseTarget,
  options: { socketMode?: boolean; webBoardUrl?: string } = {},
): Promise<SlackE2e> {
  const db = await createTestDatabase(target);
  const workflow = await loadWorkflowFile(NANYANG_WORKFLOW);
  await loadWorkflow({
    workflow,
    file: { path: NANYANG_WORKFLOW, hash: "e2e" },
    store: createPrismaPlanStore(db.prisma),
    dryRun: false,
    actor: "test",
    // loaded in September: lights and overdue lists as at the tests' dates, whatever day they run
    loadedAt: SEEDED_TASKS_TRACKED_SINCE,
  });
  const double = await startSlackDouble();
  double.inviteBot(DIGEST_CHANNEL); // installed and invited to the digest channel, as the README's steps say
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const clock = createSettableClock(FRIDAY_BEFORE_DUE);
  const { workspace } = double;
  const core = await composeCore(db.prisma);
  const startFrontEnd = () =>
    startSlackFrontEnd({
      env: {
        SLACK_BOT_TOKEN: workspace.bot.token,
        SLACK_SIGNING_SECRET: options.socketMode ? undefined : workspace.signingSecret,
        SLACK_APP_TOKEN: options.socketMode ? double.socketMode.appToken : undefined,
        SLACK_API_URL: double.apiUrl,
        PORT: 3000,
        DUBAN_ADMINS: [SUPERVISOR],
        DUBAN_DIGEST_CHANNEL: DIGEST_CHANNEL,
      },
      prisma: db.prisma,
      core,
      logger: createLogger({ level: "debug", format: "json", destination }),
      boltLogger: createSilentLogger(),
      port: 0,
      clock,
      ...(options.webBoardUrl === undefined
        ? {}
        : { webSignIn: createWebAccessStore(db.prisma, () => options.webBoardUrl as string) }),
    });
  const driverFor = (slack: RunningSlackFrontEnd) =>
    options.socketMode
      ? createSlackDriver({ url: "socket-mode", workspace, double, send: double.socketMode.sender })
      : createSlackDriver({ url: `http://127.0.0.1:${slack.port}/slack/events`, workspace, double });
  const slack = await startFrontEnd();
  const e2e: SlackE2e = {
    db,
    double,
    slack,
    driver: driverFor(slack),
    clock,
    logs,
    async restart() {
      await e2e.slack.stop();
      e2e.slack = await startFrontEnd();
      e2e.driver = driverFor(e2e.slack);
    },
    async close() {
      await e2e.slack.stop();
      await double.close();
      await db.drop();
    },
  };
  return e2e;
}
