#!/usr/bin/env node
// `npm run build`: compiles src/ (with the generated Prisma client) to dist/ with tsc and source maps, then
// stamps the build. `--if-stale` builds only when a source is newer than the stamp (npm start, the tests).
import { spawnSync } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, STAMP, staleBuildReason } from "./build-freshness.mjs";

if (process.argv.includes("--if-stale")) {
  const reason = staleBuildReason();
  if (reason === null) process.exit(0);
  process.stderr.write(`build: ${reason}; compiling\n`);
}
const started = Date.now();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], {
  cwd: ROOT,
  stdio: "inherit",
});
if (result.status !== 0) {
  process.stderr.write("build: tsc failed; dist/ is not updated\n");
  process.exit(result.status ?? 1);
}
// files tsc does not emit: the web board's stylesheet and icon, read beside the compiled module
cpSync(join(ROOT, "src/adapters/web/assets"), join(ROOT, "dist/adapters/web/assets"), { recursive: true });
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
process.stderr.write(`build: dist/ compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
