// Start-up and memory (`npm run bench -- startup`): the compiled build run with plain node, as `npm start` and
// the duban command run it, against a bare `node -e 0` measured in the same run (medians of RUNS runs,
// alternating with the baseline so load on the machine hits both alike). `duban --help` (time and peak RSS),
// the shell started on an existing embedded database and quit, the Slack bot idle on PostgreSQL, and the
// 100,000-task reminder round (bench/reminder-round.ts) on PostgreSQL and on the embedded database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureRound } from "./reminder-round.ts";
import { measureIdleBot } from "./startup/measure-idle-bot.ts";
import { median, runTimed, type Timed } from "./startup/run-timed.ts";
import { startFlags } from "./startup/start-flags.ts";

const RUNS = Math.max(5, Number(process.env.BENCH_STARTUP_RUNS ?? 7));
const TARGETS = {
  helpRatio: 3,
  helpPeakMb: 80,
  shellRatio: 15,
  botIdleMb: 110,
  roundPeakPostgresMb: 220,
  roundPeakEmbeddedMb: 300,
};

const out = (line: string) => process.stdout.write(`${line}\n`);
const met = (ok: boolean) => (ok ? "met" : "MISSED");

function expectSuccess(what: string, run: Timed): Timed {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}: ${run.output}`);
  return run;
}

/** RUNS runs of `args`, each right after a run of the baseline; then RUNS of each for peak RSS. */
async function againstBaseline(
  what: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string },
) {
  const baseline: Timed[] = [];
  const subject: Timed[] = [];
  for (let n = 0; n < RUNS; n++) {
    baseline.push(expectSuccess("node -e 0", await runTimed(["-e", "0"])));
    subject.push(expectSuccess(what, await runTimed(args, options)));
  }
  const baselinePeak: number[] = [];
  const subjectPeak: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    baselinePeak.push((await runTimed(["-e", "0"], { peak: true })).peakMb ?? Number.NaN);
    subjectPeak.push(
      expectSuccess(what, await runTimed(args, { ...options, peak: true })).peakMb ?? Number.NaN,
    );
  }
  return {
    baselineMs: median(baseline.map((run) => run.ms)),
    ms: median(subject.map((run) => run.ms)),
    baselinePeakMb: median(baselinePeak),
    peakMb: median(subjectPeak),
  };
}

function ensureBuild(): void {
  const build = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

async function run(): Promise<void> {
  ensureBuild();
  out(`medians of ${RUNS} runs; baseline: node -e 0 (node ${process.version}), in the same run`);

  const help = await againstBaseline("duban --help", ["bin/duban.js", "--help"], {});
  const helpRatio = help.ms / help.baselineMs;
  out(
    `  duban --help         ${help.ms.toFixed(0)} ms vs ${help.baselineMs.toFixed(0)} ms = ${helpRatio.toFixed(2)}x; peak RSS ${help.peakMb.toFixed(0)} MB (baseline ${help.baselinePeakMb.toFixed(0)} MB)`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), "duban-bench-shell-"));
  let shellRatio = Number.NaN;
  try {
    const shellEnv = { DUBAN_DATA_DIR: dataDir, LOG_FORMAT: "json" };
    // the first start creates the database, applies the migrations and loads the demo plan: not measured
    expectSuccess(
      "the first shell start",
      await runTimed([...startFlags(), "dist/main.js"], { env: shellEnv, input: "/quit\n" }),
    );
    const shell = await againstBaseline("the shell", [...startFlags(), "dist/main.js"], {
      env: shellEnv,
      input: "/quit\n",
    });
    shellRatio = shell.ms / shell.baselineMs;
    out(
      `  shell start + /quit  ${shell.ms.toFixed(0)} ms vs ${shell.baselineMs.toFixed(0)} ms = ${shellRatio.toFixed(2)}x; peak RSS ${shell.peakMb.toFixed(0)} MB (existing embedded database)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const server = process.env.TEST_DATABASE_URL;
  let botIdleMb = Number.NaN;
  let roundPostgresMb = Number.NaN;
  if (server === undefined) {
    out("  (set TEST_DATABASE_URL to a PostgreSQL server for the bot and the round on PostgreSQL)");
  } else {
    const bot = await measureIdleBot(server);
    botIdleMb = bot.idleMb;
    out(
      `  Slack bot, idle      ${bot.idleMb.toFixed(0)} MB RSS on PostgreSQL (Nanyang plan; peak ${bot.peakMb.toFixed(0)} MB; listening after ${bot.startMs.toFixed(0)} ms)`,
    );
    const round = await measureRound("synthetic", server);
    roundPostgresMb = round.peakRssMb;
    out(
      `  100,000-task round   peak RSS ${round.peakRssMb.toFixed(0)} MB on PostgreSQL (idle ${round.baselineRssMb.toFixed(0)} MB; ${round.planPeakRssMb.toFixed(0)} MB by the end of planning; planned in ${round.planSeconds.toFixed(1)} s, ${round.sent} DMs delivered)`,
    );
  }
  const embedded = await measureRound("synthetic", null);
  out(
    `  100,000-task round   peak RSS ${embedded.peakRssMb.toFixed(0)} MB on the embedded database (idle ${embedded.baselineRssMb.toFixed(0)} MB; ${embedded.planPeakRssMb.toFixed(0)} MB by the end of planning; planned in ${embedded.planSeconds.toFixed(1)} s, ${embedded.sent} DMs delivered)`,
  );

  out(
    `  targets              --help <= ${TARGETS.helpRatio}x: ${met(helpRatio <= TARGETS.helpRatio)}; --help <= ${TARGETS.helpPeakMb} MB: ${met(help.peakMb <= TARGETS.helpPeakMb)}; shell <= ${TARGETS.shellRatio}x: ${met(shellRatio <= TARGETS.shellRatio)}; bot idle <= ${TARGETS.botIdleMb} MB: ${met(botIdleMb <= TARGETS.botIdleMb)}; round <= ${TARGETS.roundPeakPostgresMb} MB on PostgreSQL: ${met(roundPostgresMb <= TARGETS.roundPeakPostgresMb)}, <= ${TARGETS.roundPeakEmbeddedMb} MB embedded: ${met(embedded.peakRssMb <= TARGETS.roundPeakEmbeddedMb)}`,
  );
}

export const startupBenchmark = {
  name: "start-up and memory (compiled build, plain node; against node -e 0)",
  run,
};
