import { spawnSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "dist-bench");

let compiled = false;

/**
 * Compiles the benches' child processes (tsconfig.bench.json's `files`: the reminder round's measuring process,
 * the reply bench's Duban, bare Bolt and Slack double processes) and the sources they import to dist-bench/ with
 * tsc, as `npm run build` compiles src/, so the measured processes run plain node as `npm start` does, without
 * tsx's loader. The sources find workflows/, prisma/ and the Slack manifest three directories up from their own
 * file, so dist-bench/ gets links to them. Compiles once per bench run; returns the compiled path of `source` (a .ts file in bench/).
 */
export function compiledBenchChild(source: URL): string {
  if (!compiled) {
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.bench.json")], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error("tsc -p tsconfig.bench.json failed");
    for (const shared of ["workflows", "prisma", "slack-app-manifest.yaml"]) {
      const link = join(OUT, shared);
      if (!existsSync(link)) symlinkSync(join(ROOT, shared), link);
    }
    compiled = true;
  }
  const script = join(OUT, relative(ROOT, fileURLToPath(source))).replace(/\.ts$/, ".js");
  if (!existsSync(script))
    throw new Error(`${script} was not compiled: add its source to tsconfig.bench.json`);
  return script;
}
