import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmbeddedDataDir } from "../support/embedded-data-dir.ts";
import { heavyModules, recordLoadedModules } from "../support/record-loaded-modules.ts";

// What a command must not load unless it needs it (issue 14 item 2). Matched against the loaded files and,
// for the bundled build's files, the sources bundled into each (esbuild's metafile).
const HEAVY = {
  prisma: /node_modules\/(@prisma|prisma)\/|src\/adapters\/db\/generated\//,
  pglite: /node_modules\/(@electric-sql\/pglite|pglite-prisma-adapter)\//,
  bolt: /node_modules\/@slack\//,
  slackAdapters: /src\/adapters\/slack\//,
  exceljs: /node_modules\/exceljs\//,
  resvg: /node_modules\/@resvg\//,
  mammoth: /node_modules\/mammoth\//,
};

/** express's and @slack/oauth's own files (beyond their entry modules) and their dependencies. */
const UNUSED_RECEIVER_PARTS =
  /node_modules\/(express\/lib\/|body-parser\/|jsonwebtoken\/|@slack\/oauth\/dist\/(?!index\.js$))/;

describe("each command loads only what it needs (compiled build, modules recorded by a loader hook)", () => {
  it("duban --help loads commander and the command definitions, none of the heavy packages", () => {
    const run = recordLoadedModules(["bin/duban.js", "--help"]);
    expect(run.status).toBe(0);
    expect(run.output).toContain("Usage: duban");
    expect(run.modules.some((module) => module.includes("node_modules/commander/"))).toBe(true);
    expect(heavyModules(run.modules, HEAVY)).toEqual([]);
    expect(run.modules.some((module) => module.includes("node_modules/zod/"))).toBe(false);
    // string-width builds its Unicode tables on load: it waits for the first non-ASCII table cell
    expect(run.modules.some((module) => module.includes("node_modules/string-width/"))).toBe(false);
  });

  it("Bolt, as Duban's Slack adapters import it, loads the Socket Mode client (undici) only when Socket Mode is used", () => {
    const script = (socketMode: boolean) =>
      [
        'const { App, SocketModeReceiver } = await import("./dist/adapters/slack/bolt.js");',
        'if (typeof App !== "function") throw new Error("no App");',
        socketMode
          ? 'new SocketModeReceiver({ appToken: "xapp-1-A1-1-a", logLevel: "error" });'
          : 'new App({ token: "xoxb-1", signingSecret: "s", tokenVerificationEnabled: false });',
      ].join("\n");
    // the recorder sees resolutions: @slack/socket-mode's entry is resolved (to its stand-in) in both cases
    const socketModeClient = /node_modules\/(undici\/|@slack\/socket-mode\/dist\/src\/SocketModeClient)/;
    const http = recordLoadedModules(["--input-type=module", "-e", script(false)]);
    expect(http.status, http.output).toBe(0);
    expect(http.modules.some((module) => module.includes("node_modules/@slack/bolt/"))).toBe(true);
    expect(http.modules.filter((module) => socketModeClient.test(module))).toEqual([]);
    // nor express (ExpressReceiver's) nor @slack/oauth (an InstallProvider's): their entries are resolved for
    // the stand-ins, their own files never load
    expect(http.modules.filter((module) => UNUSED_RECEIVER_PARTS.test(module))).toEqual([]);

    const socket = recordLoadedModules(["--input-type=module", "-e", script(true)]);
    expect(socket.status, socket.output).toBe(0);
    expect(socket.modules.filter((module) => socketModeClient.test(module)).length).toBeGreaterThan(1);
    expect(socket.modules.some((module) => module.includes("node_modules/undici/"))).toBe(true);
  });

  it("express and @slack/oauth behind their stand-ins load and work when a receiver uses them", () => {
    const script = [
      'await import("./dist/adapters/slack/bolt.js");',
      'const { createRequire } = await import("node:module");',
      'const bolt = createRequire(process.cwd() + "/")("@slack/bolt");',
      'const express = new bolt.ExpressReceiver({ signingSecret: "s" });',
      'if (typeof express.app !== "function" || typeof express.router?.use !== "function") throw new Error("no express app");',
      'const oauth = new bolt.HTTPReceiver({ signingSecret: "s", clientId: "c", clientSecret: "x", stateSecret: "y", scopes: ["chat:write"] });',
      'if (typeof oauth.installer?.handleCallback !== "function") throw new Error("no InstallProvider");',
      'console.log("receivers ok");',
    ].join("\n");
    const run = recordLoadedModules(["--input-type=module", "-e", script]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("receivers ok");
    expect(run.modules.some((module) => /node_modules\/express\/lib\//.test(module))).toBe(true);
    expect(run.modules.some((module) => /node_modules\/jsonwebtoken\//.test(module))).toBe(true);
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
