import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD_PAGE_SIZE } from "../../../src/adapters/web/pages/measure-record.ts";
import type { WebBoardOnItsOwnPort } from "../../../src/app/start-web-board.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { BOARD_PAGE_SIZE } from "../../../src/services/web/read-web-board.ts";
import {
  assignContact,
  createSupervisionFixture,
  NANYANG_PLAN_ID,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { startWebBoardFixture } from "../../support/web-board-fixture.ts";

const HR = "市人力资源社会保障局";
const ZHANG = slackUser("UZHANG", "张三");
const SUPERVISOR = slackUser("ULI", "李督查");
const HOUR = 3_600_000;
/** Scheduled messages of earlier months, older than everything done in the test. */
const OLD_MESSAGES = 60;
const KINDS = ["first", "due", "overdue-1", "escalation"];

const entriesOf = (html: string) =>
  [...html.matchAll(/<li class="(report|event)[^"]*"><p><time datetime="([^"]+)">/g)].map((m) => ({
    kind: m[1],
    at: Date.parse(m[2] as string),
  }));

describe.each(testDatabaseTargets())("a measure's whole record on the web, on %s", (target) => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let base: string;
  let cookie: string;
  let expectedTotal: number;

  beforeAll(async () => {
    fx = await createSupervisionFixture(target);
    const web = await startWebBoardFixture(fx);
    ({ board, core, base } = web);
    const zhang = await assignContact(core, ZHANG, HR);
    await fx.makeSupervisor(SUPERVISOR);
    const [task] = (await fx.store.listTasks({ planId: NANYANG_PLAN_ID, measureNumbers: [5] })).filter(
      (candidate) => candidate.department.name === HR,
    );
    if (task === undefined) throw new Error("no task of measure 5 for HR");
    // what people did, an hour apart: a report with evidence, an urge, a completion, a return with a reason
    await core.recordReply({
      user: ZHANG,
      text: "（五）推进中，举办招聘会三场",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "Ev1",
      files: [
        {
          fileId: "F0PDF00001",
          name: "招聘会签到表.pdf",
          filetype: "pdf",
          mimetype: "application/pdf",
          permalink: "https://nanyang.slack.com/files/UZHANG/F0PDF00001/sign-in.pdf",
        },
      ],
    });
    fx.clock.advance(HOUR);
    await core.runCommand(SUPERVISOR, `remind ${HR}`);
    fx.clock.advance(HOUR);
    await core.recordReply({
      user: ZHANG,
      text: "（五）已完成",
      channel: "DUZHANG",
      ts: "1.2",
      eventId: "Ev2",
    });
    fx.clock.advance(HOUR);
    await core.runCommand(SUPERVISOR, `return 5 ${HR} 佐证材料不全`);
    // and the reminders and escalations of earlier months, as the schedule's outbox keeps them once sent
    const now = fx.clock.now().getTime();
    await fx.db.prisma.reminder.createMany({
      data: Array.from({ length: OLD_MESSAGES }, (_, i) => ({
        taskId: task.id,
        recipientId: zhang.id,
        kind: KINDS[i % KINDS.length] as string,
        slot: `old-${i}`,
        idempotencyKey: `old-message-${i}`,
        sentAt: new Date(now - (10 + i) * 24 * HOUR),
      })),
    });
    const taskIds = (await fx.store.listTasks({ planId: NANYANG_PLAN_ID, measureNumbers: [5] })).map(
      (t) => t.id,
    );
    const [reports, sent, audits] = await Promise.all([
      fx.db.prisma.progressReport.count({ where: { taskId: { in: taskIds } } }),
      fx.db.prisma.reminder.count({ where: { taskId: { in: taskIds }, sentAt: { not: null } } }),
      fx.db.prisma.auditEvent.count({
        where: { subjectId: { in: taskIds }, action: { in: ["task.approve", "task.return"] } },
      }),
    ]);
    expect(reports).toBe(2);
    expect(audits).toBe(1);
    expectedTotal = reports + sent + audits;
    cookie = await web.signIn(SUPERVISOR);
  }, 120_000);
  afterAll(async () => {
    await board?.stop();
    await fx?.db.drop();
  });

  const page = async (query = "") =>
    (await fetch(`${base}/web/measures/5${query}`, { headers: { cookie } })).text();

  it("shows reports with evidence, urges, the approval request, the return and its reason, newest first", async () => {
    const html = await page();
    const entries = entriesOf(html);
    expect(entries[0]?.kind).toBe("event");
    expect(html).toMatch(/<strong>退回<\/strong> · 佐证材料不全/);
    expect(html).toMatch(/<strong>提请审核办结<\/strong> → 李督查/);
    expect(html).toMatch(/<strong>催办<\/strong> → 张三/);
    expect(html).toContain("举办招聘会三场");
    expect(html).toContain('href="https://nanyang.slack.com/files/UZHANG/F0PDF00001/sign-in.pdf"');
    expect(html).toContain("<strong>督办</strong>");
    for (let i = 1; i < entries.length; i += 1)
      expect(entries[i]?.at).toBeLessThanOrEqual(entries[i - 1]?.at as number);
  });

  it("pages a long record: every entry once, in order, with links between the pages", async () => {
    expect(expectedTotal).toBeGreaterThan(RECORD_PAGE_SIZE);
    const first = await page();
    const second = await page("?page=2");
    expect(first).toContain(`1–${RECORD_PAGE_SIZE} / ${expectedTotal}`);
    expect(first).toContain('href="/web/measures/5?page=2#record" rel="next"');
    expect(first).not.toContain('rel="prev"');
    expect(second).toContain(`${RECORD_PAGE_SIZE + 1}–${expectedTotal} / ${expectedTotal}`);
    expect(second).toContain('href="/web/measures/5?page=1#record" rel="prev"');
    const all = [...entriesOf(first), ...entriesOf(second)];
    expect(entriesOf(first)).toHaveLength(RECORD_PAGE_SIZE);
    expect(all).toHaveLength(expectedTotal);
    for (let i = 1; i < all.length; i += 1) expect(all[i]?.at).toBeLessThanOrEqual(all[i - 1]?.at as number);
    // the oldest reminder is last; the reports are on the first page
    expect(all.at(-1)?.at).toBe(fx.clock.now().getTime() - (10 + OLD_MESSAGES - 1) * 24 * HOUR);
    expect(entriesOf(second).filter((e) => e.kind === "report")).toHaveLength(0);
    // a page past the end shows the last one
    expect(entriesOf(await page("?page=40"))).toEqual(entriesOf(second));
  });

  it("lists a measure's tasks a page at a time, every task once, the record's page kept", async () => {
    const tasks = await fx.store.listTasks({ planId: NANYANG_PLAN_ID, measureNumbers: [8] });
    expect(tasks.length).toBeGreaterThan(BOARD_PAGE_SIZE); // (八): the city's leads and 13 counties' counterparts
    const rows = (html: string) => {
      const table = /<table class="tasks">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
      return [...table.matchAll(/<td><a href="\/web\/departments\/([^"]+)">/g)].map((m) =>
        decodeURIComponent(m[1] as string),
      );
    };
    const get = async (query: string) =>
      (await fetch(`${base}/web/measures/8${query}`, { headers: { cookie } })).text();
    const first = await get("");
    const second = await get("?tasks=2");
    expect(rows(first)).toHaveLength(BOARD_PAGE_SIZE);
    expect(first).toContain(`1–${BOARD_PAGE_SIZE} / ${tasks.length}`);
    expect(first).toContain('href="/web/measures/8?tasks=2" rel="next"');
    expect(rows(second)).toHaveLength(tasks.length - BOARD_PAGE_SIZE);
    expect([...rows(first), ...rows(second)].sort()).toEqual(tasks.map((t) => t.department.id).sort());
    expect(rows(await get("?tasks=99"))).toEqual(rows(second)); // past the end: the last page
    // the record's pager keeps the task page, and the task pager keeps the record's page
    expect(second).toContain('href="/web/measures/8?tasks=1" rel="prev"');
    expect(await get("?page=2&tasks=2")).toContain('href="/web/measures/8?page=2&amp;tasks=1" rel="prev"');
  });
});
