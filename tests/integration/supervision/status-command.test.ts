import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { openDatabase } from "../../../src/adapters/db/open-database.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { runCli } from "../../../src/cli/main.ts";
import { createSupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { createRecordingChatNotifier } from "../../fakes/recording-chat-notifier.ts";
import { fixedClock, recordingCliIo } from "../../support/recording-cli-io.ts";
import { ADMIN, slackUser } from "../../support/supervision-fixture.ts";

/** A file shared with the reply, kept as evidence. */
const EVIDENCE = {
  fileId: "F0PDF00001",
  name: "招聘会签到表.pdf",
  filetype: "pdf",
  mimetype: "application/pdf",
  permalink: "https://nanyang.slack.com/files/UZHANG/F0PDF00001/招聘会签到表.pdf",
};

const dataDir = mkdtempSync(join(tmpdir(), "duban-status-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
/** "Now" for the report and for `duban status` alike: Monday 16 November 2026, in cycle 2026-11 (due the 25th). */
const clock = fixedClock("2026-11-16T10:00:00+08:00");
const io = () => recordingCliIo(process.cwd(), { DUBAN_DATA_DIR: dataDir }, clock);

/** A contact and a report, written through the core the way a chat front end would; when the plan was loaded. */
async function reportOnMeasureFive(): Promise<Date[]> {
  const db = await openDatabase({ dataDir }, "test");
  try {
    const plan = await db.prisma.plan.findFirstOrThrow();
    const task = await db.prisma.task.findFirstOrThrow();
    const store = createPrismaSupervisionStore(db.prisma);
    const core = createSupervisionCore({
      store,
      notifier: createRecordingChatNotifier(),
      clock,
      calendar: await loadWorkingDayCalendar(),
      admins: [ADMIN.externalId],
    });
    const zhang = slackUser("UZHANG", "张三");
    await core.runCommand(ADMIN, "assign 市人力资源社会保障局 @id:UZHANG", { UZHANG: "张三" });
    await core.recordReply({
      user: zhang,
      text: "（五）推进中，完成约七成",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "Ev1",
      files: [EVIDENCE],
    });
    return [plan.createdAt, task.createdAt];
  } finally {
    await db.close();
  }
}

describe("duban status", () => {
  it("refuses with one line when no plan is loaded", async () => {
    const empty = recordingCliIo(process.cwd(), { DUBAN_DATA_DIR: join(dataDir, "empty") });
    expect(await runCli(["status"], empty)).toBe(2);
    expect(empty.stderr.at(-1)).toBe(
      "duban: No plan is loaded yet: run duban load workflows/<plan>.yaml first.",
    );
    expect(empty.stderr.slice(0, -1).every((line) => line.startsWith("applied migration"))).toBe(true);
  }, 60_000);

  it("prints every task with its status, light, last report and contacts, as a table or JSON", async () => {
    expect(await runCli(["load", "workflows/nanyang-relocation-2021.yaml"], io())).toBe(0);
    // duban load stamps the plan and its tasks with the CLI's clock, not the machine's date
    const loadedAt = await reportOnMeasureFive();
    expect(loadedAt.map((at) => at.toISOString())).toEqual([
      "2026-11-16T02:00:00.000Z",
      "2026-11-16T02:00:00.000Z",
    ]);

    const table = io();
    expect(await runCli(["status"], table)).toBe(0);
    const lines = table.stdout;
    expect(lines[0]).toMatch(/\(nanyang-relocation-2021\): 1190 tasks$/);
    expect(lines[1]).toMatch(/^measure\s+department\s+light\s+status\s+due\s+last report\s+contacts$/);
    const row = lines.find((line) => line.startsWith("（五）") && line.includes("市人力资源社会保障局"));
    // reported on 11-16 in cycle 2026-11, so the next report is the December cycle's, due Friday 2026-12-25
    expect(row).toMatch(/green\s+推进中 70%\s+2026-12-25\s+2026-11-16 张三: （五）推进中，完成约七…\s+张三$/);

    const json = io();
    expect(await runCli(["status", "--json"], json)).toBe(0);
    const parsed = JSON.parse(json.stdout.join(""));
    expect(parsed.tasks).toHaveLength(1190);
    const five = parsed.tasks.find(
      (t: { measure: { number: number }; department: { id: string } }) =>
        t.measure.number === 5 && t.department.id === "city-human-resources",
    );
    expect(five).toMatchObject({
      status: "IN_PROGRESS",
      percent: 70,
      light: "green",
      contacts: ["张三"],
      dueOn: "2026-12-25",
      lastReport: {
        author: "张三",
        percent: 70,
        at: "2026-11-16T02:00:00.000Z",
        evidence: [
          {
            kind: "file",
            id: EVIDENCE.fileId,
            name: EVIDENCE.name,
            type: "pdf",
            permalink: EVIDENCE.permalink,
          },
        ],
      },
    });
  }, 120_000);
});
