import { spawnSync } from "node:child_process";

/**
 * Vitest global set-up: the child-process tests run the compiled build (dist/, as `npm start` and
 * bin/duban.js do), so it is brought up to date once before any test file runs.
 */
export default function buildOnce(): void {
  const result = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed: the child-process tests need dist/");
}
