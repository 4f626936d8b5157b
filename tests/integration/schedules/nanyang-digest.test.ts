import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkflowFile } from "../../../src/adapters/files/load-workflow-file.ts";
import { digestThreadMessages } from "../../../src/adapters/slack/blocks/digest-blocks.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import type { DigestMessage } from "../../../src/domain/messages/schedule-message-types.ts";
import { expectEveryCallAccepted } from "../../e2e/slack/support/expect-every-call-accepted.ts";
import { type SlackDouble, startSlackDouble } from "../../fakes/slack-double/start-slack-double.ts";
import { validateMessage } from "../../fakes/slack-double/validate-message.ts";
import { createScheduleFixture, type ScheduleFixture, slackUser } from "../../support/schedule-fixture.ts";
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

  beforeAll(async () => {
    double = await startSlackDouble();
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(
      db,
      await loadWorkflowFile(NANYANG_WORKFLOW),
      "2026-11-30T00:00:00.000Z",
    );
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
    const runner = fixture.runner({
      publisher: createSlackDigestPublisher(client, { defaultChannel: "C0DUBANSUP" }),
      tuning: { lookBackDays: 1 },
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
  });

  it("posts it to Slack within every limit: the main message and its thread, no ok:false", () => {
    const [main, ...thread] = double.messages("C0DUBANSUP");
    expect(main?.text).toContain("督办周报");
    expect(thread).toHaveLength(digestThreadMessages(digest).length);
    expect(thread.length).toBeGreaterThan(1);
    expect(thread.every((part) => part.threadTs === main?.ts)).toBe(true);
    for (const message of [main, ...thread])
      expect(validateMessage({ text: message?.text, blocks: message?.blocks })).toBeUndefined();
    expectEveryCallAccepted(double);
  });
});
