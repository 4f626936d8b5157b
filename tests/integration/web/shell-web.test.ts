import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createMovableClock } from "../../../src/adapters/clock/movable-clock.ts";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { startShellFrontEnd } from "../../../src/adapters/shell/start-shell-front-end.ts";
import { composeCore } from "../../../src/app/compose-core.ts";
import { createSchedule } from "../../../src/app/create-schedule.ts";
import { webBoardOnItsOwnPort } from "../../../src/app/start-web-board.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const dir = mkdtempSync(join(tmpdir(), "duban-shell-web-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = () =>
  createLogger({
    level: "error",
    format: "json",
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });

describe.each(testDatabaseTargets())("the shell's /web, on %s", (target) => {
  it("prints a localhost link for the current identity that opens the board", async () => {
    const db = await createTestDatabase(target);
    const input = new PassThrough();
    let printed = "";
    const output = new Writable({
      write(chunk, _encoding, done) {
        printed += String(chunk);
        done();
      },
    });
    const env = { PORT: 3000, WEB_PORT: 0, WEB_HOST: "127.0.0.1", WEB_PUBLIC_URL: undefined };
    const core = await composeCore(db.prisma);
    const shell = await startShellFrontEnd({
      env: { DUBAN_ADMINS: [], DUBAN_DATA_DIR: dir, DUBAN_DIGEST_CHANNEL: undefined },
      db: { prisma: db.prisma, kind: "embedded", location: target },
      core,
      createSchedule: (frontEnd) => createSchedule(core, frontEnd),
      logger: quiet(),
      input,
      output,
      clock: createMovableClock(new Date("2026-11-20T02:00:00Z"), () => 0),
      webBoard: (deps) => webBoardOnItsOwnPort({ prisma: db.prisma, deps, logger: quiet(), env }),
    });
    try {
      input.write("/web\n");
      let link: string | undefined;
      for (let i = 0; i < 200 && link === undefined; i += 1) {
        link = /http:\/\/127\.0\.0\.1:\d+\/web\/sign-in\?token=[\w-]+/.exec(printed)?.[0];
        if (link === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(link, printed.slice(-500)).toBeDefined();
      const url = new URL(link as string);
      const signIn = await fetch(`${url.origin}/web/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: url.searchParams.get("token") ?? "" }).toString(),
      });
      expect(signIn.status).toBe(303);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
      const board = await fetch(`${url.origin}/web`, { headers: { cookie } });
      expect(board.status).toBe(200);
      expect(await board.text()).toContain("（五）");
    } finally {
      input.end("/quit\n");
      await shell.stop();
      await db.drop();
    }
  }, 60_000);
});
