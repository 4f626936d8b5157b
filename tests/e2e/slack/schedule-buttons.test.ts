import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaScheduleStore } from "../../../src/adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { createOutboxSlackNotifier } from "../../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../../src/adapters/slack/slack-digest-publisher.ts";
import { createScheduleRunner } from "../../../src/services/schedule/create-schedule-runner.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";
import { CONTACT, type SlackE2e, SUPERVISOR, startSlackE2e } from "./support/start-slack-e2e.ts";

/** Friday 2026-11-20 09:30: the Nanyang plan's first reminder of November (due Wednesday the 25th). */
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");

describe.each(testDatabaseTargets())(
  "a scheduled reminder on Slack, and its snooze button (%s)",
  (target) => {
    let e: SlackE2e;

    beforeAll(async () => {
      e = await startSlackE2e(target);
      const assigned = await e.driver.slashCommand({
        user: SUPERVISOR,
        text: `assign 市农业农村局 <@${CONTACT}|li.na> 联络员`,
      });
      expect(assigned.status).toBe(200);
      await e.slack.idle();
      const client = createOutboxWebClient({
        botToken: e.double.workspace.bot.token,
        apiUrl: e.double.apiUrl,
      });
      const runner = createScheduleRunner({
        store: createPrismaSupervisionStore(e.db.prisma),
        schedules: createPrismaScheduleStore(e.db.prisma),
        notifier: createOutboxSlackNotifier(client),
        digestPublisher: createSlackDigestPublisher(client, { defaultChannel: "C0DUBANSUP" }),
        calendar: await loadWorkingDayCalendar(),
        tuning: { lookBackDays: 1 },
      });
      await runner.runDue(FIRST_REMINDER);
    });
    afterAll(async () => {
      await e?.close();
    });

    it("sends the contact one DM listing their tasks, and the snooze button puts the cycle off a working day", async () => {
      const dm = e.double.dmChannelId(CONTACT);
      const [reminder, ...more] = e.double
        .messages(dm)
        .filter((message) => message.text?.startsWith("报送提醒"));
      expect(more).toEqual([]);
      if (reminder === undefined) throw new Error("no reminder DM");
      expect(JSON.stringify(reminder.blocks).match(/duban\.report/g)?.length).toBeGreaterThan(1);
      e.clock.set("2026-11-20T02:00:00.000Z");
      const click = await e.driver.blockAction({
        user: CONTACT,
        actionId: "duban.snooze",
        message: reminder,
      });
      expect(click.status).toBe(200);
      await e.slack.idle();
      const answer = e.double.calls("response_url").at(-1);
      expect(JSON.stringify(answer?.args)).toContain("提醒推迟到下个工作日 11月23日（周一） 09:30");
      const snoozes = await e.db.prisma.snooze.findMany();
      expect(snoozes.map((s) => [s.cycleKey, s.untilAt.toISOString()])).toEqual([
        ["2026-11", "2026-11-23T01:30:00.000Z"],
      ]);
      expectEveryCallAccepted(e.double);
    });
  },
);
