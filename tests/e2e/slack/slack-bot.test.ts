import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../fakes/slack-double/double-state.ts";
import type { JsonObject } from "../../fakes/slack-double/json-object.ts";
import { snapshotSupervision } from "../../support/database-snapshot.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";
import {
  CONTACT,
  DIGEST_CHANNEL,
  DIGEST_CHANNEL_NAME,
  ENGLISH_USER,
  OTHER_CONTACT,
  type SlackE2e,
  SUPERVISOR,
  startSlackE2e,
} from "./support/start-slack-e2e.ts";

const AGRICULTURE = "city-agriculture"; // 市农业农村局: measures 1, 2, 3, 8, 9, 11, 15
const HUMAN_RESOURCES = "city-human-resources"; // 市人力资源社会保障局

describe.each(testDatabaseTargets())(
  "the Slack bot through Bolt's HTTP receiver and the Slack double, on %s",
  (target) => {
    let e: SlackE2e;
    let mark = 0;

    beforeAll(async () => {
      e = await startSlackE2e(target);
    });
    afterAll(async () => {
      await e?.close();
    });
    beforeEach(() => {
      mark = e.double.calls().length;
    });
    afterEach(() => {
      // no failure was logged as unexpected (level 50 = error)
      expect(e.logs.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
    });

    const text = (value: unknown) => JSON.stringify(value);
    const dm = (user: string) => e.double.dmChannelId(user);
    const botMessages = (user: string) =>
      e.double.messages(dm(user)).filter((message) => message.botId !== undefined);
    const sinceMark = (method: string) =>
      e.double.calls(method).filter((call) => e.double.calls().indexOf(call) >= mark);

    /** Sends `/duban <text>` and returns what came back through its response_url, once Duban is done. */
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

    async function taskId(measureNumber: number, departmentId: string): Promise<string> {
      const task = await e.db.prisma.task.findFirstOrThrow({
        where: { departmentId, measure: { number: measureNumber } },
      });
      return task.id;
    }

    /** The urge (催办) DM the contact got last. */
    function lastUrge(user: string): StoredMessage {
      const urge = botMessages(user)
        .filter((message) => message.threadTs === undefined && message.text?.startsWith("催办"))
        .at(-1);
      if (urge === undefined) throw new Error(`no urge DM to ${user}`);
      return urge;
    }

    async function reply(user: string, replyText: string, threadTs?: string) {
      const sent = await e.driver.message({ user, text: replyText, ...(threadTs ? { threadTs } : {}) });
      expect(sent.status).toBe(200);
      await e.slack.idle();
      return sent;
    }

    /** `message` as if its only block held a report button carrying `value` (a forged or broken button). */
    const withReportButton = (message: StoredMessage, value: string): StoredMessage => ({
      ...message,
      blocks: [
        {
          type: "actions",
          block_id: "x",
          elements: [
            {
              type: "button",
              action_id: "duban.report",
              text: { type: "plain_text", text: "填报" },
              value,
            },
          ],
        },
      ],
    });

    const repliesInThread = (user: string, threadTs: string) =>
      botMessages(user).filter((message) => message.threadTs === threadTs);

    it("an admin assigns department contacts with /duban assign", async () => {
      const [toLi] = await command(SUPERVISOR, "assign 市农业农村局 <@U0CONTACT1|li.na> 联络员");
      expect(text(toLi)).toContain("李娜");
      await command(SUPERVISOR, "assign 市人力资源社会保障局 <@U0CONTACT2|zhang.wei> 联络员");
      const contacts = await e.db.prisma.contact.findMany({ include: { person: true } });
      expect(contacts.map((c) => [c.departmentId, c.person.externalId]).sort()).toEqual([
        [AGRICULTURE, CONTACT],
        [HUMAN_RESOURCES, OTHER_CONTACT],
      ]);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("a supervisor urges a department -> the contact's DM -> report button -> modal -> report stored, Home republished, the supervisor sees it", async () => {
      const [summary] = await command(SUPERVISOR, "remind 市农业农村局");
      expect(text(summary)).toContain("市农业农村局：李娜");

      const urge = lastUrge(CONTACT);
      expect(urge.channel).toBe(dm(CONTACT));
      expect(text(urge.blocks).match(/duban\.report"/g)).toHaveLength(7);
      const task = await taskId(2, AGRICULTURE);
      const click = await e.driver.blockAction({
        user: CONTACT,
        actionId: "duban.report",
        value: text({ task }),
        message: urge,
      });
      expect(click.status).toBe(200);
      await e.slack.idle();
      const modal = e.double.openModal(CONTACT)?.view as JsonObject;
      expect(text(modal)).toContain("积极拓宽安置点所在地农产品销售渠道");

      const values = {
        status: "in_progress",
        percent: "60",
        done: "举办农产品展销会 2 场",
        nextSteps: "对接电商平台",
      };
      const submitted = await e.driver.viewSubmission({ user: CONTACT, view: modal, values });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toBe("");
      await e.slack.idle();

      const report = await e.db.prisma.progressReport.findFirstOrThrow({ where: { taskId: task } });
      expect(report).toMatchObject({
        source: "MODAL",
        status: "IN_PROGRESS",
        percent: 60,
        done: "举办农产品展销会 2 场",
        nextSteps: "对接电商平台",
      });
      expect(await e.db.prisma.task.findUniqueOrThrow({ where: { id: task } })).toMatchObject({
        status: "IN_PROGRESS",
        percent: 60,
      });

      const receipt = repliesInThread(CONTACT, urge.ts).at(-1);
      expect(text(receipt?.blocks)).toContain("duban.edit_report");
      const home = sinceMark("views.publish").find((call) => call.args.user_id === CONTACT);
      expect(text(home?.args.view)).toContain("推进中 60%");
      expect(text(e.double.homeView(CONTACT)?.view)).toContain("推进中 60%");

      const [status] = await command(SUPERVISOR, "status 市农业农村局");
      expect(text(status)).toContain("推进中 60%");
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("a thread reply becomes a report; editing it updates the report, deleting it withdraws it", async () => {
      const urge = lastUrge(CONTACT);
      const task = await taskId(1, AGRICULTURE);
      const sent = await reply(CONTACT, "（一）完成80%，特色产业园招商完成", urge.ts);
      const report = await e.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: sent.ts } });
      expect(report).toMatchObject({
        taskId: task,
        source: "THREAD_REPLY",
        status: "IN_PROGRESS",
        percent: 80,
        chatChannel: dm(CONTACT),
        chatEventId: sent.eventId,
      });
      expect(text(repliesInThread(CONTACT, urge.ts).at(-1)?.blocks)).toContain("推进中 80%");

      const edited = await e.driver.messageChanged({
        user: CONTACT,
        ts: sent.ts,
        threadTs: urge.ts,
        previousText: "（一）完成80%，特色产业园招商完成",
        text: "（一）推进中 90%，招商完成",
      });
      expect(edited.status).toBe(200);
      await e.slack.idle();
      const revised = await e.db.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } });
      expect(revised).toMatchObject({ percent: 90, rawText: "（一）推进中 90%，招商完成" });
      expect(revised.editedAt).not.toBeNull();
      expect(await e.db.prisma.task.findUniqueOrThrow({ where: { id: task } })).toMatchObject({
        percent: 90,
      });
      expect(
        await e.db.prisma.auditEvent.count({ where: { action: "report.edit", subjectId: report.id } }),
      ).toBe(1);

      const deleted = await e.driver.messageDeleted({
        user: CONTACT,
        ts: sent.ts,
        threadTs: urge.ts,
        previousText: "（一）推进中 90%，招商完成",
      });
      expect(deleted.status).toBe(200);
      await e.slack.idle();
      expect(
        (await e.db.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } })).withdrawnAt,
      ).not.toBeNull();
      expect(await e.db.prisma.task.findUniqueOrThrow({ where: { id: task } })).toMatchObject({
        status: "NOT_STARTED",
        percent: 0,
      });
      expect(text(repliesInThread(CONTACT, urge.ts).at(-1)?.blocks)).toContain("已撤回进展");
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("an ambiguous reply gets a question back and stores nothing", async () => {
      const urge = lastUrge(CONTACT);
      const before = await snapshotSupervision(e.db.prisma);
      await reply(CONTACT, "推进中", urge.ts); // which of the 7 tasks?
      const question = repliesInThread(CONTACT, urge.ts).at(-1);
      expect(text(question?.blocks)).toContain(":grey_question:");
      expect(text(question?.blocks).match(/duban\.report"/g)?.length).toBeGreaterThan(1);
      await reply(CONTACT, "好的，收到", urge.ts); // which status?
      expect(text(repliesInThread(CONTACT, urge.ts).at(-1)?.blocks)).toContain(":grey_question:");
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("已完成 -> an approval request to supervisors -> approve (办结) -> the contact is told; return asks for a reason", async () => {
      const urge = lastUrge(CONTACT);
      const task = await taskId(15, AGRICULTURE);
      await reply(CONTACT, "（十五）已完成，人居环境整治全部完成", urge.ts);
      expect(await e.db.prisma.task.findUniqueOrThrow({ where: { id: task } })).toMatchObject({
        status: "AWAITING_APPROVAL",
        percent: 100,
      });

      const request = botMessages(SUPERVISOR).find((message) =>
        text(message.blocks).includes(text({ task }).replace(/"/g, '\\"')),
      );
      if (request === undefined) throw new Error("no approval request to the supervisor");
      const approved = await e.driver.blockAction({
        user: SUPERVISOR,
        actionId: "duban.approve",
        message: request,
      });
      expect(approved.status).toBe(200);
      await e.slack.idle();
      expect(await e.db.prisma.task.findUniqueOrThrow({ where: { id: task } })).toMatchObject({
        status: "DONE",
      });
      const ephemeral = e.double
        .calls("response_url")
        .find((call) => call.path === new URL(String(approved.responseUrl)).pathname);
      expect(text(ephemeral?.args)).toContain("已办结");
      expect(text(botMessages(CONTACT).at(-1)?.blocks)).toContain("已办结");

      const returned = await taskId(9, AGRICULTURE);
      await reply(CONTACT, "（九）已完成", urge.ts);
      const second = botMessages(SUPERVISOR).find((message) => text(message.blocks).includes(returned));
      if (second === undefined) throw new Error("no approval request for (九)");
      await e.driver.blockAction({ user: SUPERVISOR, actionId: "duban.return", message: second });
      await e.slack.idle();
      const reasonModal = e.double.openModal(SUPERVISOR)?.view as JsonObject;
      expect(text(reasonModal)).toContain("退回原因");
      const empty = await e.driver.viewSubmission({
        user: SUPERVISOR,
        view: reasonModal,
        values: { reason: "" },
      });
      expect(empty.json()).toEqual({
        response_action: "errors",
        errors: { "return.reason": "请填写退回原因" },
      });
      await e.driver.viewSubmission({
        user: SUPERVISOR,
        view: reasonModal,
        values: { reason: "缺少验收材料" },
      });
      await e.slack.idle();
      expect(await e.db.prisma.task.findUniqueOrThrow({ where: { id: returned } })).toMatchObject({
        status: "IN_PROGRESS",
      });
      expect(text(botMessages(CONTACT).at(-1)?.blocks)).toContain("缺少验收材料");
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("a contact cannot report for another department: refused by command, by a forged button and by a forged form", async () => {
      const before = await snapshotSupervision(e.db.prisma);
      const [refusal] = await command(CONTACT, "report 5");
      expect(text(refusal)).toContain("联络员只能填报本部门的任务");

      const foreign = await taskId(5, HUMAN_RESOURCES);
      const urge = lastUrge(CONTACT);
      const forged = withReportButton(urge, text({ task: foreign }));
      const click = await e.driver.blockAction({ user: CONTACT, actionId: "duban.report", message: forged });
      await e.slack.idle();
      expect(sinceMark("views.open")).toEqual([]);
      const answer = e.double
        .calls("response_url")
        .find((call) => call.path === new URL(String(click.responseUrl)).pathname);
      expect(text(answer?.args)).toContain("不是市人力资源社会保障局的联络员");

      // a report form for that task, as if its modal had been opened
      const own = await taskId(2, AGRICULTURE);
      await e.driver.blockAction({
        user: CONTACT,
        actionId: "duban.report",
        value: text({ task: own }),
        message: urge,
      });
      await e.slack.idle();
      const modal = e.double.openModal(CONTACT)?.view as JsonObject;
      const submitted = await e.driver.viewSubmission({
        user: CONTACT,
        view: { ...modal, private_metadata: text({ task: foreign }) },
        values: { status: "in_progress", percent: "50", done: "越权填报" },
      });
      const body = submitted.json<{ response_action: string; errors: Record<string, string> }>();
      expect(body.response_action).toBe("errors");
      expect(body.errors["report.status"]).toContain("不是市人力资源社会保障局的联络员");
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("a contact cannot urge: refused, and nobody is messaged", async () => {
      const before = await snapshotSupervision(e.db.prisma);
      const [refusal] = await command(CONTACT, "remind 市人力资源社会保障局");
      expect(text(refusal)).toContain("只有督查人员或管理员可以");
      expect(sinceMark("chat.postMessage")).toEqual([]);
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("a forged or stale signature gets 401 and changes nothing", async () => {
      const before = await snapshotSupervision(e.db.prisma);
      const urge = lastUrge(CONTACT);
      const forged = await e.driver.message(
        { user: CONTACT, text: "（二）已完成", threadTs: urge.ts },
        { forgeSignature: true },
      );
      const stale = await e.driver.message(
        { user: CONTACT, text: "（二）已完成", threadTs: urge.ts },
        { stale: true },
      );
      const command = await e.driver.slashCommand({ user: CONTACT, text: "tasks" }, { forgeSignature: true });
      expect([forged.status, stale.status, command.status]).toEqual([401, 401, 401]);
      await e.slack.idle();
      expect(e.double.calls().length).toBe(mark);
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
    });

    it("malformed payloads get a clean 4xx or an ack, store nothing, and the bot keeps working", async () => {
      const before = await snapshotSupervision(e.db.prisma);
      const urge = lastUrge(CONTACT);
      const brokenForm = await e.driver.send("payload=%7Bnot-json", "application/x-www-form-urlencoded");
      const brokenJson = await e.driver.send("{not json", "application/json");
      expect(brokenForm.status).toBeGreaterThanOrEqual(400);
      expect(brokenForm.status).toBeLessThan(500);
      expect(brokenJson.status).toBeGreaterThanOrEqual(400);
      expect(brokenJson.status).toBeLessThan(500);

      const badValue = withReportButton(urge, "not json");
      expect(
        (await e.driver.blockAction({ user: CONTACT, actionId: "duban.report", message: badValue })).status,
      ).toBe(200);
      const noTask = withReportButton(urge, text({ task: "00000000-0000-4000-8000-000000000000" }));
      expect(
        (await e.driver.blockAction({ user: CONTACT, actionId: "duban.report", message: noTask })).status,
      ).toBe(200);
      const modalView = {
        id: "V0FORGED",
        type: "modal",
        callback_id: "duban.report_form",
        private_metadata: "garbage",
        blocks: [],
      };
      expect((await e.driver.viewSubmission({ user: CONTACT, view: modalView })).status).toBe(200);
      expect(
        (await e.driver.event({ type: "message", channel: dm(CONTACT), channel_type: "im", text: "已完成" }))
          .status,
      ).toBe(200);
      await e.slack.idle();
      expect(sinceMark("views.open")).toEqual([]);
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);

      const [help] = await command(CONTACT, "help");
      expect(text(help)).toContain("/duban tasks");
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("a form with invalid fields shows the errors on the fields and stores nothing", async () => {
      const before = await snapshotSupervision(e.db.prisma);
      const urge = lastUrge(CONTACT);
      await e.driver.blockAction({
        user: CONTACT,
        actionId: "duban.report",
        value: text({ task: await taskId(3, AGRICULTURE) }),
        message: urge,
      });
      await e.slack.idle();
      const modal = e.double.openModal(CONTACT)?.view as JsonObject;
      const submitted = await e.driver.viewSubmission({
        user: CONTACT,
        view: modal,
        values: { status: "blocked", percent: "150", done: "", evidence: "not-a-link" },
      });
      expect(submitted.status).toBe(200);
      expect(submitted.json()).toEqual({
        response_action: "errors",
        errors: {
          "report.percent": "进度请填 0 到 100 之间的整数",
          "report.done": "请填写已完成的工作",
          "report.blocker": "受阻时请填写受阻原因",
          "report.evidence": "佐证材料请填写以 http:// 或 https:// 开头的链接，每行一个",
        },
      });
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("an event re-delivered by Slack (same event_id, X-Slack-Retry-Num) is stored once and answered once", async () => {
      const urge = lastUrge(CONTACT);
      const first = await reply(CONTACT, "（八）推进中 30%，恢复重建项目开工", urge.ts);
      const again = await e.driver.resend(first, { retryNum: 1, retryReason: "http_timeout" });
      expect(again.status).toBe(200);
      await e.slack.idle();
      expect(await e.db.prisma.progressReport.count({ where: { chatEventId: first.eventId } })).toBe(1);
      expect(
        await e.db.prisma.auditEvent.count({
          where: { action: "report.create", subjectId: await taskId(8, AGRICULTURE) },
        }),
      ).toBe(1);
      const receipts = sinceMark("chat.postMessage").filter((call) => call.args.thread_ts === urge.ts);
      expect(receipts).toHaveLength(1);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("the bot ignores its own messages and other bots'", async () => {
      const before = await snapshotSupervision(e.db.prisma);
      const urge = lastUrge(CONTACT);
      const { bot } = e.double.workspace;
      const own = await e.driver.message({
        user: bot.userId,
        botId: bot.botId,
        text: "（二）已完成",
        threadTs: urge.ts,
      });
      const other = await e.driver.message({
        user: "U0OTHERBOT",
        botId: "B0OTHERBOT",
        text: "（二）已完成",
        threadTs: urge.ts,
      });
      expect([own.status, other.status]).toEqual([200, 200]);
      await e.slack.idle();
      expect(e.double.calls().length).toBe(mark);
      expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
    });

    it("a Slack 429 on a DM is waited out (Retry-After) and the DM still goes out", async () => {
      e.double.rateLimits.failNext(1, { method: "chat.postMessage", retryAfterSec: 1 });
      const [summary] = await command(SUPERVISOR, "remind 市人力资源社会保障局");
      expect(text(summary)).toContain("张伟");
      expect(text(lastUrge(OTHER_CONTACT).blocks)).toContain("duban.report");
      expect(
        await e.db.prisma.reminder.count({
          where: { kind: "urge", sentAt: { not: null }, taskId: await taskId(4, HUMAN_RESOURCES) },
        }),
      ).toBe(1);
      expectEveryCallAccepted(e.double, { since: mark, rateLimited: 1 });
    });

    it("/duban assess shows the scorecard; /duban export uploads the Excel ledger to the supervisor's DM (current upload flow, in order)", async () => {
      const [scorecard] = await command(SUPERVISOR, "assess 2026-Q4");
      expect(text(scorecard)).toContain("市农业农村局");
      await command(SUPERVISOR, "export 2026-Q4");
      const order = e.double
        .calls()
        .slice(mark)
        .map((call) => call.method)
        .filter((method) =>
          ["files.getUploadURLExternal", "upload_url", "files.completeUploadExternal"].includes(method),
        );
      expect(order).toEqual(["files.getUploadURLExternal", "upload_url", "files.completeUploadExternal"]);
      const complete = sinceMark("files.completeUploadExternal")[0]?.args;
      expect(text(complete)).toContain(dm(SUPERVISOR));
      const [refused] = await command(CONTACT, "export");
      expect(text(refused)).not.toContain("files.");
      expect(sinceMark("files.getUploadURLExternal")).toHaveLength(1);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("/duban digest posts the digest now: main message, its chart uploaded into the thread, then the lists", async () => {
      const [refused] = await command(CONTACT, "digest");
      expect(text(refused)).toContain("督查人员");
      const toDigestChannel = (channel: unknown) =>
        channel === DIGEST_CHANNEL || channel === DIGEST_CHANNEL_NAME;
      expect(sinceMark("chat.postMessage").filter((call) => toDigestChannel(call.args.channel))).toEqual([]);
      const [answer] = await command(SUPERVISOR, "digest");
      expect(text(answer)).toContain(`周报已发布到 ${DIGEST_CHANNEL}`);
      const posted = e.double
        .calls()
        .slice(mark)
        .filter(
          (call) =>
            toDigestChannel(call.args.channel) ||
            call.args.channel_id === DIGEST_CHANNEL ||
            ["files.getUploadURLExternal", "upload_url"].includes(call.method),
        )
        .map((call) => call.method);
      expect(posted.slice(0, 5)).toEqual([
        "chat.postMessage",
        "files.getUploadURLExternal",
        "upload_url",
        "files.completeUploadExternal",
        "chat.postMessage",
      ]);
      const main = e.double
        .messages(DIGEST_CHANNEL)
        .filter((message) => message.threadTs === undefined)
        .at(-1);
      expect(main?.text).toContain("督办周报");
      const shared = e.double.messages(DIGEST_CHANNEL).filter((message) => message.files !== undefined);
      expect(shared.at(-1)?.threadTs).toBe(main?.ts);
      const fileId = shared.at(-1)?.files?.[0] ?? "";
      expect(e.double.file(fileId)?.filename).toMatch(/^督办周报-\d{4}-W\d{2}\.png$/);
      expect(e.double.file(fileId)?.bytes?.length).toBeGreaterThan(20_000);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("people whose Slack locale is English get English", async () => {
      const [help] = await command(ENGLISH_USER, "help");
      expect(text(help)).toContain("Duban (督办) help");
      const lookup = sinceMark("users.info").at(-1)?.args;
      expect([lookup?.user, String(lookup?.include_locale)]).toEqual([ENGLISH_USER, "true"]);
      expectEveryCallAccepted(e.double, { since: mark });
    });

    it("App Home: opening it publishes the board for a supervisor; overdue lists page with buttons", async () => {
      e.clock.set("2026-11-30T02:00:00.000Z"); // after the 25th: tasks without a November report are overdue
      const opened = await e.driver.event({
        type: "app_home_opened",
        user: SUPERVISOR,
        channel: dm(SUPERVISOR),
        tab: "home",
        event_ts: e.double.nextTs(),
      });
      expect(opened.status).toBe(200);
      await e.slack.idle();
      const home = e.double.homeView(SUPERVISOR)?.view as JsonObject;
      expect(text(home)).toContain("逾期");
      expect(text(home)).toContain("第 1/");
      await e.driver.blockAction({ user: SUPERVISOR, actionId: "duban.home_page.2", view: home });
      await e.slack.idle();
      const second = e.double.homeView(SUPERVISOR)?.view as JsonObject;
      expect(text(second)).toContain("第 2/");
      // page 2 has both buttons (Slack refuses two alike in one block); "previous" goes back to page 1
      await e.driver.blockAction({ user: SUPERVISOR, actionId: "duban.home_page.1", view: second });
      await e.slack.idle();
      expect(text(e.double.homeView(SUPERVISOR)?.view)).toContain("第 1/");

      const contactHome = await e.driver.event({
        type: "app_home_opened",
        user: CONTACT,
        channel: dm(CONTACT),
        tab: "home",
        event_ts: e.double.nextTs(),
      });
      expect(contactHome.status).toBe(200);
      await e.slack.idle();
      expect(text(e.double.homeView(CONTACT)?.view)).toContain("督办 · 我的任务");
      expectEveryCallAccepted(e.double, { since: mark });
    });
  },
);
