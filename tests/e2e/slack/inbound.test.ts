import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaSupervisionStore } from "../../../src/adapters/db/prisma-supervision-store.ts";
import { listTaskStatuses } from "../../../src/services/tasks/list-task-statuses.ts";
import type { StoredMessage } from "../../fakes/slack-double/double-state.ts";
import type { JsonObject } from "../../fakes/slack-double/json-object.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";
import { CONTACT, type SlackE2e, SUPERVISOR, startSlackE2e } from "./support/start-slack-e2e.ts";

const AGRICULTURE = "city-agriculture"; // 市农业农村局: measures 1, 2, 3, 8, 9, 11, 15

/** Everything inbound from Slack: the inbox, ack first, redeliveries and replays once, evidence files. */
describe.each(testDatabaseTargets())("Slack inbound through Bolt's HTTP receiver, on %s", (target) => {
  let e: SlackE2e;
  let mark = 0;

  beforeAll(async () => {
    e = await startSlackE2e(target);
    const sent = await e.driver.slashCommand({
      user: SUPERVISOR,
      text: "assign 市农业农村局 <@U0CONTACT1|li.na> 联络员",
    });
    expect(sent.status).toBe(200);
    await e.slack.idle();
  }, 120_000);
  afterAll(async () => {
    await e?.close();
  });
  beforeEach(() => {
    mark = e.double.calls().length;
  });
  afterEach(() => {
    e.double.setLatency(0);
    expect(e.logs.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
  });

  const text = (value: unknown) => JSON.stringify(value);
  const dm = (user: string) => e.double.dmChannelId(user);
  const botMessages = (user: string) =>
    e.double.messages(dm(user)).filter((message) => message.botId !== undefined);
  const sinceMark = (method: string) =>
    e.double.calls(method).filter((call) => e.double.calls().indexOf(call) >= mark);
  const taskId = async (measure: number) =>
    (
      await e.db.prisma.task.findFirstOrThrow({
        where: { departmentId: AGRICULTURE, measure: { number: measure } },
      })
    ).id;

  async function command(user: string, commandText: string) {
    const sent = await e.driver.slashCommand({ user, text: commandText });
    expect(sent.status).toBe(200);
    await e.slack.idle();
    const path = new URL(sent.responseUrl).pathname;
    return e.double
      .calls("response_url")
      .filter((call) => call.path === path)
      .map((call) => call.args);
  }

  /** The urge (催办) DM the contact got last: the thread replies answer in. */
  function lastUrge(user: string): StoredMessage {
    const urge = botMessages(user)
      .filter((message) => message.threadTs === undefined && message.text?.startsWith("催办"))
      .at(-1);
    if (urge === undefined) throw new Error(`no urge DM to ${user}`);
    return urge;
  }

  it("a report form submitted while every Web API call takes 700 ms is acknowledged in under 3 s and still reaches the supervisors; submitted twice, it stores one report", async () => {
    // three supervisors: their approval requests alone take 3 × 1.4 s of Slack's latency
    await command(SUPERVISOR, "assign 市农业农村局 <@U0CONTACT2|zhang.wei> 督查人员");
    await command(SUPERVISOR, "assign 市农业农村局 <@U0ENGLISH1|alice> 督查人员");
    await command(SUPERVISOR, "remind 3");
    const urge = lastUrge(CONTACT);
    const task = await taskId(3);
    e.double.setLatency(700);
    // a command and a button are acknowledged at once too; their work follows
    const tasks = await e.driver.slashCommand({ user: CONTACT, text: "tasks" });
    expect(tasks.acknowledged).toBe(true);
    const click = await e.driver.blockAction({
      user: CONTACT,
      actionId: "duban.report",
      value: text({ task }),
      message: urge,
    });
    expect(click.elapsedMs).toBeLessThan(3000);
    expect(click.acknowledged).toBe(true);
    await e.slack.idle();
    const modal = e.double.openModal(CONTACT)?.view as JsonObject;
    expect(text(modal.blocks)).toContain('"file_input"');
    const pdf = e.double.addUserFile({ user: CONTACT, name: "验收报告.pdf" });

    mark = e.double.calls().length;
    const values = { status: "done", percent: "100", done: "项目通过验收" };
    const submitted = await e.driver.viewSubmission({
      user: CONTACT,
      view: modal,
      values,
      files: { files: [pdf] },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe("");
    expect(submitted.elapsedMs).toBeLessThan(3000);
    expect(submitted.acknowledged).toBe(true);
    // no Web API call before the ack: nothing had been answered when Slack got its 200
    expect(sinceMark("users.info").concat(sinceMark("chat.postMessage"))).toEqual([]);
    await e.slack.idle();

    const reports = await e.db.prisma.progressReport.findMany({
      where: { taskId: task },
      include: { evidenceFiles: true },
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      source: "MODAL",
      status: "AWAITING_APPROVAL",
      chatEventId: `view:${modal.id}:${modal.hash}`,
    });
    expect(reports[0]?.evidenceFiles).toMatchObject([
      { fileId: pdf.id, name: "验收报告.pdf", filetype: "pdf", permalink: pdf.permalink },
    ]);
    const approval = botMessages(SUPERVISOR).find(
      (m) => m.text?.includes("待审核办结") && text(m.blocks).includes("项目通过验收"),
    );
    expect(approval).toBeDefined();
    const receipts = () =>
      botMessages(CONTACT).filter((m) => m.threadTs === urge.ts && text(m.blocks).includes("验收报告.pdf"));
    expect(receipts()).toHaveLength(1);

    const again = await e.driver.viewSubmission({
      user: CONTACT,
      view: modal,
      values,
      files: { files: [pdf] },
    });
    expect(again.acknowledged).toBe(true);
    await e.slack.idle();
    expect(await e.db.prisma.progressReport.count({ where: { taskId: task } })).toBe(1);
    expect(receipts()).toHaveLength(1);
    expect(
      botMessages(SUPERVISOR).filter(
        (m) => m.text?.includes("待审核办结") && text(m.blocks).includes("项目通过验收"),
      ),
    ).toHaveLength(1);
    expectEveryCallAccepted(e.double, { since: mark });
  }, 60_000);

  it("a redelivered message_changed changes nothing the second time and is not answered again; nor is the same edit arriving anew", async () => {
    const task = await taskId(1);
    const sent = await e.driver.message({ user: CONTACT, text: "（一）推进中 50%，招商中" });
    expect(sent.acknowledged).toBe(true);
    await e.slack.idle();
    const report = await e.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: sent.ts } });
    const edit = {
      user: CONTACT,
      ts: sent.ts,
      previousText: "（一）推进中 50%，招商中",
      text: "（一）推进中 70%，招商完成",
    };
    const edited = await e.driver.messageChanged(edit);
    expect(edited.acknowledged).toBe(true);
    await e.slack.idle();
    const revised = await e.db.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(revised).toMatchObject({ percent: 70, rawText: edit.text });
    const state = async () => ({
      report: await e.db.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } }),
      task: await e.db.prisma.task.findUniqueOrThrow({ where: { id: task } }),
      audit: await e.db.prisma.auditEvent.count(),
      answers: botMessages(CONTACT).length,
      posts: e.double.calls("chat.postMessage").length,
    });
    const before = await state();
    expect(before.task.percent).toBe(70);

    const redelivered = await e.driver.resend(edited, { retryNum: 1, retryReason: "http_timeout" });
    expect(redelivered.status).toBe(200);
    await e.slack.idle();
    expect(await state()).toEqual(before);

    const anew = await e.driver.messageChanged(edit); // the same edit, another event_id
    expect(anew.eventId).not.toBe(edited.eventId);
    await e.slack.idle();
    expect(await state()).toEqual(before);
  });

  it("a PDF shared in a reminder's thread with 推进中 80% is kept as evidence: in status --json, history and the ledger; a file shared alone is added to that report", async () => {
    await command(SUPERVISOR, "remind 2");
    const urge = lastUrge(CONTACT);
    expect(text(urge.blocks).match(/duban\.report"/g)).toHaveLength(1);
    const task = await taskId(2);
    const pdf = e.double.addUserFile({ user: CONTACT, name: "进展报告.pdf" });
    mark = e.double.calls().length;
    const shared = await e.driver.message({
      user: CONTACT,
      text: "推进中 80%",
      threadTs: urge.ts,
      files: [pdf],
    });
    expect(shared.acknowledged).toBe(true);
    await e.slack.idle();
    const report = await e.db.prisma.progressReport.findFirstOrThrow({
      where: { chatTs: shared.ts },
      include: { evidenceFiles: true },
    });
    expect(report).toMatchObject({ taskId: task, status: "IN_PROGRESS", percent: 80 });
    expect(report.evidenceFiles).toMatchObject([
      {
        fileId: pdf.id,
        name: "进展报告.pdf",
        filetype: "pdf",
        mimetype: "application/pdf",
        permalink: pdf.permalink,
      },
    ]);
    expect(sinceMark("files.info")).toEqual([]); // the event described the file fully
    const receipt = botMessages(CONTACT)
      .filter((m) => m.threadTs === urge.ts)
      .at(-1);
    expect(text(receipt?.blocks)).toContain("佐证材料：进展报告.pdf");

    // a photo dropped alone, described as Slack sometimes does (id only): files.info tells the rest
    const photo = e.double.addUserFile({ user: CONTACT, name: "现场照片.png" });
    const bare = {
      id: photo.id,
      mode: "file_access",
      file_access: "check_file_info",
      created: 0,
      timestamp: 0,
      user: "",
    };
    await e.driver.message({ user: CONTACT, text: "", threadTs: urge.ts, files: [bare] });
    await e.slack.idle();
    expect(sinceMark("files.info").map((call) => call.args.file)).toEqual([photo.id]);
    const files = await e.db.prisma.evidenceFile.findMany({
      where: { reportId: report.id },
      orderBy: { addedAt: "asc" },
    });
    expect(files.map((file) => [file.name, file.filetype])).toEqual([
      ["进展报告.pdf", "pdf"],
      ["现场照片.png", "png"],
    ]);
    expect(text(botMessages(CONTACT).at(-1)?.blocks)).toContain("已补充佐证材料");

    const status = await listTaskStatuses({
      store: createPrismaSupervisionStore(e.db.prisma),
      clock: e.clock,
      calendar: await loadWorkingDayCalendar(),
    });
    const row = status.rows.find((candidate) => candidate.taskId === task);
    expect(JSON.parse(JSON.stringify(row?.lastReport))).toMatchObject({
      percent: 80,
      evidence: [
        { kind: "file", id: pdf.id, name: "进展报告.pdf", type: "pdf", permalink: pdf.permalink },
        { kind: "file", id: photo.id, name: "现场照片.png", type: "png" },
      ],
    });

    const [history] = await command(CONTACT, "history 2");
    expect(text(history)).toContain("推进中 80%");
    expect(text(history)).toContain("进展报告.pdf");

    mark = e.double.calls().length;
    await command(SUPERVISOR, "export");
    const uploaded = sinceMark("files.completeUploadExternal")[0]?.response as {
      files: Array<{ id: string }>;
    };
    const bytes = e.double.file(String(uploaded.files[0]?.id))?.bytes;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("进展记录");
    if (sheet === undefined) throw new Error("the ledger has no 进展记录 sheet");
    const header = (sheet.getRow(1).values as unknown[]).indexOf("佐证材料");
    const cells: string[] = [];
    sheet.eachRow((r) => cells.push(String(r.getCell(header).value ?? "")));
    expect(cells.find((cell) => cell.includes("进展报告.pdf"))).toBe(
      `进展报告.pdf ${pdf.permalink}\n现场照片.png ${photo.permalink}`,
    );
  }, 60_000);

  it("events are acknowledged at the first delivery whatever Slack's latency; app_home_opened and message_deleted delivered again act once", async () => {
    e.double.setLatency(700);
    const ts = e.double.nextTs();
    const channel = dm(CONTACT);
    const reply = {
      type: "message",
      user: CONTACT,
      text: "（十一）推进中 20%",
      ts,
      channel,
      channel_type: "im",
      event_ts: ts,
    };
    e.double.addUserMessage({ channel, user: CONTACT, text: reply.text, ts });
    const delivered = await e.driver.deliverEvent(reply);
    expect(delivered.attempts).toMatchObject([{ retryNum: 0, failure: null, response: { status: 200 } }]);
    expect(delivered.acknowledged).toBe(true);
    await e.slack.idle();
    expect(await e.db.prisma.progressReport.count({ where: { chatEventId: delivered.eventId } })).toBe(1);

    e.double.setLatency(0);
    mark = e.double.calls().length;
    const opened = await e.driver.event({
      type: "app_home_opened",
      user: CONTACT,
      channel,
      tab: "home",
      event_ts: e.double.nextTs(),
    });
    await e.slack.idle();
    await e.driver.resend(opened, { retryNum: 1, retryReason: "http_timeout" });
    await e.slack.idle();
    expect(sinceMark("views.publish")).toHaveLength(1);

    const deleted = await e.driver.messageDeleted({ user: CONTACT, ts, previousText: reply.text });
    await e.slack.idle();
    const withdrawn = await e.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: ts } });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const answers = botMessages(CONTACT).length;
    const audit = await e.db.prisma.auditEvent.count();
    await e.driver.resend(deleted, { retryNum: 1, retryReason: "http_timeout" });
    await e.slack.idle();
    expect(botMessages(CONTACT)).toHaveLength(answers);
    expect(await e.db.prisma.auditEvent.count()).toBe(audit);
  });

  it("the same signed /duban remind sent twice has one effect, the replay logged once", async () => {
    const first = await e.driver.slashCommand({ user: SUPERVISOR, text: "remind 8" });
    expect(first.status).toBe(200);
    await e.slack.idle();
    const urges = await e.db.prisma.reminder.count({ where: { kind: "urge" } });
    const posts = e.double.calls("chat.postMessage").length;
    const answers = e.double.calls("response_url").length;
    expect(urges).toBeGreaterThan(0);

    const replay = await e.driver.resend(first);
    expect(replay.status).toBe(200);
    await e.slack.idle();
    expect(await e.db.prisma.reminder.count({ where: { kind: "urge" } })).toBe(urges);
    expect(e.double.calls("chat.postMessage")).toHaveLength(posts);
    expect(e.double.calls("response_url")).toHaveLength(answers);
    const refused = e.logs.filter((line) => line.msg.includes("refused a replayed request"));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ key: `trigger:${first.triggerId}`, kind: "command" });
  });

  it("requests a stopped process stored but did not process are processed at start, in order, once", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid; // a pid that has exited
    const owner = `${hostname()}:${dead}:gone`;
    const channel = dm(CONTACT);
    const ts = e.double.nextTs();
    const reply = {
      type: "message",
      user: CONTACT,
      text: "（九）推进中 30%",
      ts,
      channel,
      channel_type: "im",
      event_ts: ts,
    };
    const changed = {
      type: "message",
      subtype: "message_changed",
      message: { ...reply, text: "（九）推进中 40%" },
      previous_message: reply,
      channel,
      channel_type: "im",
      ts: e.double.nextTs(),
    };
    const body = (event: object, id: string) =>
      JSON.stringify({ type: "event_callback", event_id: id, event });
    const at = e.clock.now();
    for (const [key, payload, kind] of [
      ["event:EvLEFT1", body(reply, "EvLEFT1"), "message"],
      ["event:EvLEFT2", body(changed, "EvLEFT2"), "message_changed"],
    ] as const) {
      await e.db.prisma.inboxEntry.create({
        data: { key, kind, replay: true, payload, receivedAt: at, claimedBy: owner, claimedAt: at },
      });
    }
    await e.restart();
    const report = await e.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: ts } });
    expect(report).toMatchObject({ percent: 40, rawText: "（九）推进中 40%", chatEventId: "EvLEFT1" });
    const left = await e.db.prisma.inboxEntry.findMany({
      where: { key: { in: ["event:EvLEFT1", "event:EvLEFT2"] } },
    });
    expect(left.every((row) => row.processedAt !== null && row.error === null)).toBe(true);
    expect(e.logs.some((line) => line.msg.startsWith("inbox: processed 2 request(s)"))).toBe(true);

    // a redelivery of what was replayed is known: still one report
    const redelivered = await e.driver.event(reply, {
      eventId: "EvLEFT1",
      retryNum: 2,
      retryReason: "http_timeout",
    });
    expect(redelivered.acknowledged).toBe(true);
    await e.slack.idle();
    expect(await e.db.prisma.progressReport.count({ where: { chatTs: ts } })).toBe(1);
  }, 60_000);
});
