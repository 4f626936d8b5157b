import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDirectory } from "../../src/adapters/db/data-directory-lock.ts";
import { DomainError } from "../../src/domain/errors.ts";

const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "duban-lock-"));
  dirs.push(dir);
  return dir;
}

function holdInChild(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-data-dir-lock.ts", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("refuses a second holder in the same process, naming the first, and frees on release", async () => {
    const dir = tempDir();
    const first = await lockDataDirectory(dir, "duban start");
    const second = lockDataDirectory(dir, "duban doctor");
    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toThrow(/in use by `duban start` \(pid \d+/);
    await first.release();
    const third = await lockDataDirectory(dir, "duban doctor");
    await third.release();
  });

  it("refuses while another process holds it, and is free the moment that process is killed", async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    await expect(lockDataDirectory(dir, "duban doctor")).rejects.toThrow(`pid ${child.pid}`);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const lock = await lockDataDirectory(dir, "duban doctor");
    await lock.release();
  });

  it("lets two different data directories be held at once", async () => {
    const a = await lockDataDirectory(tempDir(), "a");
    const b = await lockDataDirectory(tempDir(), "b");
    await a.release();
    await b.release();
  });
});
