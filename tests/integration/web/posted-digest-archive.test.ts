import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { readDigestArchive } from "../../../src/adapters/web/read-digest-archive.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import { createSupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { createRecordingDigestPublisher } from "../../fakes/recording-digest-publisher.ts";
import {
  ADMIN,
  createSupervisionFixture,
  NANYANG_PLAN_ID,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const SUPERVISOR = slackUser("ULI", "李督查");
const noticeLines = (outcome: { replies: ReadonlyArray<{ kind: string; lines?: readonly string[] }> }) =>
  outcome.replies.flatMap((reply) => reply.lines ?? []);

describe.each(testDatabaseTargets())(
  "a digest posted with /duban digest in the web archive, on %s",
  (target) => {
    let fx: SupervisionFixture;
    let calendar: WorkingDayCalendar;

    beforeAll(async () => {
      fx = await createSupervisionFixture(target);
      calendar = await loadWorkingDayCalendar();
      await fx.makeSupervisor(SUPERVISOR);
    }, 120_000);
    afterAll(async () => {
      await fx?.db.drop();
    });

    it("is listed beside the scheduled ones, once per post, at the core's time", async () => {
      const publisher = createRecordingDigestPublisher();
      const core = createSupervisionCore({
        store: fx.store,
        clock: fx.clock,
        calendar,
        notifier: fx.notifier,
        admins: [ADMIN.externalId],
        digestPublisher: publisher,
      });
      const first = fx.clock.now();
      const posted = noticeLines(await core.runCommand(SUPERVISOR, "digest"));
      expect(posted).toEqual([`周报已发布到 ${publisher.posted[0]?.ref.channel}。`]); // nothing about the archive
      fx.clock.advance(3_600_000);
      await core.runCommand(SUPERVISOR, "digest");
      const archive = await readDigestArchive(fx.db.prisma, NANYANG_PLAN_ID, 1);
      expect(archive.total).toBe(2);
      expect(archive.digests.map((d) => d.sentAt)).toEqual([fx.clock.now(), first]); // newest first
      expect(archive.digests.map((d) => d.weekKey)).toEqual(
        publisher.posted.map((p) => p.digest.weekKey).reverse(),
      );
      const rows = await fx.db.prisma.reminder.findMany({
        where: { kind: "digest" },
        orderBy: { sentAt: "asc" },
      });
      expect(rows.map((row) => row.chatTs)).toEqual(publisher.posted.map((p) => p.ref.ts));
      // a sent row: the outbox never takes it
      expect(rows.every((row) => row.sentAt !== null && row.claimedAt === null)).toBe(true);
    });

    it("when the archive cannot record it, the supervisor is told it was posted, and not to post it again", async () => {
      const core = createSupervisionCore({
        store: {
          ...fx.store,
          recordPostedDigest: () => Promise.reject(new Error("database gone")),
        },
        clock: fx.clock,
        calendar,
        notifier: fx.notifier,
        admins: [ADMIN.externalId],
        digestPublisher: createRecordingDigestPublisher(),
      });
      const lines = noticeLines(await core.runCommand(SUPERVISOR, "digest"));
      expect(lines[0]).toMatch(/^周报已发布到 .+。$/);
      expect(lines[1]).toContain("请不要重复发布");
    });
  },
);
