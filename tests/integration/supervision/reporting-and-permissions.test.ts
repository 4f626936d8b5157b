import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoticeMessage, OutboundMessage } from "../../../src/domain/messages/message-types.ts";
import { snapshotSupervision } from "../../support/database-snapshot.ts";
import {
  ADMIN,
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局
const li = slackUser("ULI", "Li Si", "en-US"); // contact of 市农业农村局
const wang = slackUser("UWANG", "王五"); // nobody's contact: a reader
const zhao = slackUser("UZHAO", "督查员赵"); // supervisor

const VALID_FORM = {
  status: "in_progress",
  percent: "60",
  done: "举办专场招聘会 3 场",
  nextSteps: "12 月再办 2 场",
  evidence: "https://hr.nanyang.gov.cn/a",
};

function onlyNotice(replies: OutboundMessage[]): NoticeMessage {
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  if (reply?.kind !== "notice") throw new Error(`expected a notice, got ${reply?.kind}`);
  return reply;
}

describe.each(testDatabaseTargets())("reporting and permissions on %s", (target) => {
  let f: SupervisionFixture;
  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    await f.makeContact(zhang, "市人力资源社会保障局");
    await f.makeContact(li, "农业农村局");
    await f.makeSupervisor(zhao);
  });
  afterAll(async () => {
    await f?.db.drop();
  });

  const taskOf = async (measure: number, departmentId: string) => {
    const [task] = await f.store.listTasks({ measureNumbers: [measure], departmentIds: [departmentId] });
    if (task === undefined) throw new Error(`no task ${measure} ${departmentId}`);
    return task;
  };

  it("a contact reports on their own task through the form: report stored, task updated, audited", async () => {
    const opened = await f.core.runCommand(zhang, "report （五）");
    expect(opened.replies).toEqual([]);
    const form = opened.openForm;
    expect(form?.taskText).toBe("（五）拓宽就地就近就业渠道 · 市人力资源社会保障局");
    expect(form?.fields.map((field) => field.id)).toEqual([
      "status",
      "percent",
      "done",
      "nextSteps",
      "blocker",
      "evidence",
    ]);

    const result = await f.core.submitReportForm({
      user: zhang,
      taskId: form?.taskId ?? "",
      values: VALID_FORM,
    });
    if (result.kind !== "done") throw new Error(JSON.stringify(result));
    const [receipt] = result.outcome.replies;
    expect(receipt?.kind).toBe("report_receipt");
    expect(receipt?.summary).toContain("推进中 60%");

    const person = await f.core.identify(zhang);
    const task = await f.db.prisma.task.findUniqueOrThrow({ where: { id: form?.taskId ?? "" } });
    expect(task).toMatchObject({ status: "IN_PROGRESS", percent: 60, lastReportAt: f.clock.now() });
    const report = await f.db.prisma.progressReport.findFirstOrThrow({ where: { taskId: task.id } });
    expect(report).toMatchObject({
      authorId: person.id,
      status: "IN_PROGRESS",
      percent: 60,
      done: "举办专场招聘会 3 场",
      nextSteps: "12 月再办 2 场",
      evidence: ["https://hr.nanyang.gov.cn/a"],
      source: "MODAL",
    });
    const audit = await f.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "report.create", subjectId: task.id },
    });
    expect(audit).toMatchObject({
      actor: person.id,
      subjectType: "task",
      before: { status: "NOT_STARTED", percent: 0 },
    });
    expect(audit.after).toMatchObject({
      status: "IN_PROGRESS",
      percent: 60,
      reportId: report.id,
      source: "MODAL",
    });
  });

  it("an invalid form gets an error on each bad field and stores nothing", async () => {
    const task = await taskOf(4, "city-human-resources");
    const before = await snapshotSupervision(f.db.prisma);
    const result = await f.core.submitReportForm({
      user: zhang,
      taskId: task.id,
      values: { status: "blocked", percent: "120", done: " " },
    });
    expect(result).toEqual({
      kind: "invalid",
      errors: {
        percent: "进度请填 0 到 100 之间的整数",
        done: "请填写已完成的工作",
        blocker: "受阻时请填写受阻原因",
      },
    });
    expect(await snapshotSupervision(f.db.prisma)).toEqual(before);
  });

  it("a contact is refused for another department's task, by command, button or form, and nothing changes", async () => {
    const other = await taskOf(1, "city-agriculture");
    const before = await snapshotSupervision(f.db.prisma);

    const byCommand = onlyNotice((await f.core.runCommand(zhang, "report 1")).replies);
    expect(byCommand.tone).toBe("error");
    expect(byCommand.lines[0]).toContain("联络员只能填报本部门的任务");

    const byButton = await f.core.openReportForm(zhang, other.id);
    expect(byButton.openForm).toBeNull();
    expect(onlyNotice(byButton.replies).lines[0]).toContain("您不是市农业农村局的联络员");

    const bySubmit = await f.core.submitReportForm({ user: zhang, taskId: other.id, values: VALID_FORM });
    if (bySubmit.kind !== "done") throw new Error("expected a refusal, not field errors");
    expect(onlyNotice(bySubmit.outcome.replies).tone).toBe("error");

    const byReply = await f.core.recordReply({
      user: zhang,
      text: "（一）已完成",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "EvForged",
    });
    expect(byReply.replies[0]?.kind).toBe("question"); // measure 1 is not among his tasks: asked, not stored

    expect(await snapshotSupervision(f.db.prisma)).toEqual(before);
  });

  it("a non-supervisor is refused to urge, approve and assign; nothing is sent or recorded", async () => {
    const before = await snapshotSupervision(f.db.prisma);
    for (const text of [
      "remind 5",
      "remind overdue",
      "approve 5 市人力资源社会保障局",
      "assign 市财政局 @id:UWANG",
    ]) {
      const notice = onlyNotice((await f.core.runCommand(zhang, text)).replies);
      expect(notice.tone).toBe("error");
      expect(notice.lines[0]).toMatch(/^只有督查人员或管理员可以/);
    }
    const english = onlyNotice((await f.core.runCommand(li, "remind 1")).replies);
    expect(english.lines[0]).toBe("Only supervisors and admins can urge departments.");
    expect(f.notifier.sent).toHaveLength(0);
    expect(await snapshotSupervision(f.db.prisma)).toEqual(before);
  });

  it("a reader sees no board and cannot report; a supervisor sees the board", async () => {
    const refused = onlyNotice((await f.core.runCommand(wang, "status")).replies);
    expect(refused.lines[0]).toContain("只有督查人员或管理员可以查看全部进展");
    const noTasks = (await f.core.runCommand(wang, "tasks")).replies[0];
    expect(noTasks?.kind === "task_list" && noTasks.tasks).toEqual([]);

    const board = (await f.core.runCommand(zhao, "status")).replies[0];
    if (board?.kind !== "board") throw new Error(`expected the board, got ${board?.kind}`);
    expect(board.sections.flatMap((section) => section.measures)).toHaveLength(21);
    const reported = board.sections.flatMap((s) => s.measures).find((m) => m.number === 5);
    expect(reported?.counts.green).toBe(1); // the report above: on track

    const mine = (await f.core.runCommand(zhang, "status 5")).replies[0];
    if (mine?.kind !== "status") throw new Error(`expected a status, got ${mine?.kind}`);
    expect(mine.tasks.map((t) => t.departmentName)).toEqual(["市人力资源社会保障局"]);
    expect(mine.tasks[0]?.lastReport).toContain("张三：推进中 60%");
    const others = onlyNotice((await f.core.runCommand(zhang, "status 市财政局")).replies);
    expect(others.tone).toBe("error");
  });

  it("knows a new chat user as a reader, and a configured admin as an admin, each created once and audited", async () => {
    const newcomer = await f.core.identify(slackUser("UNEW", "新来的", "en-US"));
    expect(newcomer).toMatchObject({
      role: "READER",
      departmentIds: [],
      locale: "en-US",
      displayName: "新来的",
    });
    expect((await f.core.identify(slackUser("UNEW", "新来的", "en-US"))).id).toBe(newcomer.id);
    expect((await f.core.identify(ADMIN)).role).toBe("ADMIN");
    expect(
      await f.db.prisma.auditEvent.count({ where: { action: "person.create", subjectId: newcomer.id } }),
    ).toBe(1);
  });

  it("assign: supervisors grant contact and reader, only admins grant supervisor; a refusal changes nothing", async () => {
    const before = await snapshotSupervision(f.db.prisma);
    const refused = onlyNotice(
      (await f.core.runCommand(zhao, "assign 市财政局 @id:UQIAN 督查人员", { UQIAN: "钱八" })).replies,
    );
    expect(refused.lines[0]).toContain("督查人员只能指派联络员和读者");
    expect(await snapshotSupervision(f.db.prisma)).toEqual(before);

    const granted = onlyNotice(
      (await f.core.runCommand(zhao, "assign 市财政局 @id:UQIAN", { UQIAN: "钱八" })).replies,
    );
    expect(granted).toMatchObject({ tone: "success", lines: ["已将 钱八 设为市财政局的联络员。"] });
    const qian = await f.core.identify(slackUser("UQIAN", "钱八"));
    expect(qian).toMatchObject({ role: "CONTACT", departmentIds: ["city-finance"] });
    const audit = await f.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "contact.assign", subjectId: qian.id },
    });
    expect(audit.after).toEqual({ role: "CONTACT", departmentId: "city-finance" });

    const promoted = onlyNotice(
      (await f.core.runCommand(ADMIN, "assign 市财政局 @id:UQIAN supervisor", { UQIAN: "钱八" })).replies,
    );
    expect(promoted.lines[0]).toBe("已将 钱八 设为市财政局的督查人员。");
    expect((await f.core.identify(slackUser("UQIAN", "钱八"))).role).toBe("SUPERVISOR");
  });

  it("answers help in the user's language, and a command it cannot read with help and one clear line", async () => {
    const english = (await f.core.runCommand(li, "help")).replies[0];
    expect(english?.kind === "help" && english.title).toBe("Duban (督办) help");
    const unknown = (await f.core.runCommand(zhang, "催促 5")).replies[0];
    expect(unknown?.kind === "help" && unknown.problem).toBe("没有“催促”这个子命令。");
    const badMeasure = (await f.core.runCommand(zhao, "remind 99")).replies[0];
    expect(badMeasure?.kind === "help" && badMeasure.problem).toContain("找不到措施“99”");
  });
});
