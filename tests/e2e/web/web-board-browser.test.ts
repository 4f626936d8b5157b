import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import {
  countyNamesFrom,
  type WebBoardOnItsOwnPort,
  webBoardOnItsOwnPort,
} from "../../../src/app/start-web-board.ts";
import {
  createSupervisionCore,
  type SupervisionCore,
} from "../../../src/services/core/create-supervision-core.ts";
import {
  ADMIN,
  assignContact,
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";

/** Debian's chromium (installed by .ci/run); no browser is downloaded. CHROMIUM_PATH overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const found = existsSync(CHROMIUM);
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Screenshots land here (git-ignored). */
const SHOTS = resolve(import.meta.dirname, "../../../test-output/web");
const ZHANG = slackUser("UZHANG", "张三");
const SUPERVISOR = slackUser("ULI", "李督查");

const title = found
  ? "the web board in a real Chromium"
  : `the web board in a real Chromium — SKIPPED: no chromium at ${CHROMIUM} (apt-get install -y chromium)`;

describe.skipIf(!found)(title, () => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let browser: Browser;

  beforeAll(async () => {
    fx = await createSupervisionFixture("pglite");
    const deps = {
      store: fx.store,
      clock: fx.clock,
      calendar: await loadWorkingDayCalendar(),
      countyNames: countyNamesFrom(fx.db.prisma),
    };
    const env = { PORT: 3000, WEB_PORT: 0, WEB_HOST: "127.0.0.1", WEB_PUBLIC_URL: undefined };
    const logger = createLogger({
      level: "error",
      format: "json",
      destination: new Writable({ write: (_c, _e, done) => done() }),
    });
    board = webBoardOnItsOwnPort({ prisma: fx.db.prisma, deps, logger, env }, 0);
    core = createSupervisionCore({
      ...deps,
      notifier: fx.notifier,
      admins: [ADMIN.externalId],
      webSignIn: board.webSignIn,
    });
    await board.start();
    await assignContact(core, ZHANG, "市人力资源社会保障局");
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
    // root in CI containers: Chromium's sandbox needs user namespaces it may not have
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await board?.stop();
    await fx?.db.drop();
  });

  async function link(): Promise<string> {
    const [reply] = (await core.runCommand(SUPERVISOR, "web")).replies;
    const url = reply?.kind === "notice" ? reply.lines.find((line) => line.startsWith("http")) : undefined;
    if (url === undefined) throw new Error(`no link: ${JSON.stringify(reply)}`);
    return url;
  }

  it("signs in from the link, filters to a county and red, opens a measure with its report; screenshots", async () => {
    const signInLink = await link();
    const origin = new URL(signInLink).origin;
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await desktop.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    await page.goto(signInLink);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/web$/);
    expect((await desktop.cookies()).find((c) => c.name === "duban_session")?.httpOnly).toBe(true);
    expect(await page.locator("h1").textContent()).toContain("南阳");
    await page.screenshot({ path: join(SHOTS, "board-1280.png") });
    await page.selectOption("select[name=county]", { label: "方城县" });
    await page.selectOption("select[name=light]", "red");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/county=fangcheng/);
    expect(page.url()).toContain("light=red");
    const lights = await page.locator("table.tasks .light").evaluateAll((els) => els.map((e) => e.className));
    for (const light of lights) expect(light).toBe("light red");
    await page.goto(`${origin}/web/measures/5`);
    expect(await page.locator("main").textContent()).toContain("举办招聘会三场");
    expect(await page.getByRole("link", { name: "招聘会签到表.pdf" }).getAttribute("href")).toContain(
      "F0PDF00001",
    );
    await page.screenshot({ path: join(SHOTS, "measure-1280.png") });
    expect(errors).toEqual([]);
    const state = await desktop.storageState();
    await desktop.close();

    // a phone, 390 px wide, with the same session: nothing wider than the screen
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "zh-CN",
      storageState: state,
    });
    const small = await phone.newPage();
    await small.goto(`${origin}/web`);
    expect(await small.locator("h1").textContent()).toContain("南阳");
    expect(await small.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await small.screenshot({ path: join(SHOTS, "board-390.png") });
    await small.goto(`${origin}/web/measures/5`);
    await small.screenshot({ path: join(SHOTS, "measure-390.png") });
    await phone.close();

    // no serious or critical axe-core violation on the board and a measure (axe is injected past the CSP, which
    // allows no script at all: bypassCSP is for this check only)
    const audit = await browser.newContext({ locale: "zh-CN", storageState: state, bypassCSP: true });
    const checked = await audit.newPage();
    for (const path of ["/web", "/web/measures/5"]) {
      await checked.goto(`${origin}${path}`);
      await checked.addScriptTag({ path: AXE });
      const violations = (await checked.evaluate(
        "axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))",
      )) as Array<{ id: string; impact: string; nodes: number }>;
      expect(
        violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
        path,
      ).toEqual([]);
    }
    await audit.close();

    // the link was used: opening it again and pressing the button is refused
    const again = await browser.newContext({ locale: "zh-CN" });
    const reused = await again.newPage();
    await reused.goto(signInLink);
    await reused.getByRole("button", { name: "登录" }).click();
    await reused.waitForLoadState();
    expect(await reused.locator("main").textContent()).toContain("已被使用");
    await again.close();
  }, 90_000);
});
