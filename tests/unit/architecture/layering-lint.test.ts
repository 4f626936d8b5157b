// The layering rule lives in biome.json (`noRestrictedImports` in the overrides for src/domain and
// src/services). These tests prove the rule can fail, and run it over the real tree so that `npm test`
// (the CI command) catches a wrong import even where `npm run lint` is not run.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../../..");
const biome = join(repoRoot, "node_modules/.bin/biome");
const rule = "lint/style/noRestrictedImports";

const probeRoot = mkdtempSync(join(tmpdir(), "duban-layering-"));
copyFileSync(join(repoRoot, "biome.json"), join(probeRoot, "biome.json"));
afterAll(() => rmSync(probeRoot, { recursive: true, force: true }));

function lintProbe(relativePath: string, source: string): { status: number | null; output: string } {
  const file = join(probeRoot, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  // The temporary copy is not a git checkout, so the VCS integration is switched off for it.
  const run = spawnSync(biome, ["lint", "--vcs-enabled=false", `--only=${rule}`, relativePath], {
    cwd: probeRoot,
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("layering enforced by biome.json", () => {
  it("fails a domain file that imports an adapter, naming the rule", () => {
    const result = lintProbe(
      "src/domain/probe/imports-adapter.ts",
      'import { createPrismaSupervisionStore } from "../../adapters/db/prisma-supervision-store.js";\nexport const store = createPrismaSupervisionStore;\n',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(rule);
    expect(result.output).toContain("The domain imports nothing from services, adapters");
  });

  it("fails a domain file that imports a package other than zod, node:crypto or tyme4ts", () => {
    const result = lintProbe(
      "src/domain/probe/imports-slack.ts",
      'import { App } from "@slack/bolt";\nexport const app = App;\n',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("The domain imports only zod, node:crypto");
  });

  it("fails a service that imports cli code", () => {
    const result = lintProbe(
      "src/services/probe-imports-cli.ts",
      'import { runCli } from "../cli/main.js";\nexport const run = runCli;\n',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("Services never import adapters, app or cli");
  });

  it("fails an adapter that imports cli code (an arrow running back up)", () => {
    const result = lintProbe(
      "src/adapters/shell/probe-imports-cli.ts",
      'import { renderScorecard } from "../../cli/format/render-scorecard.js";\nexport const render = renderScorecard;\n',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("Adapters never import app or cli");
  });

  it("passes a domain file that imports zod, node:crypto and other domain files", () => {
    const result = lintProbe(
      "src/domain/probe/allowed.ts",
      'import { createHash } from "node:crypto";\nimport { z } from "zod";\nimport { DomainError } from "../errors.js";\nexport const all = [createHash, z, DomainError];\n',
    );
    expect(result.output).not.toContain(rule);
    expect(result.status).toBe(0);
  });

  it("holds for the real src/domain, src/services and src/adapters", () => {
    const run = spawnSync(biome, ["lint", `--only=${rule}`, "src/domain", "src/services", "src/adapters"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).not.toContain(rule);
    expect(output).toMatch(/Checked \d+ files/);
    expect(run.status).toBe(0);
  });
});
