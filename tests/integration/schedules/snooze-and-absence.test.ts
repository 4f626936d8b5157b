import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/domain/messages/message-types.ts";
import type { ScheduleRunner } from "../../../src/services/schedule/create-schedule-runner.ts";
import {
  createScheduleFixture,
  LI,
  type ScheduleFixture,
  smallPlanWith,
  WANG,
  ZHANG,
  ZHAO,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const text = (message: OutboundMessage | undefined) =>
  message?.kind === "notice" ? message.lines.join(" ") : message?.kind;
const titleOf = (message: OutboundMessage) =>
  message.kind === "reminder" || message.kind === "escalation" ? message.title : message.kind;

/** November 2026, due Wednesday 11-25: first reminder Fri 11-20, +1 Thu 11-26, +3 Mon 11-30, escalation Wed 12-02. */
describe.each(testDatabaseTargets())("snooze and absence (%s)", (target) => {
  let fixture: ScheduleFixture;
  let runner: ScheduleRunner;
  const at = async (iso: string) => {
    fixture.clock.set(iso);
    return runner.runDue(fixture.clock.now());
  };

  beforeAll(async () => {
    const db = await createTestDatabase(target);
    fixture = await createScheduleFixture(
      db,
      smallPlanWith({ cycle: "monthly", dueDay: 25 }),
      "2026-11-19T02:00:00.000Z",
    );
    await fixture.makeContact(ZHANG, "市农业农村局");
    await fixture.makeContact(LI, "市财政局");
    await fixture.makeContact(WANG, "人行某市中心支行", { lead: true });
    await fixture.makeSupervisor(ZHAO);
    runner = fixture.runner({ tuning: { lookBackDays: 1 } });
  }, 60_000);
  afterAll(() => fixture?.db.drop());

  it("records an absence with a deputy who can report for the department, and tells the deputy", async () => {
    const refusedDeputy = await fixture.core.runCommand(WANG, "absence 11-19 11-27 @id:ULI", { ULI: "李四" });
    expect(text(refusedDeputy.replies[0])).toContain("李四 不能代为报送人行某市中心支行的进展");
    const notForOthers = await fixture.core.runCommand(ZHANG, "absence 11-19 11-27 @id:UZHAO @id:UWANG");
    expect(text(notForOthers.replies[0])).toBe("只有督查人员或管理员可以为他人登记请假。");
    const recorded = await fixture.core.runCommand(WANG, "请假 11月19日 11月27日 @id:UZHAO", {
      UZHAO: "赵督查",
    });
    expect(text(recorded.replies[0])).toBe(
      "已登记：王五 2026-11-19 – 2026-11-27 请假，期间提醒发给代理人 赵督查。",
    );
    expect(text(fixture.notifier.sentTo(ZHAO.externalId)[0]?.message)).toContain("您是代理人");
  });

  it("sends the absent contact's reminders to the deputy, and the department is reachable", async () => {
    fixture.notifier.sent.length = 0;
    const [first] = await at("2026-11-20T01:30:00.000Z");
    expect(first?.unreachable).toEqual([]);
    expect(fixture.notifier.sentTo(WANG.externalId)).toEqual([]);
    const [toDeputy] = fixture.notifier.sentTo(ZHAO.externalId).map((sent) => sent.message);
    expect(
      toDeputy?.kind === "reminder" && [toDeputy.title, toDeputy.tasks.map((task) => task.departmentName)],
    ).toEqual(["报送提醒：2026年11月（代 王五）", ["人行某市中心支行"]]);
  });

  it("snoozes a reminder to the next working day, once per cycle", async () => {
    fixture.clock.set("2026-11-20T02:00:00.000Z");
    const snoozed = await fixture.core.snoozeReminder(ZHANG, "2026-11");
    expect(text(snoozed.replies[0])).toBe(
      "好的，2026年11月提醒推迟到下个工作日 11月23日（周一） 09:30。每期只能推迟一次。",
    );
    const twice = await fixture.core.runCommand(ZHANG, "snooze");
    expect(text(twice.replies[0])).toBe("张三 已推迟过2026年11月的提醒：每期只能推迟一次。");
    const upcoming = await runner.upcoming(fixture.clock.now(), 2);
    expect(upcoming.map((firing) => `${firing.kind} ${firing.instant.toISOString()}`)).toEqual([
      "digest 2026-11-23T01:00:00.000Z",
      "snoozed 2026-11-23T01:30:00.000Z",
    ]);
    const runs = await at("2026-11-23T01:30:00.000Z");
    expect(runs.map((run) => `${run.kind} ${run.outcome}`)).toEqual(["digest ran", "snoozed ran"]);
    const latest = fixture.notifier.sentTo(ZHANG.externalId).at(-1)?.message;
    expect(latest?.kind === "reminder" && [latest.title, latest.snooze]).toEqual([
      "稍后提醒：2026年11月进展报送",
      null,
    ]);
  });

  it("lets a ladder reminder on the snooze's day stand for the snoozed one", async () => {
    await at("2026-11-25T01:30:00.000Z"); // the due-day reminder
    fixture.clock.set("2026-11-25T02:00:00.000Z");
    await fixture.core.snoozeReminder(LI); // default cycle: the one being reminded, November
    const before = fixture.notifier.sentTo(LI.externalId).length;
    const runs = await at("2026-11-26T01:30:00.000Z");
    expect(runs.map((run) => `${run.slot.split(":")[0]} ${run.note}`)).toEqual([
      "reminder queued 3 message(s), 3 row(s)",
      "snooze already reminded by a scheduled reminder",
    ]);
    expect(
      fixture.notifier
        .sentTo(LI.externalId)
        .slice(before)
        .map((sent) => titleOf(sent.message)),
    ).toEqual(["催办：2026年11月进展已逾期 1 个工作日"]);
  });

  it("goes back to the contact after the absence, and escalates departments no one can be told about", async () => {
    await at("2026-11-30T01:30:00.000Z");
    expect(fixture.notifier.sentTo(WANG.externalId).map((sent) => titleOf(sent.message))).toEqual([
      "催办：2026年11月进展已逾期 3 个工作日",
    ]);
    await fixture.db.prisma.contact.deleteMany({ where: { departmentId: "city-finance" } });
    const [escalation] = await at("2026-12-02T01:30:00.000Z");
    expect(escalation?.unreachable).toEqual(["市财政局"]);
    const summary = fixture.notifier.sentTo(ZHAO.externalId).at(-1)?.message;
    expect(
      summary?.kind === "escalation" && [summary.audience, summary.unreachable, summary.totalTasks],
    ).toEqual(["supervisor", ["市财政局"], 3]);
  });

  it("posts the digest now on /duban digest (supervisors only)", async () => {
    const refused = await fixture.core.runCommand(ZHANG, "digest");
    expect(text(refused.replies[0])).toBe("只有督查人员或管理员可以发布周报。");
    const before = fixture.publisher.posted.length;
    const posted = await fixture.core.runCommand(ZHAO, "周报");
    expect(text(posted.replies[0])).toBe("周报已发布到 CDIGEST。");
    expect(fixture.publisher.posted.length).toBe(before + 1);
    expect(fixture.publisher.posted.at(-1)?.digest.lateNote).toBeNull();
  });
});
