#!/usr/bin/env node
// The duban command. Runs the TypeScript sources through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { runCliAndExit } = await import("../src/cli/run-cli-and-exit.ts");
await runCliAndExit(process.argv.slice(2));
