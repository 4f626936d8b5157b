import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  OutboundMessage,
  UrgeMessage,
  UrgeSummaryMessage,
} from "../../../src/domain/messages/message-types.ts";
import { snapshotSupervision } from "../../support/database-snapshot.ts";
import {
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局
const sun = slackUser("USUN", "孙七", "en-GB"); // contact of 市人力资源社会保障局 too
const zhao = slackUser("UZHAO", "督查员赵"); // supervisor

function urgeSummary(replies: OutboundMessage[]): UrgeSummaryMessage {
  const [reply] = replies;
  if (reply?.kind !== "urge_summary")
    throw new Error(`expected an urge summary, got ${JSON.stringify(reply)}`);
  return reply;
}

describe.each(testDatabaseTargets())("urging and free-text replies on %s", (target) => {
  let f: SupervisionFixture;
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    await f.makeContact(zhang, "市人力资源社会保障局");
    await f.makeContact(sun, "人力资源社会保障局");
    await f.makeSupervisor(zhao);
  });
  afterAll(async () => {
    await f?.db.drop();
  });

  const urgeDmTo = (externalId: string): { channel: string; ts: string; message: UrgeMessage } => {
    const sent = f.notifier
      .sentTo(externalId)
      .filter((entry) => entry.message.kind === "urge")
      .at(-1);
    if (sent?.message.kind !== "urge") throw new Error(`no urge DM to ${externalId}`);
    return { channel: sent.channel, ts: sent.ts, message: sent.message };
  };

  it("a supervisor urges a department: a DM to each contact listing its open tasks, Reminder rows and an audit event", async () => {
    const outcome = await f.core.runCommand(zhao, "remind 人力资源社会保障局");
    const summary = urgeSummary(outcome.replies);
    expect(summary.urged).toEqual([{ departmentName: "市人力资源社会保障局", recipients: ["张三", "孙七"] }]);
    expect(summary.unreachable).toEqual([]);

    const hrTasks = await f.store.listTasks({ departmentIds: ["city-human-resources"] });
    const toZhang = urgeDmTo("UZHANG").message;
    expect(toZhang.locale).toBe("zh");
    expect(toZhang.intro).toContain("督查员赵");
    expect(toZhang.tasks.map((task) => task.taskId)).toEqual(hrTasks.map((task) => task.id));
    for (const task of toZhang.tasks) {
      expect(task.light).toBe("yellow"); // not started
      expect(task.actions).toEqual([{ kind: "report", taskId: task.taskId, label: "填报进展" }]);
    }
    expect(urgeDmTo("USUN").message.title).toMatch(/^Reminder \(催办\)/);

    const zhangPerson = await f.core.identify(zhang);
    const rows = await f.db.prisma.reminder.findMany({
      where: { kind: "urge", recipientId: zhangPerson.id },
    });
    expect(rows.map((row) => row.taskId).sort()).toEqual(hrTasks.map((task) => task.id).sort());
    const dm = urgeDmTo("UZHANG");
    for (const row of rows)
      expect(row).toMatchObject({
        chatChannel: dm.channel,
        chatTs: dm.ts,
        slot: "2026-11",
        sentAt: f.clock.now(),
      });

    const audit = await f.db.prisma.auditEvent.findMany({ where: { action: "urge" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      subjectType: "department",
      subjectId: "city-human-resources",
      actor: (await f.core.identify(zhao)).id,
    });
  });

  it("urging a measure reports the lead departments without a contact; a repeated urge is recorded again", async () => {
    f.clock.advance(60_000);
    const summary = urgeSummary((await f.core.runCommand(zhao, "remind （五）")).replies);
    expect(summary.urged.map((entry) => entry.departmentName)).toEqual(["市人力资源社会保障局"]);
    expect(summary.unreachable).toContain("市发展改革委");
    expect(summary.unreachable).toContain("南召县人力资源社会保障局");
    expect(summary.lines.join("\n")).toContain("无联络员、未能催办");
    expect(urgeDmTo("UZHANG").message.tasks.map((task) => task.measure.number)).toEqual([5]);

    f.clock.advance(60_000);
    await f.core.runCommand(zhao, "remind 5");
    const measure5 = await f.store.listTasks({
      measureNumbers: [5],
      departmentIds: ["city-human-resources"],
    });
    const rows = await f.db.prisma.reminder.count({ where: { kind: "urge", taskId: measure5[0]?.id } });
    expect(rows).toBe(6); // 2 contacts x (the department urge + 2 measure urges)
  });

  it("the same chat request run again (its inbox entry after a crash) sends no urge twice", async () => {
    f.clock.advance(60_000);
    const before = f.notifier.sentTo("UZHANG").length;
    const rowsBefore = await f.db.prisma.reminder.count({ where: { kind: "urge" } });
    await f.core.runCommand(zhao, "remind 5", {}, "trigger:T-REPLAYED");
    const sentOnce = f.notifier.sentTo("UZHANG").length;
    const rowsOnce = await f.db.prisma.reminder.count({ where: { kind: "urge" } });
    expect(sentOnce).toBe(before + 1);
    expect(rowsOnce).toBeGreaterThan(rowsBefore);

    f.clock.advance(5 * 60_000); // processed again later, as the inbox does at the next start
    await f.core.runCommand(zhao, "remind 5", {}, "trigger:T-REPLAYED");
    expect(f.notifier.sentTo("UZHANG")).toHaveLength(sentOnce);
    expect(await f.db.prisma.reminder.count({ where: { kind: "urge" } })).toBe(rowsOnce);

    // another request (another trigger_id) is another urge
    await f.core.runCommand(zhao, "remind 5", {}, "trigger:T-NEXT");
    expect(f.notifier.sentTo("UZHANG")).toHaveLength(sentOnce + 1);
  });

  it("a reply in the urge DM's thread naming the measure is stored as that task's report", async () => {
    const dm = urgeDmTo("UZHANG"); // lists only measure 5
    const outcome = await f.core.recordReply({
      user: zhang,
      text: "推进中，约八成",
      channel: dm.channel,
      ts: "1790000500.000100",
      threadTs: dm.ts,
      eventId: "Ev-reply-1",
    });
    const [receipt] = outcome.replies;
    if (receipt?.kind !== "report_receipt") throw new Error(JSON.stringify(receipt));
    expect(receipt.lines[0]).toBe("状态：推进中 80%");
    expect(receipt.actions[0]?.kind).toBe("edit_report");

    const report = await f.db.prisma.progressReport.findUniqueOrThrow({ where: { id: receipt.reportId } });
    expect(report).toMatchObject({
      status: "IN_PROGRESS",
      percent: 80,
      source: "THREAD_REPLY",
      chatChannel: dm.channel,
      chatTs: "1790000500.000100",
      chatEventId: "Ev-reply-1",
      rawText: "推进中，约八成",
    });
    const task = await f.db.prisma.task.findUniqueOrThrow({ where: { id: report.taskId } });
    expect(task).toMatchObject({ status: "IN_PROGRESS", percent: 80 });
  });

  it("the same event delivered twice stores one report and answers with the same receipt", async () => {
    const dm = urgeDmTo("UZHANG");
    const reply = {
      user: zhang,
      text: "推进中，约八成",
      channel: dm.channel,
      ts: "1790000500.000100",
      threadTs: dm.ts,
      eventId: "Ev-reply-1",
    };
    const again = await f.core.recordReply(reply);
    const [receipt] = again.replies;
    expect(receipt?.kind === "report_receipt" && receipt.duplicate).toBe(true);
    expect(await f.db.prisma.progressReport.count({ where: { chatEventId: "Ev-reply-1" } })).toBe(1);
    const first = await f.db.prisma.progressReport.findUniqueOrThrow({
      where: { chatEventId: "Ev-reply-1" },
    });
    expect(receipt?.kind === "report_receipt" && receipt.reportId).toBe(first.id);
  });

  it("an ambiguous reply gets a question and stores nothing", async () => {
    const before = await snapshotSupervision(f.db.prisma);
    const dm = urgeDmTo("UZHANG");
    const unclear = await f.core.recordReply({
      user: zhang,
      text: "好的，收到",
      channel: dm.channel,
      ts: "1790000500.000200",
      threadTs: dm.ts,
      eventId: "Ev-reply-2",
    });
    expect(unclear.replies[0]?.kind).toBe("question");
    expect(unclear.replies[0]?.summary).toContain("没能从您的回复中看出进展状态");

    // A DM without a thread could be about any of his tasks: which one?
    const which = await f.core.recordReply({
      user: zhang,
      text: "推进中 50%",
      channel: dm.channel,
      ts: "1790000500.000300",
      eventId: "Ev-reply-3",
    });
    const [question] = which.replies;
    if (question?.kind !== "question") throw new Error(JSON.stringify(question));
    expect(question.tasks.length).toBeGreaterThan(1);
    expect(question.tasks.every((task) => task.actions[0]?.kind === "report")).toBe(true);
    expect(question.tasks.find((task) => task.measure.number === 5)?.lastReport).toContain(
      "张三：推进中 80%",
    );
    expect(await snapshotSupervision(f.db.prisma)).toEqual(before);
  });

  it("an edited reply updates its report and task, audited", async () => {
    const dm = urgeDmTo("UZHANG");
    f.clock.advance(60_000);
    const outcome = await f.core.reviseReply({
      user: zhang,
      channel: dm.channel,
      ts: "1790000500.000100",
      text: "受阻：资金未到位，完成约六成",
    });
    expect(outcome.replies[0]?.kind).toBe("report_receipt");
    const report = await f.db.prisma.progressReport.findUniqueOrThrow({
      where: { chatEventId: "Ev-reply-1" },
    });
    expect(report).toMatchObject({
      status: "BLOCKED",
      percent: 60,
      blocker: "资金未到位",
      editedAt: f.clock.now(),
      rawText: "受阻：资金未到位，完成约六成",
    });
    expect(await f.db.prisma.task.findUniqueOrThrow({ where: { id: report.taskId } })).toMatchObject({
      status: "BLOCKED",
      percent: 60,
    });
    const audit = await f.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "report.edit", subjectId: report.id },
    });
    expect(audit.before).toMatchObject({ status: "IN_PROGRESS", percent: 80 });
    expect(audit.after).toMatchObject({ status: "BLOCKED", percent: 60 });

    const bySomeoneElse = await f.core.reviseReply({
      user: sun,
      channel: dm.channel,
      ts: "1790000500.000100",
      text: "已完成",
    });
    expect(bySomeoneElse.replies).toEqual([]);
    expect((await f.db.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe(
      "BLOCKED",
    );
  });

  it("a deleted reply withdraws its report and the task goes back, audited", async () => {
    const dm = urgeDmTo("UZHANG");
    const outcome = await f.core.withdrawReply({ user: zhang, channel: dm.channel, ts: "1790000500.000100" });
    expect(outcome.replies[0]?.summary).toContain("已撤回进展");
    const report = await f.db.prisma.progressReport.findUniqueOrThrow({
      where: { chatEventId: "Ev-reply-1" },
    });
    expect(report.withdrawnAt).toEqual(f.clock.now());
    expect(await f.db.prisma.task.findUniqueOrThrow({ where: { id: report.taskId } })).toMatchObject({
      status: "NOT_STARTED",
      percent: 0,
      lastReportAt: null,
    });
    expect(
      await f.db.prisma.auditEvent.count({ where: { action: "report.withdraw", subjectId: report.id } }),
    ).toBe(1);
    expect(
      (await f.core.withdrawReply({ user: zhang, channel: dm.channel, ts: "1790000500.000100" })).replies,
    ).toEqual([]);
  });

  it("urging overdue tasks after the due day; an undeliverable DM stays recorded with its error", async () => {
    f.clock.set("2026-11-27T02:00:00.000Z"); // Friday after the 25th
    f.notifier.failFor.add("USUN");
    const summary = urgeSummary((await f.core.runCommand(zhao, "remind overdue")).replies);
    f.notifier.failFor.clear();
    expect(summary.urged.map((entry) => entry.departmentName)).toEqual(["市人力资源社会保障局"]);
    expect(summary.failed).toEqual(["孙七"]);
    expect(summary.unreachable.length).toBeGreaterThan(20);
    const sunPerson = await f.core.identify(sun);
    const failed = await f.db.prisma.reminder.findMany({
      where: { recipientId: sunPerson.id, sentAt: null },
    });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((row) => row.lastError === "channel_not_found" && row.attempts === 1)).toBe(true);
    for (const task of urgeDmTo("UZHANG").message.tasks) expect(task.lightReason).toBe("overdue");
  });
});
