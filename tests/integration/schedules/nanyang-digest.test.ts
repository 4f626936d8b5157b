import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaAssessmentStore } from "../../../src/adapters/db/prisma-assessment-store.ts";
import { loadWorkflowFile } from "../../../src/adapters/files/load-workflow-file.ts";
import { digestThreadMessages } from "../../../src/adapters/slack/blocks/digest-blocks.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import { createXlsxWorkbookWriter } from "../../../src/adapters/xlsx/write-workbook-xlsx.ts";
import { parseAssessmentPeriod } from "../../../src/domain/assessment/assessment-period.ts";
import { DEFAULT_ASSESSMENT_RULES } from "../../../src/domain/assessment/assessment-rules-schema.ts";
import type { DigestMessage } from "../../../src/domain/messages/schedule-message-types.ts";
import { computeScorecard } from "../../../src/services/assessment/compute-scorecard.ts";
import { expectEveryCallAccepted } from "../../e2e/slack/support/expect-every-call-accepted.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { validateMessage } from "../../fakes/slack-double/validate-message.ts";
import {
  createScheduleFixture,
  type RunnerOptions,
  type ScheduleFixture,
  slackUser,
} from "../../support/schedule-fixture.ts";
import { NANYANG_WORKFLOW } from "../../support/supervision-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/** Monday 2026-11-30 09:00: November's reports were due Wednesday 11-25; the W49 digest. */
const DIGEST_AT = new Date("2026-11-30T01:00:00.000Z");
const BLOCKER =
  "资金未到位，需协调市财政局、发展改革委和乡村振兴局解决安置点配套设施建设用地审批问题<&>。".repeat(4);

describe.each(testDatabaseTargets())("the Nanyang weekly digest on Slack (%s)", (target) => {
  let fixture: ScheduleFixture;
  let double: SlackDouble;
  let digest: DigestMessage;
  let assessment: NonNullable<RunnerOptions["assessment"]>;

  beforeAll(async () => {
    double = await startSlackDouble();
    double.inviteBot("C0DUBANSUP");
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(
      db,
      await loadWorkflowFile(NANYANG_WORKFLOW),
      "2026-11-30T00:00:00.000Z",
    );
    // tracked since September (the load ran just now, in the test's real time; the chart counts tasks from then)
    await db.prisma.task.updateMany({ data: { createdAt: new Date("2026-09-01T00:00:00.000Z") } });
    // A busy week across the 1,190 tasks: blocked with long blockers, reported done, approved, reported, silent.
    const tasks = await db.prisma.task.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const author = await fixture.core.identify(slackUser("UREPORTER", "报送人"));
    const ids = (rest: number) => tasks.filter((_, index) => index % 5 === rest).map((task) => task.id);
    const reportedAt = new Date("2026-11-26T02:00:00.000Z");
    await db.prisma.progressReport.createMany({
      data: ids(0).map((taskId) => ({
        taskId,
        authorId: author.id,
        status: "BLOCKED",
        done: "推进中",
        blocker: BLOCKER,
        source: "CLI",
        createdAt: reportedAt,
      })),
    });
    await db.prisma.task.updateMany({
      where: { id: { in: ids(0) } },
      data: { status: "BLOCKED", lastReportAt: reportedAt },
    });
    await db.prisma.task.updateMany({
      where: { id: { in: ids(1) } },
      data: { status: "AWAITING_APPROVAL", percent: 100, lastReportAt: reportedAt },
    });
    await db.prisma.task.updateMany({
      where: { id: { in: ids(2) } },
      data: { status: "DONE", approvedAt: reportedAt, lastReportAt: reportedAt },
    });
    await db.prisma.task.updateMany({
      where: { id: { in: ids(3) } },
      data: { status: "IN_PROGRESS", lastReportAt: reportedAt },
    });
    const client = createOutboxWebClient({ botToken: double.workspace.bot.token, apiUrl: double.apiUrl });
    const workflow = await loadWorkflowFile(NANYANG_WORKFLOW);
    // The Nanyang rules with the lists in every month's last digest (the file says quarter): 11-30 is November's.
    assessment = {
      store: createPrismaAssessmentStore(db.prisma),
      settings: {
        readWorkflowSettings: async () => ({
          // thresholds open wide, so both lists have names whatever the scores of this synthetic week
          rules: {
            ...DEFAULT_ASSESSMENT_RULES,
            praise: { top: 2, minScore: 0 },
            lagging: { bottom: 2, belowScore: 100 },
            includeInDigest: "month",
          },
          countyNames: new Map(workflow.counties.map((county) => [county.id, county.name])),
          source: "test: includeInDigest month",
        }),
      },
    };
    const runner = fixture.runner({
      publisher: createSlackDigestPublisher(client, {
        defaultChannel: "C0DUBANSUP",
        onChartFailure: (error) => {
          throw error;
        },
      }),
      tuning: { lookBackDays: 1 },
      assessment,
    });
    await runner.runDue(DIGEST_AT);
    const row = await db.prisma.reminder.findFirstOrThrow({ where: { kind: "digest" } });
    digest = (row.payload as unknown as { digest: DigestMessage }).digest;
  }, 60_000);
  afterAll(async () => {
    await double?.close();
    await fixture?.db.drop();
  });

  it("counts 21 measures and 1,190 tasks by light, per section", () => {
    expect(digest.taskCount).toBe(1190);
    expect(digest.sections.flatMap((section) => section.measures)).toHaveLength(21);
    const { green, yellow, red } = digest.totals;
    expect(green + yellow + red).toBe(1190);
    expect(digest.overdue.total).toBe(238); // the silent fifth, 3 working days overdue
    expect(digest.overdue.entries[0]?.detail).toBe("逾期 3 个工作日");
    expect(digest.blocked.total).toBe(238);
    expect(digest.approved.total).toBe(238);
    expect(digest.notReported.departments.length).toBeGreaterThan(0);
    // every department named, reported or not: 22 city departments and their counterparts in 13 counties
    expect(new Set([...digest.reported.departments, ...digest.notReported.departments]).size).toBe(308);
  });

  it("posts it to Slack within every limit: the main message and its thread, no ok:false", () => {
    const [main, ...rest] = double.messages("C0DUBANSUP");
    const thread = rest.filter((message) => message.files === undefined);
    expect(main?.text).toContain("督办周报");
    expect(thread).toHaveLength(digestThreadMessages(digest).length);
    expect(thread.length).toBeGreaterThan(1);
    expect(thread.every((part) => part.threadTs === main?.ts)).toBe(true);
    for (const message of [main, ...thread])
      expect(validateMessage({ text: message?.text, blocks: message?.blocks })).toBeUndefined();
    expectEveryCallAccepted(double);
  });

  it("carries the chart: drawn, uploaded into the thread with the current upload API, before the lists", () => {
    const [main] = double.messages("C0DUBANSUP");
    const methods = double
      .calls()
      .map((call) => call.method)
      .filter((method) => method !== "auth.test");
    expect(methods.slice(0, 5)).toEqual([
      "chat.postMessage", // the main message
      "files.getUploadURLExternal",
      "upload_url",
      "files.completeUploadExternal",
      "chat.postMessage", // the thread's first list
    ]);
    const [ticket] = double.calls("files.getUploadURLExternal");
    expect(ticket?.args).toMatchObject({ filename: "督办周报-2026-W49.png" });
    const [complete] = double.calls("files.completeUploadExternal");
    expect(complete?.args).toMatchObject({ channel_id: "C0DUBANSUP", thread_ts: main?.ts });
    const fileId = (ticket?.response as { file_id: string } | undefined)?.file_id ?? "";
    const png = double.file(fileId)?.bytes;
    expect(png?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png?.length).toBeGreaterThan(20_000);
    expect(Number(ticket?.args.length)).toBe(png?.length);
    // the data drawn: every task under its section, 8 weeks of trend ending this week
    const chart = digest.chart;
    expect(chart?.sections).toHaveLength(5);
    const counted = chart?.sections.reduce(
      (sum, section) => sum + Object.values(section.counts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(counted).toBe(1190);
    expect(chart?.weeks.map((week) => week.key).at(-1)).toBe("2026-W49");
    expect(chart?.weeks.at(-2)?.reported).toBe(238); // W48: the blocked fifth reported on 11-26
    expect(chart?.weeks.at(-1)?.reported).toBe(0); // W49 has just begun
  });

  it("carries November's praise and lagging lists, the same as /duban assess 2026-11 gives", async () => {
    expect(digest.assessment).toMatchObject({ title: "2026年11月督查考核", periodKey: "2026-11" });
    const { scorecard } = await computeScorecard(
      {
        plans: fixture.store,
        assessment: { ...assessment, workbookWriter: createXlsxWorkbookWriter() },
        clock: { now: () => DIGEST_AT },
        calendar: fixture.calendar,
      },
      { period: parseAssessmentPeriod("2026-11") },
    );
    const named = (units: typeof scorecard.praise) =>
      units.map((unit) => `${unit.name} ${unit.score.toFixed(1)} 分`);
    expect(digest.assessment?.praise).toEqual(named(scorecard.praise));
    expect(digest.assessment?.lagging).toEqual(named(scorecard.lagging));
    expect(digest.assessment?.praise.length ?? 0).toBeGreaterThan(0);
    expect(digest.assessment?.lagging.length ?? 0).toBeGreaterThan(0);
    const [main] = double.messages("C0DUBANSUP");
    const text = JSON.stringify(main?.blocks);
    expect(text).toContain("表扬");
    expect(text).toContain(digest.assessment?.praise[0]);
    expect(text).toContain("/duban assess 2026-11");
  });
});
