import { spawnSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, "dist-bench");

let compiled = false;

/**
 * Compiles measure-round.ts (and the other measuring scripts tsconfig.bench.json lists) and the sources it imports to dist-bench/ (tsconfig.bench.json: tsc, as
 * `npm run build` compiles src/), so the measuring process runs plain node as `npm start` does, without tsx's
 * loader. The sources find workflows/ and prisma/ three directories up from their own file, so dist-bench/
 * gets links to them. Returns the compiled `script` (a path under bench/, .ts); compiles once per bench run.
 */
export async function compileRoundChild(script = "reminder-round/measure-round.ts"): Promise<string> {
  const output = join(OUT, "bench", script.replace(/\.ts$/, ".js"));
  if (compiled) return output;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.bench.json")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("tsc -p tsconfig.bench.json failed");
  for (const shared of ["workflows", "prisma"]) {
    const link = join(OUT, shared);
    if (!existsSync(link)) symlinkSync(join(ROOT, shared), link, "dir");
  }
  compiled = true;
  return output;
}
