#!/usr/bin/env node
// `npm run package`: builds duban-<version>.tgz, an offline release for a machine with Node 20 and no registry:
// the compiled build (dist/, with source maps), production dependencies only (installed from the lockfile
// with npm's cache, no install scripts: the Prisma client is already compiled into dist/), the migrations,
// workflows, the Slack app manifest, README and bin/. It unpacks into duban/: `./bin/duban doctor`, `npm start`.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./build-freshness.mjs";

const SHIPPED = [
  "dist",
  "bin/duban",
  "bin/duban.js",
  "prisma/schema.prisma",
  "prisma/migrations",
  "workflows",
  "slack-app-manifest.yaml",
  "README.md",
  "package-lock.json",
  "deploy",
];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    process.stderr.write(`package: ${command} ${args.join(" ")} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const archive = `duban-${manifest.version}.tgz`;
process.stderr.write(`package: building ${archive}\n`);
run(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--if-stale"], ROOT);

const staging = mkdtempSync(join(tmpdir(), "duban-package-"));
try {
  const app = join(staging, "duban");
  mkdirSync(app);
  for (const path of SHIPPED) {
    cpSync(join(ROOT, path), join(app, path), {
      recursive: true,
      filter: (source) => !source.endsWith(".tsbuildinfo"),
    });
  }
  // what the release runs: no build, no Prisma generation, no development tools
  const scripts = { start: manifest.scripts.start.replace(/^.*&& /, ""), duban: "node bin/duban.js" };
  const write = (json) => writeFileSync(join(app, "package.json"), `${JSON.stringify(json, null, 2)}\n`);
  write({ ...manifest, scripts }); // devDependencies stay listed until installed: npm ci checks them against the lockfile
  process.stderr.write(
    "package: installing production dependencies (npm ci --omit=dev, from npm's cache when it can)\n",
  );
  run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"], app);
  write({ ...manifest, scripts, devDependencies: undefined });
  run("tar", ["czf", join(ROOT, archive), "-C", staging, "duban"], ROOT);
  process.stderr.write(`package: wrote ${archive}\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
