// Reminder rounds: the Nanyang plan expanded to its 13 counties (1,190 tasks) and a synthetic plan of 100,000
// tasks. Each runs in its own process (bench/reminder-round/measure-round.ts) so its peak RSS is its own:
// time to plan the round (against reading the same tasks, the baseline), delivery throughput to the Slack
// double under Slack-like rate limits (against the rate the limits allow), and peak RSS. The measuring process
// runs as `npm start` runs Duban: plain node with npm start's flags (startup/start-flags.ts) on compiled
// JavaScript (compile-round-child.ts), the database opened by open-database.ts, so its RSS is what a user's
// process would show.
import { spawn } from "node:child_process";
import { createSlackWorkspace } from "../tests/fakes/slack-double/create-slack-workspace.ts";
import { type SlackDouble, startSlackDouble } from "../tests/fakes/slack-double/start-slack-double.ts";
import { compiledBenchChild } from "./compile-bench-children.ts";
import { LIMITS } from "./reminder-round/measure-round-limits.ts";
import { prepareRoundDatabase, type RoundPhase } from "./reminder-round/prepare-round-database.ts";
import { contactId } from "./reminder-round/seed-round-data.ts";
import { startFlags } from "./startup/start-flags.ts";

const TARGETS = { deliveryRatio: 0.9, peakRssMb: 300 };

interface Figures {
  phase: string;
  database: string;
  tasks: number;
  contacts: number;
  messages: number;
  readSeconds: number;
  planSeconds: number;
  deliverSeconds: number;
  sent: number;
  failed: number;
  rateLimitedPauses: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** Peak RSS up to the end of planning (before delivery). */
  planPeakRssMb: number;
  liveHeapMb: number;
}

/** Runs one round in a child process against the prepared database and the double (in this process). */
async function runChild(phase: RoundPhase, env: Record<string, string>): Promise<Figures> {
  const script = compiledBenchChild(new URL("./reminder-round/measure-round.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // --expose-gc only lets it collect before taking its baseline; it changes no heap setting.
      ["--expose-gc", ...startFlags(), script],
      {
        env: { ...process.env, ...env, BENCH_PHASE: phase },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the ${phase} round exited with ${code}: ${output}`));
      resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "") as Figures);
    });
  });
}

export interface Measured extends Figures {
  http429: number;
  allowed: number;
}

/** One round, on the PostgreSQL server given (a fresh database on it) or, given null, the embedded database. */
export async function measureRound(
  phase: RoundPhase,
  server: string | null | undefined = process.env.TEST_DATABASE_URL,
): Promise<Measured> {
  const database = await prepareRoundDatabase(phase, server);
  let double: SlackDouble | undefined;
  try {
    const contacts = Number(database.contacts);
    const users = Array.from({ length: contacts }, (_, n) => ({
      id: contactId(n),
      name: `contact-${n}`,
      realName: `联络员${n}`,
    }));
    double = await startSlackDouble({ workspace: createSlackWorkspace({ users }) });
    double.rateLimits.enforce(LIMITS);
    const figures = await runChild(phase, {
      ...database.env,
      BENCH_SLACK_TOKEN: double.workspace.bot.token,
      BENCH_SLACK_API_URL: double.apiUrl,
    });
    const http429 = double.calls("chat.postMessage").filter((call) => call.status === 429).length;
    return {
      ...figures,
      http429,
      allowed: LIMITS.workspaceBurst + LIMITS.workspaceRefillPerSecond * figures.deliverSeconds,
    };
  } finally {
    await double?.close();
    await database.discard();
  }
}

function report(f: Measured): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const rate = f.sent / f.deliverSeconds;
  const allowedRate = f.allowed / f.deliverSeconds;
  const ratio = f.sent / f.allowed;
  out(
    `-- ${f.phase}: ${f.tasks.toLocaleString("en")} tasks, ${f.contacts.toLocaleString("en")} contacts, ${f.database}`,
  );
  out(
    `  plan the round   ${f.planSeconds.toFixed(2)} s for ${f.messages} DMs; baseline (read the same tasks) ${f.readSeconds.toFixed(2)} s; ratio ${(f.planSeconds / f.readSeconds).toFixed(2)}x`,
  );
  out(
    `  delivery         ${f.sent} DMs in ${f.deliverSeconds.toFixed(1)} s = ${rate.toFixed(2)} msg/s; allowed ${allowedRate.toFixed(2)} msg/s (burst ${LIMITS.workspaceBurst} + ${LIMITS.workspaceRefillPerSecond}/s); ratio ${ratio.toFixed(2)}`,
  );
  out(
    `  rate limits      ${f.http429} HTTP 429 answered, ${f.rateLimitedPauses} Retry-After pauses, ${f.failed} failed or dropped`,
  );
  out(
    `  memory           peak RSS ${f.peakRssMb.toFixed(0)} MB; baseline (connected, idle) ${f.baselineRssMb.toFixed(0)} MB; ratio ${(f.peakRssMb / f.baselineRssMb).toFixed(2)}x; live heap after the round ${f.liveHeapMb.toFixed(0)} MB (V8 defaults)`,
  );
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  out(
    `  targets          delivery >= ${TARGETS.deliveryRatio * 100}% of allowed: ${met(ratio >= TARGETS.deliveryRatio)}; no unhandled 429: ${met(f.failed === 0)}; peak RSS < ${TARGETS.peakRssMb} MB: ${met(f.peakRssMb < TARGETS.peakRssMb)}`,
  );
}

async function run(): Promise<void> {
  process.stdout.write(
    `Slack double limits: chat.postMessage ${LIMITS.postMessagePerChannelPerSecond}/s per channel; workspace burst ${LIMITS.workspaceBurst}, refilled ${LIMITS.workspaceRefillPerSecond}/s\n`,
  );
  for (const phase of ["nanyang", "synthetic"] as const) report(await measureRound(phase));
}

export const reminderRoundBenchmark = {
  name: "reminder rounds (plan the round, deliver under Slack's rate limits, memory)",
  run,
};
