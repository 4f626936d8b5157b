import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const RECORDER = "tests/support/load-recorder/register.mjs";

export interface LoadedModules {
  status: number | null;
  output: string;
  /**
   * Every module file the process loaded (ES modules and CommonJS), as paths or URLs; for each file of the
   * bundled build (dist/), also the sources bundled into it, as esbuild's metafile names them
   * ("src/adapters/slack/…", "node_modules/zod/…").
   */
  modules: string[];
}

const ROOT = resolve(import.meta.dirname, "../..");

/** dist/'s output files (relative to the project), each with the sources bundled into it. */
function bundledSources(): Map<string, string[]> {
  const metafile = JSON.parse(readFileSync(join(ROOT, "dist/metafile.json"), "utf8")) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  return new Map(
    Object.entries(metafile.outputs).map(([output, { inputs }]) => [output, Object.keys(inputs)]),
  );
}

/** Adds, after each loaded file of dist/, the sources bundled into it. */
function withBundledSources(modules: string[], outputs = bundledSources()): string[] {
  return modules.flatMap((module) => {
    const path = module.startsWith("file:") ? fileURLToPath(module) : module;
    return [module, ...(outputs.get(relative(ROOT, path)) ?? [])];
  });
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
    const modules = withBundledSources([...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))]);
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
