import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage, UrgeSummaryMessage } from "../../../src/domain/messages/message-types.ts";
import { RateLimitedError } from "../../../src/domain/ports/chat.ts";
import { createSupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { createScriptedChatNotifier } from "../../fakes/scripted-chat-notifier.ts";
import {
  ADMIN,
  createScheduleFixture,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const ZHANG = slackUser("UZHANG", "张三"); // contact of 市农业农村局
const LI = slackUser("ULI", "李四"); // contact of 市农业农村局 too
const ZHAO = slackUser("UZHAO", "赵督查"); // supervisor

/** Friday 2026-11-20 10:00 (Asia/Shanghai). */
const NOW = "2026-11-20T02:00:00.000Z";
const at = (ms: number) => new Date(new Date(NOW).getTime() + ms);

function urgeSummary(replies: readonly OutboundMessage[]): UrgeSummaryMessage {
  const [reply] = replies;
  if (reply?.kind !== "urge_summary")
    throw new Error(`expected an urge summary, got ${JSON.stringify(reply)}`);
  return reply;
}

const text = (message: OutboundMessage | undefined) => JSON.stringify(message ?? null);

/**
 * Immediate DMs (催办, 办结/退回 results, approval requests) go through the outbox: sent at once when the chat
 * platform takes them, else queued and sent later by the schedule runner's delivery pass, exactly once.
 */
describe.each(testDatabaseTargets())(
  "immediate DMs that fail are retried through the outbox (%s)",
  (target) => {
    let f: ScheduleFixture;
    const urgeDms = (externalId: string) =>
      f.notifier.sentTo(externalId).filter((sent) => sent.message.kind === "urge");
    const personId = async (user: typeof ZHANG) => (await f.core.identify(user)).id;

    beforeAll(async () => {
      const db = await createTestDatabase(target);
      f = await createScheduleFixture(db, smallPlanWith({ cycle: "monthly", dueDay: 25 }), NOW);
      await f.makeContact(ZHANG, "市农业农村局");
      await f.makeContact(LI, "市农业农村局");
      await f.makeSupervisor(ZHAO);
    }, 60_000);
    beforeEach(async () => {
      f.clock.set(NOW);
      f.notifier.failFor.clear();
      f.notifier.sent.length = 0;
      await f.db.prisma.reminder.deleteMany({});
      await f.db.prisma.auditEvent.deleteMany({ where: { action: "urge" } });
      await f.db.prisma.task.updateMany({
        data: { status: "NOT_STARTED", approvedAt: null, approvedById: null },
      });
    });
    afterAll(async () => {
      await f?.db.drop();
    });

    it("a 催办 DM that fails is queued, told to the supervisor, and delivered once by a later outbox pass", async () => {
      f.notifier.failFor.add(LI.externalId);
      const outcome = await f.core.runCommand(ZHAO, "remind 市农业农村局");
      const summary = urgeSummary(outcome.replies);
      expect(summary.failed).toEqual(["李四"]);
      expect(summary.lines.at(-1)).toBe("已送达 1 位；1 位暂未送达，已排队自动重发（只发一次）：李四");
      expect(
        outcome.deliveries.map((d) => [d.recipientName, d.ref !== null, d.retryAt?.toISOString()]),
      ).toEqual([
        ["张三", true, undefined],
        ["李四", false, at(30_000).toISOString()],
      ]);
      expect(urgeDms(ZHANG.externalId)).toHaveLength(1);
      expect(urgeDms(LI.externalId)).toHaveLength(0);

      // Recorded as today: Reminder rows of kind "urge" per task, one audit event per department.
      const liRows = await f.db.prisma.reminder.findMany({ where: { recipientId: await personId(LI) } });
      const tasks = await f.store.listTasks({ departmentIds: ["city-agriculture"] });
      expect(liRows.map((row) => row.taskId).sort()).toEqual(tasks.map((task) => task.id).sort());
      for (const row of liRows) {
        expect(row).toMatchObject({
          kind: "urge",
          slot: "2026-11",
          sentAt: null,
          claimedAt: null,
          attempts: 1,
        });
        expect(row.lastError).toBe("channel_not_found");
        expect(row.nextAttemptAt).toEqual(at(30_000));
      }
      expect(new Set(liRows.map((row) => row.groupKey)).size).toBe(1);
      expect(await f.db.prisma.auditEvent.count({ where: { action: "urge" } })).toBe(1);

      // Slack is back; the runner's delivery pass waits for the backoff, then sends the DM once.
      f.notifier.failFor.clear();
      const runner = f.runner();
      expect((await runner.deliverOutbox(at(29_000))).sent).toBe(0);
      expect(urgeDms(LI.externalId)).toHaveLength(0);
      const pass = await runner.deliverOutbox(at(30_000));
      expect([pass.sent, pass.failed, pass.closed]).toEqual([1, 0, 0]);
      const [late] = urgeDms(LI.externalId);
      expect(late?.message).toEqual(urgeDms(ZHANG.externalId)[0]?.message); // the very DM 张三 got at once
      expect(late?.message.kind === "urge" && late.message.title).toBe("催办：市农业农村局");
      expect(late?.message.kind === "urge" && late.message.intro).toContain("赵督查");

      // Never again: more passes, another process, much later.
      expect((await runner.deliverOutbox(at(3_600_000))).sent).toBe(0);
      expect((await f.runner().deliverOutbox(at(86_400_000))).sent).toBe(0);
      expect(urgeDms(LI.externalId)).toHaveLength(1);
      expect(urgeDms(ZHANG.externalId)).toHaveLength(1);

      // The DM sent late is Duban's like any other: its rows carry its reference, so thread replies map back.
      const sent = await f.db.prisma.reminder.findMany({ where: { recipientId: await personId(LI) } });
      expect(sent.every((row) => row.sentAt?.getTime() === at(30_000).getTime())).toBe(true);
      expect(sent.every((row) => row.chatChannel === late?.channel && row.chatTs === late?.ts)).toBe(true);
      expect((await f.store.findTaskIdsOfMessage(late?.channel ?? "", late?.ts ?? "")).sort()).toEqual(
        tasks.map((task) => task.id).sort(),
      );
    });

    it("keeps retrying with backoff while delivery fails, and still sends once", async () => {
      f.notifier.failFor.add(ZHANG.externalId);
      await f.core.runCommand(ZHAO, "remind 市农业农村局");
      const runner = f.runner();
      const second = await runner.deliverOutbox(at(30_000));
      expect([second.sent, second.failed]).toEqual([0, 1]);
      expect(second.nextAttemptAt).toEqual(at(30_000 + 60_000)); // doubled
      f.notifier.failFor.clear();
      expect((await runner.deliverOutbox(at(89_999))).sent).toBe(0);
      expect((await runner.deliverOutbox(at(90_000))).sent).toBe(1);
      expect((await runner.deliverOutbox(at(7_200_000))).sent).toBe(0);
      expect(urgeDms(ZHANG.externalId)).toHaveLength(1);
      expect(urgeDms(LI.externalId)).toHaveLength(1);
    });

    it("办结 and 退回: the contact is told later when the DM fails now, and the supervisor hears so", async () => {
      const task = await f.db.prisma.task.findFirstOrThrow({
        where: { departmentId: "city-agriculture", measure: { number: 1 } },
      });
      await f.db.prisma.task.update({ where: { id: task.id }, data: { status: "AWAITING_APPROVAL" } });
      f.notifier.failFor.add(LI.externalId);
      const approved = await f.core.approveTask(ZHAO, task.id);
      expect(approved.replies[0]?.summary).toMatch(
        /^已办结：.*（已通知 1 位联络员；1 位暂未送达，已排队自动重发：李四）$/,
      );
      const results = (externalId: string) =>
        f.notifier.sentTo(externalId).filter((sent) => sent.message.kind === "approval_result");
      expect(results(ZHANG.externalId)).toHaveLength(1);
      expect(results(LI.externalId)).toHaveLength(0);

      await f.db.prisma.task.update({ where: { id: task.id }, data: { status: "AWAITING_APPROVAL" } });
      f.clock.set(at(1_000).toISOString());
      const returned = await f.core.returnTask(ZHAO, task.id, "缺少佐证材料");
      expect(returned.replies[0]?.summary).toMatch(
        /（已通知 1 位联络员；1 位暂未送达，已排队自动重发：李四）$/,
      );

      f.notifier.failFor.clear();
      const pass = await f.runner().deliverOutbox(at(31_000));
      expect(pass.sent).toBe(2);
      expect(results(LI.externalId).map((sent) => text(sent.message).includes("缺少佐证材料"))).toEqual([
        false,
        true,
      ]);
      expect((await f.runner().deliverOutbox(at(3_600_000))).sent).toBe(0);
      expect(results(LI.externalId)).toHaveLength(2);
      expect(results(ZHANG.externalId)).toHaveLength(2);
    });

    it("an approval request to a supervisor that fails is delivered later", async () => {
      const task = await f.db.prisma.task.findFirstOrThrow({
        where: { departmentId: "city-agriculture", measure: { number: 1 } },
      });
      f.notifier.failFor.add(ZHAO.externalId);
      const submitted = await f.core.submitReportForm({
        user: ZHANG,
        taskId: task.id,
        values: { status: "done", percent: "100", done: "全部完成" },
      });
      if (submitted.kind !== "done") throw new Error(JSON.stringify(submitted));
      const toZhao = submitted.outcome.deliveries.filter((d) => d.recipientName === "赵督查");
      expect(toZhao.map((d) => [d.ref, d.error])).toEqual([[null, "channel_not_found"]]);
      const requests = () =>
        f.notifier.sentTo(ZHAO.externalId).filter((sent) => sent.message.kind === "approval_request");
      expect(requests()).toHaveLength(0);
      f.notifier.failFor.clear();
      expect((await f.runner().deliverOutbox(at(30_000))).sent).toBe(1);
      expect((await f.runner().deliverOutbox(at(3_600_000))).sent).toBe(0);
      expect(requests()).toHaveLength(1);
      expect(text(requests()[0]?.message)).toContain("全部完成");
    });

    it("after a 429 the rest are not tried now: all wait for Retry-After, which costs no attempt", async () => {
      const limited = createScriptedChatNotifier((call) =>
        call === 1 ? new RateLimitedError(5_000) : "send",
      );
      const core = createSupervisionCore({
        store: f.store,
        notifier: limited,
        clock: f.clock,
        calendar: f.calendar,
        admins: [ADMIN.externalId],
      });
      const summary = urgeSummary((await core.runCommand(ZHAO, "remind 市农业农村局")).replies);
      expect(summary.failed).toEqual(["张三", "李四"]);
      expect(limited.calls).toBe(1);
      const rows = await f.db.prisma.reminder.findMany({ where: { kind: "urge" } });
      expect(
        rows.every((row) => row.attempts === 0 && row.nextAttemptAt.getTime() === at(5_000).getTime()),
      ).toBe(true);
      const runner = f.runner();
      expect((await runner.deliverOutbox(at(4_999))).sent).toBe(0);
      expect((await runner.deliverOutbox(at(5_000))).sent).toBe(2);
      expect((await runner.deliverOutbox(at(3_600_000))).sent).toBe(0);
      expect([urgeDms(ZHANG.externalId).length, urgeDms(LI.externalId).length]).toEqual([1, 1]);
    });

    it("no outbox pass takes a DM while it is being sent at once (a process dying mid-send leaves it in doubt)", async () => {
      const hanging = createScriptedChatNotifier(() => "hang");
      const core = createSupervisionCore({
        store: f.store,
        notifier: hanging,
        clock: f.clock,
        calendar: f.calendar,
        admins: [ADMIN.externalId],
      });
      void core.runCommand(ZHAO, "remind 市农业农村局");
      await hanging.called(1);
      const pass = await f.runner().deliverOutbox(at(3_600_000));
      expect([pass.sent, pass.failed]).toEqual([0, 0]);
      expect(f.notifier.sent).toHaveLength(0);
      const rows = await f.db.prisma.reminder.findMany({ where: { kind: "urge" } });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.claimedBy?.startsWith("direct:") && row.sentAt === null)).toBe(true);
    });
  },
);
