import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PEAK_RSS_HOOK = new URL("./report-peak-rss.mjs", import.meta.url).href;

export interface Timed {
  ms: number;
  /** Peak RSS in MB, when asked for (measured in a separate run with a tiny exit hook). */
  peakMb?: number;
  code: number | null;
  output: string;
}

/** Runs `node <args>` to its end: wall time from spawn to exit; with `peak`, its peak RSS instead. */
export function runTimed(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; peak?: boolean } = {},
): Promise<Timed> {
  const dir = options.peak ? mkdtempSync(join(tmpdir(), "duban-bench-rss-")) : undefined;
  const rssFile = dir && join(dir, "rss");
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, rssFile ? ["--import", PEAK_RSS_HOOK, ...args] : args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdin.end(options.input ?? "");
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      let peakMb: number | undefined;
      if (rssFile && dir) {
        peakMb = Number(readFileSync(rssFile, "utf8")) / 1024;
        rmSync(dir, { recursive: true, force: true });
      }
      resolve({ ms, peakMb, code, output });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
