import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbeddedDataDir } from "../support/embedded-data-dir.ts";
import { heavyModules, recordLoadedModules } from "../support/record-loaded-modules.ts";

// What a command must not load unless it needs it (issue 14 item 2). Matched against the loaded files.
const HEAVY = {
  prisma: /node_modules\/(@prisma|prisma)\/|dist\/adapters\/db\/generated\//,
  pglite: /node_modules\/(@electric-sql\/pglite|pglite-prisma-adapter)\//,
  bolt: /node_modules\/@slack\//,
  slackAdapters: /dist\/adapters\/slack\//,
  exceljs: /node_modules\/exceljs\//,
  resvg: /node_modules\/@resvg\//,
  mammoth: /node_modules\/mammoth\//,
};

describe("each command loads only what it needs (compiled build, modules recorded by a loader hook)", () => {
  it("duban --help loads commander and the command definitions, none of the heavy packages", () => {
    const run = recordLoadedModules(["bin/duban.js", "--help"]);
    expect(run.status).toBe(0);
    expect(run.output).toContain("Usage: duban");
    expect(run.modules.some((module) => module.includes("node_modules/commander/"))).toBe(true);
    expect(heavyModules(run.modules, HEAVY)).toEqual([]);
    expect(run.modules.some((module) => module.includes("node_modules/zod/"))).toBe(false);
  });

  it("duban validate and duban import (of a text plan) load no database, Slack or document library", () => {
    const validate = recordLoadedModules([
      "bin/duban.js",
      "validate",
      "workflows/nanyang-relocation-2021.yaml",
    ]);
    expect(validate.output).toContain("valid");
    expect(heavyModules(validate.modules, HEAVY)).toEqual([]);

    const imported = recordLoadedModules([
      "bin/duban.js",
      "import",
      "workflows/sources/nanyang-relocation-2021.txt",
      "--json",
    ]);
    expect(imported.status).toBe(0);
    expect(heavyModules(imported.modules, HEAVY)).toEqual([]);
  });

  it("the shell loads the embedded database but never Slack code; a .docx import does load mammoth", async () => {
    const dataDir = await createEmbeddedDataDir("migrated");
    try {
      const shell = recordLoadedModules(["dist/main.js"], { DUBAN_DATA_DIR: dataDir }, "/quit\n");
      expect(shell.status).toBe(0);
      // the recorder sees what the shell needs, so its silence about Slack means something
      expect(heavyModules(shell.modules, HEAVY)).toEqual(["prisma", "pglite"]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const dir = mkdtempSync(join(tmpdir(), "duban-docx-"));
    try {
      writeFileSync(join(dir, "plan.docx"), "not a zip");
      const docx = recordLoadedModules(["bin/duban.js", "import", join(dir, "plan.docx"), "--json"]);
      expect(docx.status).toBe(2);
      expect(heavyModules(docx.modules, HEAVY)).toEqual(["mammoth"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // two child processes, one opening the embedded database: over 30 s on a busy 2-core machine
});
