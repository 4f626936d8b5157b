/**
 * A Duban process that runs one reminder round against the Slack double and can be killed at a chosen point
 * (tests/integration/schedules/exactly-once.test.ts): on the `KILL_AFTER_ANSWERS`-th message Slack accepts, it
 * prints "ANSWERED <user>" and then stops making progress, so the parent can `kill -9` it between Slack's
 * answer and the outbox row being marked sent. Reads DATABASE_URL (or DUBAN_DATA_DIR), SLACK_API_URL,
 * SLACK_BOT_TOKEN, RUN_AT (the plan time of the round).
 */
import { loadWorkingDayCalendar } from "../../src/adapters/calendar/load-working-day-calendar.ts";
import { openDatabase } from "../../src/adapters/db/open-database.ts";
import { createPrismaScheduleStore } from "../../src/adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../../src/adapters/db/prisma-supervision-store.ts";
import { createOutboxSlackNotifier } from "../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../src/adapters/slack/create-outbox-web-client.ts";
import { createSlackDigestPublisher } from "../../src/adapters/slack/slack-digest-publisher.ts";
import type { ChatNotifier } from "../../src/domain/ports/chat.ts";
import { createScheduleRunner } from "../../src/services/schedule/create-schedule-runner.ts";

const env = process.env;
const runAt = new Date(env.RUN_AT ?? "");
const killAfter = Number(env.KILL_AFTER_ANSWERS ?? 1);
const db = await openDatabase(
  { databaseUrl: env.DATABASE_URL, dataDir: env.DUBAN_DATA_DIR ?? "./data" },
  "outbox child",
);
const client = createOutboxWebClient({ botToken: env.SLACK_BOT_TOKEN ?? "", apiUrl: env.SLACK_API_URL });
const slack = createOutboxSlackNotifier(client);
let answers = 0;
const notifier: ChatNotifier = {
  async sendDirectMessage(person, message, options) {
    const ref = await slack.sendDirectMessage(person, message, options);
    answers += 1;
    if (answers === killAfter) {
      process.stdout.write(`ANSWERED ${person.externalId}\n`);
      await new Promise(() => {}); // Slack has it; the row is never marked: kill -9 comes here
    }
    return ref;
  },
};
const runner = createScheduleRunner({
  store: createPrismaSupervisionStore(db.prisma),
  schedules: createPrismaScheduleStore(db.prisma),
  notifier,
  digestPublisher: createSlackDigestPublisher(client),
  calendar: await loadWorkingDayCalendar(),
  clock: { now: () => runAt },
  owner: "child-process",
  tuning: { lookBackDays: 1, tellAdminsOfMissingNotice: false }, // counts reminders only
});
process.stdout.write("READY\n");
await runner.runDue(runAt);
process.stdout.write("FINISHED\n"); // not reached when killed
await db.close();
