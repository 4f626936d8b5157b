// Reply handling: signed Slack thread replies (message events) through Bolt's HTTP receiver until the
// report is stored and Slack gets its 200, against a bare Bolt app on the same receiver that only acks.
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "@slack/bolt";
import { openDatabase } from "../src/adapters/db/open-database.ts";
import { prepareSchema } from "../src/adapters/db/prepare-schema.ts";
import { createPrismaPlanStore } from "../src/adapters/db/prisma-plan-store.ts";
import { loadWorkflowFile } from "../src/adapters/files/load-workflow-file.ts";
import { createLogger } from "../src/adapters/logging/create-logger.ts";
import { startSlackFrontEnd } from "../src/adapters/slack/start-slack-front-end.ts";
import { loadWorkflow } from "../src/services/load-workflow.ts";
import { startSlackDouble } from "../tests/fakes/slack-double/start-slack-double.ts";
import { createSlackDriver, type SlackDriver } from "../tests/fakes/slack-driver.ts";
import { createSilentLogger } from "../tests/support/create-silent-logger.ts";

const REPLIES = Number(process.env.BENCH_REPLIES ?? 2000);
const WARM_UP = 100;
const WORKFLOW = "workflows/nanyang-relocation-2021.yaml";
const CONTACT = "U0CONTACT1";
const SUPERVISOR = "U0SUPERV01";
const TARGET = { p99Ms: 100, ratio: 3 };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

async function timed(send: () => Promise<{ status: number }>): Promise<number> {
  const start = process.hrtime.bigint();
  const { status } = await send();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (status !== 200) throw new Error(`expected 200, got ${status}`);
  return ms;
}

/** The baseline: Bolt's HTTP receiver, signature checks and dispatch, a message listener that does nothing. */
async function startBareBoltApp(double: Awaited<ReturnType<typeof startSlackDouble>>) {
  const app = new App({
    token: double.workspace.bot.token,
    signingSecret: double.workspace.signingSecret,
    processBeforeResponse: true,
    clientOptions: { slackApiUrl: double.apiUrl },
    logger: createSilentLogger(),
    deferInitialization: true,
  });
  app.event("message", async () => {});
  await app.init();
  const server = (await app.start(0)) as Server;
  return { app, port: (server.address() as AddressInfo).port };
}

async function run(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "duban-bench-"));
  const db = await openDatabase({ dataDir }, "npm run bench");
  const double = await startSlackDouble();
  const { workspace } = double;
  const logger = createLogger({ level: "warn", format: "json" });
  try {
    await prepareSchema(db, { autoMigrate: true });
    await loadWorkflow({
      workflow: await loadWorkflowFile(WORKFLOW),
      file: { path: WORKFLOW, hash: "bench" },
      store: createPrismaPlanStore(db.prisma),
      dryRun: false,
      actor: "bench",
    });
    const measured = await startSlackFrontEnd({
      env: {
        SLACK_BOT_TOKEN: workspace.bot.token,
        SLACK_SIGNING_SECRET: workspace.signingSecret,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: double.apiUrl,
        PORT: 3000,
        DUBAN_ADMINS: [SUPERVISOR],
      },
      prisma: db.prisma,
      logger,
      boltLogger: createSilentLogger(),
      port: 0,
      processBeforeResponse: true,
    });
    const bare = await startBareBoltApp(double);
    const driverFor = (port: number | null) =>
      createSlackDriver({ url: `http://127.0.0.1:${port}/slack/events`, workspace, double });
    const duban: SlackDriver = driverFor(measured.port);
    const baseline: SlackDriver = driverFor(bare.port);

    // a contact of 市农业农村局 urged on measure (一): one task in the DM, so replies in its thread need no measure
    await duban.slashCommand({ user: SUPERVISOR, text: `assign 市农业农村局 <@${CONTACT}|li.na> 联络员` });
    await duban.slashCommand({ user: SUPERVISOR, text: "remind 1" });
    await measured.idle();
    const urge = double
      .messages(double.dmChannelId(CONTACT))
      .find((message) => message.botId !== undefined && message.text?.startsWith("催办"));
    if (urge === undefined) throw new Error("no urge DM to reply to");
    const reply = (driver: SlackDriver, i: number) => () =>
      driver.message({ user: CONTACT, text: `推进中 ${i % 100}%，第 ${i} 次报送`, threadTs: urge.ts });

    const before = await db.prisma.progressReport.count();
    const times = { duban: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < WARM_UP + REPLIES; i += 1) {
      const bareMs = await timed(reply(baseline, i));
      const dubanMs = await timed(reply(duban, i));
      if (i >= WARM_UP) {
        times.baseline.push(bareMs);
        times.duban.push(dubanMs);
      }
    }
    const stored = (await db.prisma.progressReport.count()) - before;
    if (stored !== WARM_UP + REPLIES)
      throw new Error(`expected ${WARM_UP + REPLIES} reports stored, found ${stored}`);
    const refused = double
      .calls()
      .filter((call) => call.status !== 200 || (call.response as { ok?: boolean }).ok !== true);
    if (refused.length > 0)
      throw new Error(
        `${refused.length} Web API call(s) refused by the double, first: ${refused[0]?.method}`,
      );

    const d = summarise(times.duban);
    const b = summarise(times.baseline);
    const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `${REPLIES} signed thread replies (message events) each, after ${WARM_UP} warm-up, alternating between the two apps`,
    );
    out(`database: embedded PGlite on disk (${db.location})`);
    out(
      "measured: signed HTTP request -> report stored -> 200. Both apps run Bolt with processBeforeResponse: true,",
    );
    out(
      "  so Slack's 200 leaves only after the listener finished (Duban's: report stored, receipt posted in the thread)",
    );
    out(`  Duban       p50 ${fmt(d.p50)}  p99 ${fmt(d.p99)}  max ${fmt(d.max)}`);
    out(`  bare Bolt   p50 ${fmt(b.p50)}  p99 ${fmt(b.p99)}  max ${fmt(b.max)}  (acks only)`);
    const ratio = { p50: d.p50 / b.p50, p99: d.p99 / b.p99 };
    out(`  ratio       p50 ${ratio.p50.toFixed(2)}x  p99 ${ratio.p99.toFixed(2)}x`);
    out(
      `target p99 <= ${TARGET.p99Ms} ms: ${d.p99 <= TARGET.p99Ms ? "met" : "MISSED"}; ratio (p99) <= ${TARGET.ratio}: ${ratio.p99 <= TARGET.ratio ? "met" : "MISSED"}`,
    );
    await bare.app.stop();
    await measured.stop();
  } finally {
    await double.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const replyHandlingBenchmark = {
  name: "reply handling (Slack thread reply -> report stored -> 200)",
  run,
};
