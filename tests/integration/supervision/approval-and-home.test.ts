import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotSupervision } from "../../support/database-snapshot.ts";
import {
  ADMIN,
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局
const zhao = slackUser("UZHAO", "督查员赵"); // supervisor

describe.each(testDatabaseTargets())("approval (办结), history and App Home on %s", (target) => {
  let f: SupervisionFixture;
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    await f.makeContact(zhang, "市人力资源社会保障局");
    await f.makeSupervisor(zhao);
  });
  afterAll(async () => {
    await f?.db.drop();
  });

  const hrTask = async (measure: number) => {
    const [task] = await f.store.listTasks({
      measureNumbers: [measure],
      departmentIds: ["city-human-resources"],
    });
    if (task === undefined) throw new Error(`no task ${measure}`);
    return task;
  };

  it("已完成 by a contact awaits approval; the supervisors are asked; approve -> DONE and the contact is told", async () => {
    const reported = await f.core.recordReply({
      user: zhang,
      text: "（六）已完成",
      channel: "DUZHANG",
      ts: "1790000600.000001",
      eventId: "Ev-done-6",
    });
    expect(reported.replies[0]?.kind).toBe("report_receipt");
    const task = await hrTask(6);
    expect(task.status).toBe("AWAITING_APPROVAL");
    expect(task.percent).toBe(100);

    const requests = f.notifier.sent.filter((entry) => entry.message.kind === "approval_request");
    expect(requests.map((entry) => entry.person.externalId).sort()).toEqual(["UADMIN", "UZHAO"]);
    const request = requests[0]?.message;
    expect(request?.kind === "approval_request" && request.actions.map((a) => a.kind)).toEqual([
      "approve",
      "return",
    ]);
    expect(reported.deliveries).toHaveLength(2);

    const approved = await f.core.runCommand(zhao, "approve 6");
    expect(approved.replies[0]?.summary).toBe(
      "已办结：（六）积极支持搬迁群众自主创业 · 市人力资源社会保障局（已通知 1 位联络员）",
    );
    const row = await f.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    const zhaoPerson = await f.core.identify(zhao);
    expect(row).toMatchObject({ status: "DONE", approvedAt: f.clock.now(), approvedById: zhaoPerson.id });
    const told = f.notifier.sentTo("UZHANG").at(-1)?.message;
    expect(told?.kind === "approval_result" && told.outcome).toBe("approved");
    expect(
      await f.db.prisma.auditEvent.count({
        where: { action: "task.approve", subjectId: task.id, actor: zhaoPerson.id },
      }),
    ).toBe(1);

    const closed = await f.core.recordReply({
      user: zhang,
      text: "（六）推进中",
      channel: "DUZHANG",
      ts: "1790000600.000002",
      eventId: "Ev-after-close",
    });
    expect(closed.replies[0]?.summary).toContain("第6项措施不在您可填报的任务中"); // closed: asked, not stored
    expect((await hrTask(6)).status).toBe("DONE");
  });

  it("return with a reason: the task goes back to 推进中 and the contact is told why", async () => {
    const task = await hrTask(4);
    const form = await f.core.submitReportForm({
      user: zhang,
      taskId: task.id,
      values: { status: "已完成", done: "就业服务站全部设立" },
    });
    expect(form.kind).toBe("done");
    expect((await hrTask(4)).status).toBe("AWAITING_APPROVAL");

    const returned = await f.core.runCommand(zhao, "return 4 市人力资源社会保障局 佐证材料不全，请补充");
    expect(returned.replies[0]?.summary).toContain("已退回");
    expect((await hrTask(4)).status).toBe("IN_PROGRESS");
    const told = f.notifier.sentTo("UZHANG").at(-1)?.message;
    if (told?.kind !== "approval_result") throw new Error(JSON.stringify(told));
    expect(told.outcome).toBe("returned");
    expect(told.reason).toBe("佐证材料不全，请补充");
    expect(told.lines.join("\n")).toContain("退回原因：佐证材料不全，请补充");
    const audit = await f.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "task.return", subjectId: task.id },
    });
    expect(audit.after).toMatchObject({ status: "IN_PROGRESS", reason: "佐证材料不全，请补充" });
  });

  it("refuses to approve a task that is not awaiting approval, changing nothing", async () => {
    const before = await snapshotSupervision(f.db.prisma);
    const refused = await f.core.runCommand(zhao, "approve 5 市人力资源社会保障局");
    expect(refused.replies[0]?.kind === "notice" && refused.replies[0].tone).toBe("error");
    expect(refused.replies[0]?.summary).toContain("不是待审核");
    const byButton = await f.core.approveTask(zhang, (await hrTask(4)).id);
    expect(byButton.replies[0]?.summary).toBe("只有督查人员或管理员可以办结任务。");
    expect(await snapshotSupervision(f.db.prisma)).toEqual(before);
  });

  it("history lists a measure's reports, newest first", async () => {
    const history = (await f.core.runCommand(zhao, "history 4")).replies[0];
    if (history?.kind !== "history") throw new Error(JSON.stringify(history));
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]?.line).toMatch(
      /^2026-11-20 10:00 市人力资源社会保障局 张三：已完成（待审核），就业服务站全部设立$/,
    );
  });

  it("App Home: a contact's tasks; a supervisor's board, one page at a time", async () => {
    const contactHome = await f.core.buildHome(zhang);
    if (contactHome.kind !== "contact_home") throw new Error(contactHome.kind);
    expect(contactHome.tasks.total).toBe(6);

    f.clock.set("2026-11-27T02:00:00.000Z"); // after the due day: unreported tasks are overdue
    const first = await f.core.buildHome(ADMIN, { page: 1, limit: 10 });
    if (first.kind !== "supervisor_home") throw new Error(first.kind);
    expect(first.sections.flatMap((s) => s.measures)).toHaveLength(21);
    expect(first.overdue.items).toHaveLength(10);
    expect(first.overdue.total).toBeGreaterThan(1000);
    expect(first.paging.actions).toEqual([{ kind: "home_page", page: 2, label: "下一页" }]);
    const second = await f.core.buildHome(ADMIN, { page: 2, limit: 10 });
    if (second.kind !== "supervisor_home") throw new Error(second.kind);
    expect(second.overdue.items[0]?.taskId).not.toBe(first.overdue.items[0]?.taskId);
    expect(second.paging.actions.map((action) => action.kind === "home_page" && action.page)).toEqual([1, 3]);
    expect(first.awaitingApproval.total).toBe(0);
  });
});
