import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RECORDER = "tests/support/load-recorder/register.mjs";

export interface LoadedModules {
  status: number | null;
  output: string;
  /** Every module file the process loaded (ES modules and CommonJS), as paths or URLs. */
  modules: string[];
}

/** Runs `node <args>` on the compiled build with a hook that records every module it loads. */
export function recordLoadedModules(args: string[], env: NodeJS.ProcessEnv = {}, input = ""): LoadedModules {
  const dir = mkdtempSync(join(tmpdir(), "duban-loads-"));
  const log = join(dir, "loaded.txt");
  try {
    const result = spawnSync(process.execPath, ["--import", `./${RECORDER}`, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_FORMAT: "json",
        ...env,
        DUBAN_LOAD_LOG: log,
      },
      input,
      encoding: "utf8",
      timeout: 60_000,
    });
    const modules = [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))];
    return { status: result.status, output: `${result.stdout}${result.stderr}`, modules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The heavy packages (and Duban's own Slack and Prisma code) a module list names, each once. */
export function heavyModules(modules: string[], patterns: Record<string, RegExp>): string[] {
  return Object.entries(patterns)
    .filter(([, pattern]) => modules.some((module) => pattern.test(module)))
    .map(([name]) => name);
}
