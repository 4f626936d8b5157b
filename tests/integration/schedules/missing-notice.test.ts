import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoticeMessage } from "../../../src/domain/messages/message-types.ts";
import {
  ADMIN,
  createScheduleFixture,
  type ScheduleFixture,
  smallPlanWith,
  ZHANG,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

/** The shipped calendar has the notices for 2025 and 2026; 2027's is missing. */
const on = { tellAdminsOfMissingNotice: true, lookBackDays: 1 };

describe.each(testDatabaseTargets())("telling admins that next year has no notice (%s)", (target) => {
  let fixture: ScheduleFixture;
  beforeAll(async () => {
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(
      db,
      smallPlanWith({ cycle: "monthly", dueDay: 25 }),
      "2026-10-26T02:00:00.000Z",
    );
    await fixture.makeContact(ZHANG, "市农业农村局"); // ADMIN assigns: the admin exists from here on
  }, 120_000);
  afterAll(async () => {
    await fixture?.db.drop();
  });

  it("says nothing in October; from 1 November DMs each admin once, across runs and restarts", async () => {
    const adminDms = () => fixture.notifier.sentTo(ADMIN.externalId);
    await fixture.runner({ tuning: on }).runDue(new Date("2026-10-30T02:00:00.000Z"));
    expect(adminDms()).toHaveLength(0);

    const runner = fixture.runner({ tuning: on });
    await runner.runDue(new Date("2026-11-02T02:00:00.000Z")); // Monday 10:00 in Beijing
    expect(adminDms()).toHaveLength(1);
    const message = adminDms()[0]?.message as NoticeMessage;
    expect(message.kind).toBe("notice");
    expect(message.lines[0]).toContain("2027年的国务院节假日安排通知");
    expect(message.lines[1]).toContain("duban calendar import <notice.txt|.docx>");
    const run = await fixture.db.prisma.jobRun.findUniqueOrThrow({
      where: { job_slot: { job: "calendar", slot: "notice-missing:2027" } },
    });
    expect(run.note).toBe("told 1 admin(s) that 2027 has no State Council notice");

    await runner.runDue(new Date("2026-11-02T02:01:00.000Z"));
    await fixture.runner({ tuning: on }).runDue(new Date("2026-11-09T02:00:00.000Z")); // a restarted process
    await fixture.runner({ tuning: on }).runDue(new Date("2026-12-28T02:00:00.000Z"));
    expect(adminDms()).toHaveLength(1);
  });

  it("puts the warning in the footer of every weekly digest from November", async () => {
    fixture.publisher.posted.length = 0;
    await fixture.runner({ tuning: on }).runDue(new Date("2026-11-16T01:00:00.000Z")); // Monday 09:00 digest
    const digest = fixture.publisher.posted.at(-1)?.digest;
    expect(digest?.calendarNote).toContain("2027年的国务院节假日安排通知尚未导入");
  });
});
