import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMovableClock } from "../../../src/adapters/clock/movable-clock.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { startShellFrontEnd } from "../../../src/adapters/shell/start-shell-front-end.ts";
import { composeCore } from "../../../src/app/compose-core.ts";
import { startSchedules } from "../../../src/app/start-schedules.ts";
import { runCli } from "../../../src/cli/main.ts";
import { findDigestChannel } from "../../../src/services/schedule/find-digest-channel.ts";
import { createSettableClock } from "../../fakes/settable-clock.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { recordingCliIo } from "../../support/recording-cli-io.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const NANYANG = readFileSync(join(REPO, "workflows/nanyang-relocation-2021.yaml"), "utf8");
const CHANNEL_LINE = /\n {4}channel: 督办周报[^\n]*/;
const dir = mkdtempSync(join(tmpdir(), "duban-digest-channel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Nanyang workflow as it was before it named a channel. */
const NO_CHANNEL = join(dir, "no-channel.yaml");
writeFileSync(NO_CHANNEL, NANYANG.replace(CHANNEL_LINE, ""));

/** Before the seeded plan's load (2026-09-01): nothing is due, so the start-up catch-up sends nothing. */
const BEFORE_LOAD = "2026-08-03T01:00:00.000Z";

function capturedLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", format: "json", destination }) };
}

describe("the workflow names the digest channel", () => {
  it("the Nanyang workflow posts its weekly digest to 督办周报", () => {
    expect(NANYANG).toMatch(CHANNEL_LINE);
    expect(readFileSync(NO_CHANNEL, "utf8")).not.toMatch(CHANNEL_LINE);
  });
});

describe.each(testDatabaseTargets())("a weekly digest with no channel, on %s", (target) => {
  let db: TestDatabase;
  let double: SlackDouble;
  const schedule = async () => (await db.prisma.plan.findFirstOrThrow()).schedule as Record<string, unknown>;
  const setDigest = async (digest: Record<string, unknown>) =>
    db.prisma.plan.updateMany({ data: { schedule: { ...(await schedule()), digest } as object } });

  beforeAll(async () => {
    db = await createTestDatabase(target, { seed: "nanyang" });
    double = await startSlackDouble();
  });
  afterAll(async () => {
    await double?.close();
    await db?.drop();
  });

  it("is found from the workflow, else DUBAN_DIGEST_CHANNEL, else missing with the fix", async () => {
    const store = createPrismaSupervisionStore(db.prisma);
    expect(await findDigestChannel(store, "C0DUBANSUP")).toMatchObject({
      kind: "found",
      channel: "督办周报",
      from: "workflow",
    });
    await setDigest({ weekday: 1, time: "09:00" });
    expect(await findDigestChannel(store, "C0DUBANSUP")).toMatchObject({
      kind: "found",
      channel: "C0DUBANSUP",
      from: "DUBAN_DIGEST_CHANNEL",
    });
    expect(await findDigestChannel(store, undefined)).toEqual({
      kind: "missing",
      planId: "nanyang-relocation-2021",
      problem:
        "the weekly digest of plan nanyang-relocation-2021 has no channel, so every digest would fail: set schedule.digest.channel in the plan's workflow file and run `duban load` again, or set DUBAN_DIGEST_CHANNEL",
    });
  });

  it("is one warning when the schedule starts, and none once DUBAN_DIGEST_CHANNEL is set", async () => {
    await setDigest({ weekday: 1, time: "09:00" });
    const start = async (channel: string | undefined) => {
      const { lines, logger } = capturedLogger();
      const running = await startSchedules({
        env: {
          SLACK_BOT_TOKEN: double.workspace.bot.token,
          SLACK_API_URL: double.apiUrl,
          DUBAN_DIGEST_CHANNEL: channel,
          TZ: "Asia/Shanghai",
        },
        core: await composeCore(db.prisma),
        logger,
        clock: createSettableClock(BEFORE_LOAD),
      });
      await running?.caughtUp;
      await running?.stop();
      // (the catch-up's own warnings, such as that day's digest failing for want of a channel, are not counted)
      return lines
        .filter((line) => line.level === 40 && line.msg.startsWith("digest:"))
        .map((line) => line.msg);
    };
    expect(await start(undefined)).toEqual([
      "digest: the weekly digest of plan nanyang-relocation-2021 has no channel, so every digest would fail: set schedule.digest.channel in the plan's workflow file and run `duban load` again, or set DUBAN_DIGEST_CHANNEL",
    ]);
    expect(await start("C0DUBANSUP")).toEqual([]);
  });

  it("is a warning in the shell's banner", async () => {
    await setDigest({ weekday: 1, time: "09:00" });
    const input = new PassThrough();
    let printed = "";
    const output = new Writable({
      write(chunk, _encoding, done) {
        printed += String(chunk);
        done();
      },
    });
    input.end("/quit\n");
    const shell = await startShellFrontEnd({
      env: { DUBAN_ADMINS: [], DUBAN_DATA_DIR: dir, DUBAN_DIGEST_CHANNEL: undefined },
      db: { prisma: db.prisma, kind: "embedded", location: target },
      core: await composeCore(db.prisma),
      logger: capturedLogger().logger,
      input,
      output,
      clock: createMovableClock(new Date("2026-11-20T02:00:00Z"), () => 0),
    });
    await shell.finished;
    const warnings = printed.split("\n").filter((line) => line.includes("⚠"));
    expect(warnings).toEqual([
      "⚠ 周报没有频道：方案的 schedule.digest.channel 和 DUBAN_DIGEST_CHANNEL 都未设置，在 Slack 上每期周报都会发送失败（本地对话显示为 #督办周报）。请在工作流文件中设置 schedule.digest.channel 后重新 duban load，或设置 DUBAN_DIGEST_CHANNEL。",
    ]);
  });
});

describe.each(testDatabaseTargets())("duban doctor and the digest channel, on %s", (target) => {
  let env: Record<string, string>;
  let drop = async () => {};

  beforeAll(async () => {
    if (target === "postgres") {
      const db = await createTestDatabase("postgres");
      env = { DATABASE_URL: db.url ?? "" };
      drop = db.drop;
    } else {
      env = { DUBAN_DATA_DIR: join(dir, "data") };
    }
  });
  afterAll(async () => {
    await drop();
  });

  async function cli(argv: string[]) {
    const io = recordingCliIo(dir, env);
    const code = await runCli(argv, io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  }

  it("fails with one line naming the fix when neither the workflow nor DUBAN_DIGEST_CHANNEL names one", async () => {
    expect((await cli(["load", NO_CHANNEL])).code).toBe(0);
    const failed = await cli(["doctor"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout.filter((line) => line.startsWith("✗"))).toEqual([
      "✗ digest        the weekly digest of plan nanyang-relocation-2021 has no channel, so every digest would fail: set schedule.digest.channel in the plan's workflow file and run `duban load` again, or set DUBAN_DIGEST_CHANNEL",
    ]);
    // recordingCliIo's clock is Monday 2026-11-16: from 1 November doctor also warns that 2027 has no notice yet
    expect(failed.stdout.at(-1)).toBe("1 check(s) failed, 1 warning(s)");

    expect((await cli(["load", join(REPO, "workflows/nanyang-relocation-2021.yaml")])).code).toBe(0);
    const named = await cli(["doctor"]);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain(
      "✓ digest        weekly digest of plan nanyang-relocation-2021 to 督办周报 (the workflow's schedule.digest.channel)",
    );
  }, 120_000);
});
