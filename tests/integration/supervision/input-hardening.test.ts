import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { createMovableClock } from "../../../src/adapters/clock/movable-clock.ts";
import { createPrismaDemoPeople } from "../../../src/adapters/db/prisma-demo-people.ts";
import { ensureDemoRoster } from "../../../src/adapters/shell/demo-roster.ts";
import type { LineInput } from "../../../src/adapters/shell/line-input.ts";
import { createTextStyle } from "../../../src/adapters/shell/render/text-style.ts";
import { runShellLine } from "../../../src/adapters/shell/run-shell-line.ts";
import { createShellChatNotifier } from "../../../src/adapters/shell/shell-chat-notifier.ts";
import { type ShellContext, shellUser } from "../../../src/adapters/shell/shell-context.ts";
import { createShellMailbox } from "../../../src/adapters/shell/shell-mailbox.ts";
import { createShellMessageIds } from "../../../src/adapters/shell/shell-message-ids.ts";
import { createShellPrinter } from "../../../src/adapters/shell/shell-printer.ts";
import type { ContactImportRow } from "../../../src/domain/contacts/read-contact-table.ts";
import type { OutboundMessage } from "../../../src/domain/messages/message-types.ts";
import { importContacts } from "../../../src/services/contacts/import-contacts.ts";
import { createSupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { createFakeUserDirectory } from "../../fakes/fake-user-directory.ts";
import {
  ADMIN,
  createSupervisionFixture,
  FRIDAY_BEFORE_DUE,
  NANYANG_PLAN_ID,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";

const zhang = slackUser("UZHANG", "张三"); // contact of 市人力资源社会保障局
const alice = slackUser("UALICE", "Alice", "en-US"); // contact of 市人力资源社会保障局 too

const kinds = (replies: readonly OutboundMessage[]) => replies.map((reply) => reply.kind);
const textOf = (replies: readonly OutboundMessage[]) => JSON.stringify(replies);

describe.each(testDatabaseTargets())("control characters from people, on %s", (target) => {
  let f: SupervisionFixture;
  let hrTask: string;
  let event = 0;
  const reply = (user: typeof zhang, text: string) => {
    event += 1;
    return f.core.recordReply({
      user,
      text,
      channel: `D${user.externalId}`,
      ts: `1790000000.${String(event).padStart(6, "0")}`,
      eventId: `Ev${event}`,
    });
  };
  const latestReport = () =>
    f.db.prisma.progressReport.findFirstOrThrow({ where: { taskId: hrTask }, orderBy: { chatTs: "desc" } });

  beforeAll(async () => {
    f = await createSupervisionFixture(target);
    await f.makeContact(zhang, "市人力资源社会保障局");
    await f.makeContact(alice, "市人力资源社会保障局");
    const [task] = await f.store.listTasks({ measureNumbers: [5], departmentIds: ["city-human-resources"] });
    hrTask = task?.id ?? "";
  });
  afterAll(async () => {
    await f?.db.drop();
  });

  it("a reply with NUL, ESC, C1 controls and a lone surrogate is stored without them, with the usual receipt", async () => {
    const answer = await reply(zhang, "（五）推进中\u0000，\u001b[31m已办招聘会\u0085 3 场\ud800，60%");
    expect(kinds(answer.replies)).toEqual(["report_receipt"]);
    expect(textOf(answer.replies)).toContain("推进中 60%");
    const stored = await latestReport();
    expect(stored).toMatchObject({ status: "IN_PROGRESS", percent: 60 });
    expect(stored.rawText).toBe("（五）推进中，[31m已办招聘会 3 场，60%");
    expect(stored.done).toBe(stored.rawText);
  });

  it("a reply made only of control characters is told so, in the person's language, and stores nothing", async () => {
    const before = await f.db.prisma.progressReport.count();
    const zh = await reply(zhang, "\u0000\u0000 \u0007");
    expect(zh.replies).toMatchObject([{ kind: "notice", tone: "error" }]);
    expect(textOf(zh.replies)).toContain("只包含不可见的控制字符");
    const en = await reply(alice, "\ud83d");
    expect(textOf(en.replies)).toContain("only invisible control characters");
    expect(await f.db.prisma.progressReport.count()).toBe(before);
  });

  it("a negative percent in a reply is asked about, and nothing is stored", async () => {
    const before = await f.db.prisma.progressReport.count();
    const answer = await reply(zhang, "（五）推进中，-20%");
    expect(answer.replies).toMatchObject([{ kind: "question" }]);
    expect(textOf(answer.replies)).toContain("您写的是 -20%");
    expect(await f.db.prisma.progressReport.count()).toBe(before);
  });

  it("an edited reply with NUL updates its report, cleaned", async () => {
    await reply(zhang, "（五）推进中 70%");
    const ts = `1790000000.${String(event).padStart(6, "0")}`;
    const edited = await f.core.reviseReply({
      user: zhang,
      channel: "DUZHANG",
      ts,
      text: "（五）推进中\u0000 75%",
    });
    expect(kinds(edited.replies)).toEqual(["report_receipt"]);
    const stored = await f.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: ts } });
    expect(stored).toMatchObject({ percent: 75, rawText: "（五）推进中 75%" });
  });

  it("form fields: control characters removed from text; a field made only of them gets a field error beside the others", async () => {
    const stored = await f.core.submitReportForm({
      user: zhang,
      taskId: hrTask,
      values: {
        status: "in_progress",
        percent: "6\u00000",
        done: "招聘会\u0000 3 场",
        nextSteps: "12 月\u001b再办",
      },
    });
    if (stored.kind !== "done") throw new Error(JSON.stringify(stored));
    expect(kinds(stored.outcome.replies)).toEqual(["report_receipt"]);
    const report = await f.db.prisma.progressReport.findFirstOrThrow({
      where: { taskId: hrTask, source: "MODAL" },
    });
    expect(report).toMatchObject({ percent: 60, done: "招聘会 3 场", nextSteps: "12 月再办" });

    const before = await f.db.prisma.progressReport.count();
    const refused = await f.core.submitReportForm({
      user: zhang,
      taskId: hrTask,
      values: { status: "blocked", percent: "-20", done: "\u0000\u0000", blocker: null },
    });
    expect(refused).toEqual({
      kind: "invalid",
      errors: {
        percent: "进度请填 0 到 100 之间的整数",
        done: "只包含不可见的控制字符，请重新填写",
        blocker: "受阻时请填写受阻原因",
      },
    });
    expect(await f.db.prisma.progressReport.count()).toBe(before);
  });

  it("names from the chat platform and /duban text lose their control characters before they are stored", async () => {
    const wei = { ...slackUser("UWEI", "卫\u0000东"), email: "wei\u0000@nanyang.gov.cn" };
    const assigned = await f.core.runCommand(ADMIN, "assign\u0000 市人力资源社会保障局 @id:UWEI 联络员", {
      UWEI: "卫\u0000东",
    });
    expect(assigned.replies).toMatchObject([{ kind: "notice", tone: "success" }]);
    const person = await f.core.identify(wei);
    expect(person).toMatchObject({ displayName: "卫东", email: "wei@nanyang.gov.cn", role: "CONTACT" });
    const tasks = await f.core.runCommand(wei, "tasks\u0000");
    expect(textOf(tasks.replies)).toContain("拓宽就地就近就业渠道");
  });

  it("contacts rows (as `duban contacts import` passes them) lose their control characters", async () => {
    const rows: ContactImportRow[] = [
      {
        line: 2,
        department: "市人力资源\u0000社会保障局",
        name: "赵\u0001六",
        email: "zhao.liu@nanyang.gov.cn",
        role: "联络员",
      },
    ];
    const directory = createFakeUserDirectory({
      "zhao.liu@nanyang.gov.cn": { externalId: "UZHAOLIU", displayName: "", locale: "zh-CN" },
    });
    const result = await importContacts(f, rows, directory);
    expect(result.invalidRows).toEqual([]);
    expect(result.imported).toMatchObject([{ line: 2, name: "赵六", department: "市人力资源社会保障局" }]);
  });

  it("the shell: a reply with NUL gets its receipt, one of only control characters is told so, /as with NUL works", async () => {
    let printed = "";
    const typed: string[] = [];
    const input: LineInput = { next: async () => typed.shift() ?? null, close: () => {} };
    const clock = createMovableClock(new Date(FRIDAY_BEFORE_DUE), () => 0);
    const ids = createShellMessageIds(() => 1_790_000_000_000);
    const mailbox = createShellMailbox();
    const core = createSupervisionCore({
      store: f.store,
      notifier: createShellChatNotifier(ids, mailbox.deliver),
      clock,
      calendar: await loadWorkingDayCalendar(),
      admins: [],
      planId: NANYANG_PLAN_ID,
    });
    const roster = await ensureDemoRoster(createPrismaDemoPeople(f.db.prisma), NANYANG_PLAN_ID, clock.now());
    const user = shellUser(roster.supervisor);
    const context: ShellContext = {
      core,
      store: f.store,
      printer: createShellPrinter((chunk) => {
        printed += chunk;
      }, createTextStyle(false)),
      input,
      mailbox,
      ids,
      clock,
      schedule: { upcoming: async () => [], runDue: async () => [] },
      roster,
      plan: { id: NANYANG_PLAN_ID, title: "南阳", timezone: "Asia/Shanghai" },
      logger: pino({ level: "silent" }),
      exportsDir: "/nonexistent",
      evidenceDir: "/nonexistent",
      session: { actor: { user, person: await core.identify(user) }, actions: [] },
    };
    const run = async (line: string) => {
      printed = "";
      await runShellLine(context, line);
      return printed;
    };
    expect(await run("/as 市农业农村局\u0000")).toContain("现在您是 演示联络员·市农业农村局");
    const receipt = await run("（一）推进中\u0000 40%");
    expect(receipt).toContain("已记录进展：（一）");
    expect(receipt).toContain("推进中 40%");
    expect(receipt).not.toContain("抱歉");
    expect(await run("\u0000\u0000")).toContain("只包含不可见的控制字符");
    expect(await run("/as @新\u0000人")).toContain("现在您是 新人");
  });
});
