import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebBoardOnItsOwnPort } from "../../../src/app/start-web-board.ts";
import type { WorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar.ts";
import type { ChatUser } from "../../../src/domain/supervision/supervision-types.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import {
  AXE,
  browserTestTitle,
  chromiumFound,
  launchChromium,
  SHOTS,
} from "../../support/debian-chromium.ts";
import { buildPlanDigest, digestOfWeek, insertDigestRow } from "../../support/seed-sent-digests.ts";
import {
  assignContact,
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { startWebBoardFixture } from "../../support/web-board-fixture.ts";

const HR = "市人力资源社会保障局";
const FANGCHENG_HR = "方城县人力资源社会保障局";
const ZHANG = slackUser("UZHANG", "张三");
const WANG = slackUser("UWANG", "王五");
const SUPERVISOR = slackUser("ULI", "李督查");
const DAY = 86_400_000;

const title = browserTestTitle("issue 16's 'done when', in a real Chromium");

describe.skipIf(!chromiumFound)(title, () => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let browser: Browser;
  let origin: string;
  let calendar: WorkingDayCalendar;
  /** The supervisor's signed-in browser state, once the first test has signed in. */
  let supervisorState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  const errors: string[] = [];

  beforeAll(async () => {
    fx = await createSupervisionFixture("pglite");
    const web = await startWebBoardFixture(fx);
    ({ board, core, calendar, base: origin } = web);
    await assignContact(core, ZHANG, HR);
    await assignContact(core, WANG, FANGCHENG_HR);
    await fx.makeSupervisor(SUPERVISOR);
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
    // a county task goes red: 方城县's contact reports it blocked
    await core.recordReply({
      user: WANG,
      text: "（五）受阻：资金未到位",
      channel: "DUWANG",
      ts: "2.1",
      eventId: "Ev2",
    });
    // three weekly digests posted (with their chart data), a fourth still queued
    const { planId, digest } = await buildPlanDigest(fx.db.prisma, fx.store, calendar, fx.clock.now());
    const now = fx.clock.now().getTime();
    for (const [i, week] of ["2026-W47", "2026-W46", "2026-W45"].entries())
      await insertDigestRow(fx.db.prisma, planId, digestOfWeek(digest, week), {
        sentAt: new Date(now - (4 + 7 * i) * DAY),
      });
    await insertDigestRow(fx.db.prisma, planId, digestOfWeek(digest, "2026-W48"), { pending: true });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await board?.stop();
    await fx?.db.drop();
  });

  /** The sign-in link `/duban web` answers the user with, only to them. */
  async function linkFor(user: ChatUser): Promise<string> {
    const [reply] = (await core.runCommand(user, "web")).replies;
    const url = reply?.kind === "notice" ? reply.lines.find((line) => line.startsWith("http")) : undefined;
    if (url === undefined) throw new Error(`no link: ${JSON.stringify(reply)}`);
    return url;
  }

  async function signIn(page: Page, link: string): Promise<void> {
    await page.goto(link);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForLoadState();
  }

  async function supervisorPage(width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: "zh-CN",
      storageState: supervisorState,
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    return { context, page };
  }

  it("signs a supervisor in through /duban web's link, shows the board, filters it to 方城县 and red", async () => {
    const link = await linkFor(SUPERVISOR);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, link);
    expect(new URL(page.url()).pathname).toBe("/web");
    const session = (await context.cookies()).find((c) => c.name === "duban_session");
    expect([session?.httpOnly, session?.sameSite]).toEqual([true, "Lax"]);
    expect(await page.locator("h1").textContent()).toContain("南阳");
    await page.screenshot({ path: join(SHOTS, "done-board-1280.png"), fullPage: false });
    await page.selectOption("select[name=county]", { label: "方城县" });
    await page.selectOption("select[name=light]", "red");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/county=fangcheng/);
    expect(page.url()).toContain("light=red");
    const lights = await page.locator("table.tasks .light").evaluateAll((els) => els.map((e) => e.className));
    expect(lights.length).toBeGreaterThan(0);
    for (const light of lights) expect(light).toBe("light red");
    const departments = await page.locator("table.tasks tbody tr td:nth-child(2)").allTextContents();
    expect(departments).toContain(FANGCHENG_HR);
    for (const name of departments) expect(name.startsWith("方城县")).toBe(true);
    supervisorState = await context.storageState();
    await context.close();
  }, 60_000);

  it("opens a measure and shows the report with its evidence, and the digest archive with a chart that loads", async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await supervisorPage(width);
      const shot = async (name: string) => {
        expect(await page.evaluate("document.documentElement.scrollWidth"), name).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(SHOTS, `done-${name}-${width}.png`), fullPage: true });
      };
      await page.goto(`${origin}/web`);
      await shot("board");
      await page.goto(`${origin}/web/measures/5`);
      const record = (await page.locator("#record + ol.record").textContent()) ?? "";
      expect(record).toContain("举办招聘会三场");
      expect(record).toContain("资金未到位");
      expect(await page.getByRole("link", { name: "招聘会签到表.pdf" }).getAttribute("href")).toContain(
        "F0PDF00001",
      );
      await shot("measure");
      await page.getByRole("navigation").getByRole("link", { name: "督办周报" }).click();
      await page.waitForURL(/\/web\/digests$/);
      const listed = await page.locator("ol.digests li a").allTextContents();
      expect(listed.map((text) => /W\d\d/.exec(text)?.[0])).toEqual(["W47", "W46", "W45"]);
      await shot("digests");
      await page.locator("ol.digests li a").first().click();
      await page.waitForLoadState("load");
      expect(await page.locator("h1").textContent()).toContain("2026-W47");
      // the chart image Duban drew loaded (a broken image has naturalWidth 0)
      expect(await page.locator("figure.chart img").count()).toBe(1);
      expect(await page.evaluate("document.querySelector('figure.chart img').naturalWidth")).toBeGreaterThan(
        0,
      );
      await shot("digest");
      await context.close();
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it("has no serious or critical axe-core violation on the board, a measure, the archive and a digest", async () => {
    // axe is injected past the CSP, which allows no script at all: bypassCSP is for this check only
    const audit = await browser.newContext({
      locale: "zh-CN",
      storageState: supervisorState,
      bypassCSP: true,
    });
    const page = await audit.newPage();
    await page.goto(`${origin}/web/digests`);
    const digest = (await page.locator("ol.digests li a").first().getAttribute("href")) ?? "";
    for (const path of [
      "/web",
      "/web?county=fangcheng&light=red",
      "/web/measures/5",
      "/web/digests",
      digest,
    ]) {
      await page.goto(`${origin}${path}`);
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(
        "axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))",
      )) as Array<{ id: string; impact: string; nodes: number }>;
      expect(
        violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
        path,
      ).toEqual([]);
    }
    await audit.close();
  }, 60_000);

  it("refuses a reused link and an expired one", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const link = await linkFor(SUPERVISOR);
    await signIn(page, link);
    expect(new URL(page.url()).pathname).toBe("/web");
    await context.clearCookies();
    await signIn(page, link);
    expect(await page.locator("main").textContent()).toContain("已被使用");
    expect((await page.goto(`${origin}/web`))?.status()).toBe(401);
    const late = await linkFor(SUPERVISOR);
    fx.clock.advance(15 * 60_000 + 1_000);
    try {
      await signIn(page, late);
      expect(await page.locator("main").textContent()).toContain("已过期");
      expect((await page.goto(`${origin}/web`))?.status()).toBe(401);
    } finally {
      fx.clock.advance(-(15 * 60_000 + 1_000));
    }
    await context.close();
  }, 60_000);

  it("gives a contact 403 on another department's page, and the digest archive", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await signIn(page, await linkFor(ZHANG));
    const departments = (await fx.store.readPlanDirectory(undefined))?.departments ?? [];
    const own = departments.find((d) => d.name === HR);
    const other = departments.find((d) => d.name === FANGCHENG_HR);
    const mine = await page.goto(`${origin}/web/departments/${encodeURIComponent(own?.id ?? "")}`);
    expect(mine?.status()).toBe(200);
    const refused = await page.goto(`${origin}/web/departments/${encodeURIComponent(other?.id ?? "")}`);
    expect(refused?.status()).toBe(403);
    expect(await page.locator("main").textContent()).toContain("无权查看");
    expect(await page.locator("main").textContent()).not.toContain(FANGCHENG_HR);
    expect((await page.goto(`${origin}/web/digests`))?.status()).toBe(200);
    expect(await page.locator("ol.digests li").count()).toBe(3);
    await context.close();
  }, 60_000);
});
