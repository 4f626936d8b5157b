import { expect, it } from "vitest";
import { createScriptedChatNotifier } from "../../fakes/scripted-chat-notifier.ts";
import { createScheduleFixture, slackUser, smallPlanWith } from "../../support/schedule-fixture.ts";
import { createTestDatabase } from "../../support/test-database.ts";
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");
it("dbg", async () => {
  const db = await createTestDatabase("pglite");
  const fixture = await createScheduleFixture(db, smallPlanWith({ cycle: "monthly", dueDay: 25 }), "2026-11-20T01:00:00.000Z");
  for (let n = 1; n <= 12; n += 1) await fixture.makeContact(slackUser(`UC${n}`, `联络员${n}`), "市农业农村局");
  const failing = createScriptedChatNotifier((call) => (call <= 5 ? "send" : new Error("socket hang up")));
  await fixture.runner({ notifier: failing, owner: "a", tuning: { maxMessagesPerPass: 6 } }).runDue(FIRST_REMINDER);
  const rows = await db.prisma.reminder.findMany({ where: { groupKey: { not: null } }, select: { recipientId: true, sentAt: true, nextAttemptAt: true, claimedBy: true, attempts: true, lastError: true } });
  process.stdout.write(JSON.stringify(rows, null, 1) + "\n");
  await db.drop();
  expect(1).toBe(1);
}, 60000);
