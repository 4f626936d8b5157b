import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.ts";

const ROOT = process.cwd();
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), "duban-release-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A machine with Node and nothing else: no registry (port 9 refuses), an empty home, no checkout around. */
const offline = (dataDir: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: join(work, "home"),
  npm_config_registry: "http://127.0.0.1:9",
  npm_config_cache: join(work, "npm-cache"),
  npm_config_update_notifier: "false",
  DUBAN_DATA_DIR: dataDir,
  DUBAN_CLOCK: "2026-11-16T10:00:00+08:00",
  LOG_FORMAT: "json",
});

describe("npm run package (the offline release)", () => {
  it("unpacks into duban/, whose ./bin/duban doctor and npm start (a piped shell session) work with no registry", async () => {
    const built = spawnSync("npm", ["run", "package"], { cwd: ROOT, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    const archive = join(ROOT, `duban-${VERSION}.tgz`);
    expect(existsSync(archive)).toBe(true);
    expect(spawnSync("tar", ["xzf", archive, "-C", work]).status).toBe(0);
    const app = join(work, "duban");

    // the build and production dependencies only: no sources, no development tools
    expect(existsSync(join(app, "dist", "main.js"))).toBe(true);
    // the bundle's chunks, with the Prisma client's query compiler beside them, and the board's assets
    expect(existsSync(join(app, "dist", "chunks", "prisma-query-compiler.wasm"))).toBe(true);
    expect(existsSync(join(app, "dist", "assets", "style.css"))).toBe(true);
    expect(existsSync(join(app, "src"))).toBe(false);
    for (const tool of ["tsx", "vitest", "@biomejs"])
      expect(existsSync(join(app, "node_modules", tool))).toBe(false);
    for (const shipped of [
      "prisma/migrations",
      "workflows",
      "slack-app-manifest.yaml",
      "README.md",
      "deploy",
    ])
      expect(existsSync(join(app, shipped))).toBe(true);

    const dataDir = join(work, "data");
    const doctor = spawnSync("./bin/duban", ["doctor"], {
      cwd: app,
      env: offline(dataDir),
      encoding: "utf8",
    });
    expect(doctor.status, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain("all checks passed");

    const shell = spawnSync("npm", ["start"], {
      cwd: app,
      env: offline(dataDir),
      input: "/as 市农业农村局\n/duban tasks\n",
      encoding: "utf8",
    });
    expect(shell.status, shell.stdout + shell.stderr).toBe(0);
    expect(shell.stdout).toContain("市农业农村局");
    expect(shell.stdout).toMatch(/（十一）充分保障搬迁群众合法权益/);

    // the web board from the bundle: its stylesheet comes from dist/assets/, as there is no src/ here
    const port = await freePort();
    const board = spawn(process.execPath, ["dist/main.js"], {
      cwd: app,
      env: { ...offline(dataDir), WEB_PORT: String(port) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => board.once("exit", resolve));
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sign-in link: ${output}`)), 60_000);
      board.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("/web/sign-in?token=")) {
          clearTimeout(timer);
          resolve();
        }
      });
      board.stdin.write("/duban web\n");
    });
    const style = await fetch(`http://127.0.0.1:${port}/web/assets/style.css`);
    expect(style.status).toBe(200);
    expect(await style.text()).toBe(readFileSync(join(ROOT, "src/adapters/web/assets/style.css"), "utf8"));
    board.stdin.end("/quit\n");
    expect(await exited).toBe(0);
  }, 600_000);
});
