// The web board at scale: the synthetic plan of 100,000 tasks (seed-round-data.ts) with lights of every kind,
// 13 counties and a report on most tasks (web-board/seed-web-data.ts), in a fresh PostgreSQL database dropped
// afterwards. The board is served in its own process (web-board/measure-web.ts, plain node with npm start's
// flags on compiled JavaScript, as the reminder bench runs) so its peak RSS is the server's own: the board,
// a filtered board, a measure and a department page, each timed over real HTTP against reading the same task
// rows (the baseline), medians of several runs in one process.
import { spawn } from "node:child_process";
import { compiledBenchChild } from "./compile-bench-children.ts";
import { prepareRoundDatabase } from "./reminder-round/prepare-round-database.ts";
import { startFlags } from "./startup/start-flags.ts";
import { seedWebBoardData } from "./web-board/seed-web-data.ts";

const TARGET_BOARD_MS = 300;
const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

interface WebFigures {
  database: string;
  tasks: number;
  reports: number;
  runs: number;
  cases: Array<{ key: string; label: string; medianMs: number; minMs: number; maxMs: number; bytes: number }>;
  peakRssMb: number;
  /** Peak RSS after serving each page once, before the baseline's read. */
  pagesPeakRssMb: number;
}

async function runChild(env: Record<string, string>): Promise<WebFigures> {
  const script = compiledBenchChild(new URL("./web-board/measure-web.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...startFlags(), script], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the web bench exited with ${code}: ${output}`));
      resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "") as WebFigures);
    });
  });
}

async function run(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const seedStart = Date.now();
  const database = await prepareRoundDatabase("synthetic", server, seedWebBoardData);
  try {
    if (database.env.BENCH_DATABASE_URL === undefined) throw new Error("the web bench needs PostgreSQL");
    out(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(0)} s`);
    const f = await runChild({ ...database.env });
    out(
      `-- ${f.tasks.toLocaleString("en")} tasks, ${f.reports.toLocaleString("en")} reports, ${f.database}; medians of ${f.runs} runs`,
    );
    const baseline = f.cases.find((c) => c.key === "read")?.medianMs ?? Number.NaN;
    for (const c of f.cases) {
      const size = c.bytes > 0 ? `, ${(c.bytes / 1024).toFixed(0)} KB of HTML` : "";
      out(
        `  ${c.label.padEnd(44)} ${c.medianMs.toFixed(1).padStart(7)} ms (${c.minMs.toFixed(0)}–${c.maxMs.toFixed(0)})${size}; ratio ${(c.medianMs / baseline).toFixed(2)}x`,
      );
    }
    out(
      `  memory: peak RSS of the serving process ${f.pagesPeakRssMb.toFixed(0)} MB serving the pages once (warm-up), ${f.peakRssMb.toFixed(0)} MB at the end (the baseline's read of every row included)`,
    );
    const board = f.cases.find((c) => c.key === "board")?.medianMs ?? Number.POSITIVE_INFINITY;
    out(
      `  target: the board renders in < ${TARGET_BOARD_MS} ms: ${board < TARGET_BOARD_MS ? "met" : "MISSED"} (${board.toFixed(0)} ms)`,
    );
  } finally {
    await database.discard();
  }
}

export const webBoardBenchmark = {
  name: "web board on 100,000 tasks (server-side render over HTTP, against reading the same rows)",
  run,
};
