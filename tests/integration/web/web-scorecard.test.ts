import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebBoardOnItsOwnPort } from "../../../src/app/start-web-board.ts";
import { parseAssessmentPeriod } from "../../../src/domain/assessment/assessment-period.ts";
import { scoreFormula } from "../../../src/domain/assessment/scorecard-formula.ts";
import type { Scorecard } from "../../../src/domain/assessment/scorecard-types.ts";
import type { ChatUser } from "../../../src/domain/supervision/supervision-types.ts";
import { computeScorecard } from "../../../src/services/assessment/compute-scorecard.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import {
  assignContact,
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { startWebBoardFixture, type WebBoardFixture } from "../../support/web-board-fixture.ts";

const HR = "市人力资源社会保障局";
const ZHANG = slackUser("UZHANG", "张三"); // contact of HR
const LI = slackUser("ULI", "李督查"); // supervisor
const LEDGER_NAME = "督办台账-nanyang-relocation-2021-2026-Q4.xlsx";

async function get(url: string, cookie?: string) {
  const res = await fetch(url, { redirect: "manual", headers: cookie === undefined ? {} : { cookie } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** Rank, unit and score of every row of a scorecard table on the page, in order. */
function tableRows(page: string, caption: string): string[][] {
  const table = page.split(`<caption>${caption}</caption>`)[1]?.split("</table>")[0] ?? "";
  return [
    ...table.matchAll(
      /<td>(\d+)<\/td><th scope="row">(?:<a [^>]+>)?([^<]+)(?:<\/a>)?<\/th>\s*<td class="score">([\d.]+)<\/td>/g,
    ),
  ].map((m) => [m[1] as string, m[2] as string, m[3] as string]);
}

const expectedRows = (units: Scorecard["departments"]) =>
  units.map((unit) => [String(unit.rank), unit.name, unit.score.toFixed(1)]);

describe.each(testDatabaseTargets())("the web scorecard, ledger and department record, on %s", (target) => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let base: string;
  let web: WebBoardFixture;
  let hrId: string;
  let scorecard: () => Promise<Scorecard>;

  beforeAll(async () => {
    fx = await createSupervisionFixture(target);
    web = await startWebBoardFixture(fx, { assessment: true });
    ({ board, core, base } = web);
    const { calendar } = web;
    const assessment = web.assessment as NonNullable<typeof web.assessment>;
    await assignContact(core, ZHANG, HR);
    await fx.makeSupervisor(LI);
    // （五）: October reported on time (due Friday 10-23), November late (due Wednesday 11-25, reported 11-27)
    fx.clock.set("2026-10-20T02:00:00.000Z");
    await core.recordReply({
      user: ZHANG,
      text: "（五）推进中，完成约七成，已组织招聘会",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "Ev1",
    });
    fx.clock.set("2026-11-27T02:00:00.000Z");
    await core.recordReply({
      user: ZHANG,
      text: "（五）推进中，完成约八成，又办招聘会两场",
      channel: "DUZHANG",
      ts: "2.1",
      eventId: "Ev2",
    });
    await core.runCommand(LI, "remind 人力资源社会保障局");
    fx.clock.set("2026-11-30T02:00:00.000Z");
    hrId = (await fx.store.readPlanDirectory(undefined))?.departments.find((d) => d.name === HR)?.id ?? "";
    const period = parseAssessmentPeriod("2026-Q4");
    scorecard = async () =>
      (await computeScorecard({ plans: fx.store, assessment, clock: fx.clock, calendar }, { period }))
        .scorecard;
  }, 180_000);
  afterAll(async () => {
    await board?.stop();
    await fx?.db.drop();
  });

  const signIn = (user: ChatUser) => web.signIn(user);

  it("shows a supervisor the scorecard with computeScorecard's numbers, the formula and the weights in words", async () => {
    const cookie = await signIn(LI);
    const res = await get(`${base}/web/scorecard?period=2026-Q4`, cookie);
    expect(res.status).toBe(200);
    const page = res.body.toString("utf8");
    const expected = await scorecard();
    expect(tableRows(page, "部门")).toEqual(expectedRows(expected.departments));
    expect(tableRows(page, "县（市、区）")).toEqual(expectedRows(expected.counties));
    expect(tableRows(page, "部门")).toHaveLength(22);
    expect(tableRows(page, "县（市、区）")).toHaveLength(13);
    const hr = expected.departments.find((unit) => unit.name === HR);
    // the HR row carries the chat's figures: on time 1 of the cycles due, 2 reports
    expect(page).toMatch(
      new RegExp(
        `${HR}</a></th>\\s*<td class="score">${hr?.score.toFixed(1)}</td><td>1/${hr?.components.onTime.of}</td><td>\\d/2</td>`,
      ),
    );
    // `/duban remind` urged each of its city-level tasks once
    expect(hr?.components.urges.counted).toBe(hr?.tasks);
    expect(page).toContain("<title>督查考核评分：2026年第四季度</title>");
    expect(page).toContain(scoreFormula(expected.rules.weights, "zh"));
    expect(page).toContain("按时报送率 0.35、报送完整率 0.2、办结率 0.2");
    expect(page).toContain("每任务每个逾期工作日扣 1 分，每个受阻工作日扣 0.5 分，每次被催办扣 2 分");
    expect(page).toContain("表扬：前 3 名且不低于 70 分；通报：后 3 名且低于 60 分");
    // the period selector, the ledger link, the navigation link and the printed heading (the injected clock's day)
    expect(page).toContain('<option value="2026-Q4" selected>2026年第四季度</option>');
    expect(page).toContain('<option value="2026-11">2026年11月</option>');
    expect(page).toContain('href="/web/ledger.xlsx?period=2026-Q4"');
    expect(page).toMatch(/<nav class="top">.*<a href="\/web\/scorecard">考核评分<\/a>/);
    expect(page).toContain(
      `<header class="print-heading"><p>${expected.planTitle}</p><p>打印日期：2026-11-30</p>`,
    );
    // lagging units are labelled in words, not by colour alone
    expect(page).toContain('<span class="verdict lagging">⚠ 通报</span>');

    // no period: the current quarter, as in chat; an unreadable one is refused
    const current = (await get(`${base}/web/scorecard`, cookie)).body.toString("utf8");
    expect(tableRows(current, "部门")).toEqual(expectedRows(expected.departments));
    expect((await get(`${base}/web/scorecard?period=2026-Q5`, cookie)).status).toBe(400);
    const month = (await get(`${base}/web/scorecard?period=2026-10`, cookie)).body.toString("utf8");
    expect(month).toContain("督查考核评分：2026年10月");
  }, 90_000);

  it("refuses a contact the scorecard and the ledger (403), as chat does, and shows them no link to it", async () => {
    const cookie = await signIn(ZHANG);
    const refused = await get(`${base}/web/scorecard`, cookie);
    expect(refused.status).toBe(403);
    expect(refused.body.toString("utf8")).not.toContain("得分");
    expect((await get(`${base}/web/ledger.xlsx`, cookie)).status).toBe(403);
    const boardPage = (await get(`${base}/web`, cookie)).body.toString("utf8");
    expect(boardPage).not.toContain('href="/web/scorecard"');
    expect((await get(`${base}/web/scorecard`)).status).toBe(401);
    expect((await get(`${base}/web/ledger.xlsx`)).status).toBe(401);
  });

  it("downloads the Excel ledger with its content type and a RFC 5987 filename*, and exceljs reads its rows", async () => {
    const cookie = await signIn(LI);
    const res = await get(`${base}/web/ledger.xlsx?period=2026-Q4`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="ledger-nanyang-relocation-2021-2026-Q4.xlsx"; filename*=UTF-8''${encodeURIComponent(LEDGER_NAME)}`,
    );
    expect(Number(res.headers.get("content-length"))).toBe(res.body.length);
    expect(res.body.subarray(0, 2).toString("latin1")).toBe("PK");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      "任务台账",
      "进展记录",
      "催办记录",
      "考核评分",
      "说明",
    ]);
    const sheet = (name: string) => book.getWorksheet(name) as ExcelJS.Worksheet;
    expect(sheet("任务台账").rowCount).toBe(1 + 1190);
    expect(sheet("进展记录").rowCount).toBe(1 + 2);
    expect(sheet("考核评分").rowCount).toBe(3 + 22 + 13);
    const expected = await scorecard();
    const scored = [...expected.departments, ...expected.counties].map((_unit, index) => {
      const row = sheet("考核评分").getRow(4 + index);
      return [row.getCell(3).value, (row.getCell(17).value as { result?: number }).result ?? 0];
    });
    expect(scored).toEqual([...expected.departments, ...expected.counties].map((u) => [u.name, u.score]));
  }, 90_000);

  it("shows a department's reporting record per cycle to its contact, and its score to a supervisor", async () => {
    const path = `${base}/web/departments/${encodeURIComponent(hrId)}?period=2026-Q4`;
    const contactPage = (await get(path, await signIn(ZHANG))).body.toString("utf8");
    expect(contactPage).toContain("报送记录 · 2026年第四季度");
    expect(contactPage).toMatch(/<th scope="col">2026-10<br><small>截止 10-23<\/small><\/th>/);
    expect(contactPage).toMatch(/<th scope="col">2026-11<br><small>截止 11-25<\/small><\/th>/);
    const record = contactPage.split('<table class="cycles">')[1]?.split("</table>")[0] ?? "";
    const row = record.split('<a href="/web/measures/5">')[1]?.split("</tr>")[0] ?? "";
    expect(row).toContain('<td class="cycle on-time"><span aria-hidden="true">✓ </span>按时 10-20</td>');
    expect(row).toContain('<td class="cycle late"><span aria-hidden="true">△ </span>逾期 11-27 补报</td>');
    expect(contactPage).toContain('<td class="cycle missing"><span aria-hidden="true">✗ </span>未报送</td>');
    expect(contactPage).not.toContain('class="unit-score"');

    const expected = await scorecard();
    const hr = expected.departments.find((unit) => unit.id === hrId);
    const cities = (await fx.store.listTasks({ planId: expected.planId, departmentIds: [hrId] })).filter(
      (task) => (task.county ?? null) === null,
    );
    const rows = contactPage
      .split('<table class="cycles">')[1]
      ?.split("</table>")[0]
      ?.match(/<tr><th scope="row">/g);
    expect(rows).toHaveLength(cities.length);
    // every cycle cell of the record is a record the scorecard's on-time rate counted
    const counted = [...contactPage.matchAll(/<td class="cycle (on-time|late|missing)">/g)];
    expect(counted).toHaveLength(hr?.components.onTime.of ?? -1);
    expect(counted.filter((m) => m[1] === "on-time")).toHaveLength(hr?.components.onTime.counted ?? -1);

    const supervisorPage = (await get(path, await signIn(LI))).body.toString("utf8");
    expect(supervisorPage).toContain(
      `得分：<strong>${hr?.score.toFixed(1)}</strong> （第 ${hr?.rank} 名，共 22 个部门）`,
    );
    const card = (await get(`${base}/web/scorecard?period=2026-Q4`, await signIn(LI))).body.toString("utf8");
    expect(card).toContain(`${HR}</a></th>\n<td class="score">${hr?.score.toFixed(1)}</td>`);
    expect(
      (await get(`${base}/web/departments/${encodeURIComponent(hrId)}?period=nope`, await signIn(LI))).status,
    ).toBe(400);
  }, 90_000);
});
