#!/usr/bin/env node
// The duban command: runs the compiled build in dist/ with plain node (`npm ci` builds it). In a checkout, a
// build older than src/ is refused with one line rather than run by accident: `npm run build` refreshes it.
import { existsSync } from "node:fs";

if (existsSync(new URL("../src/", import.meta.url))) {
  const { staleBuildReason } = await import("../scripts/build-freshness.mjs");
  const reason = staleBuildReason();
  if (reason !== null) {
    process.stderr.write(`duban: ${reason}; run \`npm run build\`\n`);
    process.exit(2);
  }
}
const { runCliAndExit } = await import("../dist/cli/run-cli-and-exit.js");
await runCliAndExit(process.argv.slice(2));
