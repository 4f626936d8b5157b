import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createTemporaryPostgresDatabase } from "../../src/adapters/db/temporary-postgres-database.ts";
import { startSlackDouble } from "../../tests/fakes/slack-double/start-slack-double.ts";
import { median } from "./run-timed.ts";
import { startFlags } from "./start-flags.ts";

const WORKFLOW = "workflows/nanyang-relocation-2021.yaml";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function rssMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface IdleBot {
  idleMb: number;
  peakMb: number;
  startMs: number;
}

/**
 * `npm start` with Slack configured (Bolt's HTTP receiver) on a fresh PostgreSQL database holding the Nanyang
 * plan, its Web API pointed at the Slack double (Bolt would otherwise stall on auth.test). Once it listens and
 * has settled for `settleMs`, its RSS is sampled from /proc five times a second apart: the median is the idle
 * figure.
 */
export async function measureIdleBot(server: string, settleMs = 10_000): Promise<IdleBot> {
  const database = await createTemporaryPostgresDatabase(server, "duban_bench_bot");
  const double = await startSlackDouble();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: database.url,
    LOG_FORMAT: "json",
  };
  try {
    for (const args of [
      ["db", "migrate"],
      ["load", WORKFLOW],
    ]) {
      const done = spawnSync(process.execPath, ["bin/duban.js", ...args], { env, encoding: "utf8" });
      if (done.status !== 0) throw new Error(`duban ${args.join(" ")} failed: ${done.stderr}`);
    }
    const port = await freePort();
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...startFlags(), "dist/main.js"], {
      env: {
        ...env,
        PORT: String(port),
        SLACK_BOT_TOKEN: double.workspace.bot.token,
        SLACK_SIGNING_SECRET: double.workspace.signingSecret,
        SLACK_API_URL: double.apiUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const check = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Slack front end listening")) resolve();
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      void exited.then((code) => reject(new Error(`the bot exited with ${code}: ${output}`)));
    });
    const startMs = Number(process.hrtime.bigint() - start) / 1e6;
    await sleep(settleMs);
    const samples: number[] = [];
    for (let n = 0; n < 5; n++) {
      samples.push(rssMb(child.pid as number, "VmRSS"));
      await sleep(1000);
    }
    const peakMb = rssMb(child.pid as number, "VmHWM");
    child.kill("SIGTERM");
    await exited;
    return { idleMb: median(samples), peakMb, startMs };
  } finally {
    await double.close();
    await database.drop();
  }
}
