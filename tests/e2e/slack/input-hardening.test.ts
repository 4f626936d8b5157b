import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../fakes/slack-double/json-object.ts";
import { snapshotSupervision } from "../../support/database-snapshot.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { expectEveryCallAccepted } from "./support/expect-every-call-accepted.ts";
import { CONTACT, type SlackE2e, SUPERVISOR, startSlackE2e } from "./support/start-slack-e2e.ts";

/**
 * What people send that Duban must not store as it is (issue 17, input hardening), through Bolt's HTTP receiver
 * and the Slack double: control characters (NUL would fail PostgreSQL's insert with 22021) and a negative
 * percent. Each gets its stated answer, never the generic apology.
 */
describe.each(testDatabaseTargets())("bad input through Slack, on %s", (target) => {
  let e: SlackE2e;
  let mark = 0;

  beforeAll(async () => {
    e = await startSlackE2e(target);
    const assigned = await e.driver.slashCommand({
      user: SUPERVISOR,
      text: `assign 市农业农村局 <@${CONTACT}|li.na> 联络员`,
    });
    expect(assigned.status).toBe(200);
    await e.slack.idle();
  });
  afterAll(async () => {
    await e?.close();
  });
  afterEach(() => {
    // nothing was logged as an unexpected failure (level 50 = error)
    expect(e.logs.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual([]);
    expectEveryCallAccepted(e.double, { since: mark });
    mark = e.double.calls().length;
  });

  const text = (value: unknown) => JSON.stringify(value);
  /** Duban's last message in the contact's DM with the bot. */
  const lastAnswer = () =>
    e.double
      .messages(e.double.dmChannelId(CONTACT))
      .filter((message) => message.botId !== undefined)
      .at(-1);

  async function directMessage(messageText: string) {
    const sent = await e.driver.message({ user: CONTACT, text: messageText });
    expect(sent.status).toBe(200);
    await e.slack.idle();
    return sent;
  }

  async function openForm(measure: string): Promise<JsonObject> {
    const sent = await e.driver.slashCommand({ user: CONTACT, text: `report ${measure}` });
    expect(sent.status).toBe(200);
    await e.slack.idle();
    const modal = e.double.openModal(CONTACT)?.view as JsonObject | undefined;
    if (modal === undefined) throw new Error("no report form opened");
    return modal;
  }

  it("a DM with NUL, ESC, a C1 control and a lone surrogate is stored without them and gets its receipt", async () => {
    const sent = await directMessage("（一）推进中\u0000，招商\u001b[0m完成\u0085\ud800 60%");
    const report = await e.db.prisma.progressReport.findFirstOrThrow({ where: { chatTs: sent.ts } });
    expect(report).toMatchObject({
      status: "IN_PROGRESS",
      percent: 60,
      rawText: "（一）推进中，招商[0m完成 60%",
    });
    const answer = text(lastAnswer()?.blocks);
    expect(answer).toContain("推进中 60%");
    expect(answer).not.toContain("\\u0000");
  });

  it("a DM made only of control characters is told so, and nothing is stored", async () => {
    const before = await snapshotSupervision(e.db.prisma);
    await directMessage("\u0000\u0000\u0007");
    expect(text(lastAnswer()?.blocks)).toContain("只包含不可见的控制字符");
    expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
  });

  it("a reply with a negative percent is asked about, and nothing is stored", async () => {
    const before = await snapshotSupervision(e.db.prisma);
    await directMessage("（三）推进中，-20%");
    const question = text(lastAnswer()?.blocks);
    expect(question).toContain(":grey_question:");
    expect(question).toContain("您写的是 -20%");
    expect(await snapshotSupervision(e.db.prisma)).toEqual(before);
  });

  it("/duban text with NUL runs the command", async () => {
    const sent = await e.driver.slashCommand({ user: CONTACT, text: "tasks\u0000" });
    expect(sent.status).toBe(200);
    await e.slack.idle();
    const path = new URL(sent.responseUrl).pathname;
    const [answer] = e.double
      .calls("response_url")
      .filter((call) => call.path === path)
      .map((call) => call.args);
    expect(text(answer)).toContain("做大做强安置点周边优势特色产业");
  });

  it("the form: a field of only control characters and a negative percent are field errors; NUL inside a field is removed", async () => {
    const before = await snapshotSupervision(e.db.prisma);
    const modal = await openForm("（二）");
    const refused = await e.driver.viewSubmission({
      user: CONTACT,
      view: modal,
      values: { status: "in_progress", percent: "-20", done: "\u0000\u0000" },
    });
    expect(refused.status).toBe(200);
    expect(refused.json()).toEqual({
      response_action: "errors",
      errors: {
        "report.percent": "进度请填 0 到 100 之间的整数",
        "report.done": "只包含不可见的控制字符，请重新填写",
      },
    });
    expect(await snapshotSupervision(e.db.prisma)).toEqual(before);

    const stored = await e.driver.viewSubmission({
      user: CONTACT,
      view: modal,
      values: {
        status: "in_progress",
        percent: "30",
        done: "展销会\u0000 2 场",
        nextSteps: "对接\u001b电商",
      },
    });
    expect(stored.status).toBe(200);
    expect(stored.body).toBe("");
    await e.slack.idle();
    const report = await e.db.prisma.progressReport.findFirstOrThrow({
      where: { source: "MODAL", task: { departmentId: "city-agriculture", measure: { number: 2 } } },
    });
    expect(report).toMatchObject({ percent: 30, done: "展销会 2 场", nextSteps: "对接电商" });
  });
});
