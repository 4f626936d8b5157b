import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebBoardOnItsOwnPort } from "../../../src/app/start-web-board.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import {
  AXE,
  browserTestTitle,
  chromiumFound,
  launchChromium,
  SHOTS,
} from "../../support/debian-chromium.ts";
import {
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { startWebBoardFixture } from "../../support/web-board-fixture.ts";

const STYLE = resolve(import.meta.dirname, "../../../src/adapters/web/assets/style.css");
const SUPERVISOR = slackUser("ULI", "李督查");

describe("the print stylesheet (通报)", () => {
  it("has @media print rules: no navigation or forms, a printed heading, black on white, sensible breaks", () => {
    const css = readFileSync(STYLE, "utf8");
    const print = css.split("@media print {").slice(1).join("");
    expect(print).toMatch(/nav\.top,\s*nav\.pager,\s*form,\s*\.actions\s*\{\s*display: none;/);
    expect(print).toMatch(/\.print-heading \{\s*display: flex;/);
    expect(print).toMatch(/\.unit-scores \+ \.unit-scores \{\s*break-before: page;/);
    expect(print).toMatch(/thead \{\s*display: table-header-group;/);
    expect(css).toMatch(/^\.print-heading \{\s*display: none;/m);
  });
});

const title = browserTestTitle("the scorecard printed by a real Chromium");

describe.skipIf(!chromiumFound)(title, () => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let browser: Browser;

  beforeAll(async () => {
    fx = await createSupervisionFixture("pglite");
    fx.clock.set("2026-11-30T02:00:00.000Z");
    ({ board, core } = await startWebBoardFixture(fx, { assessment: true }));
    await fx.makeSupervisor(SUPERVISOR);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await board?.stop();
    await fx?.db.drop();
  });

  /** A computed style of each element `selector` finds (no DOM types here: the browser evaluates the text). */
  const styles = (page: Page, selector: string, property: string) =>
    page.evaluate(
      `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => getComputedStyle(el).${property})`,
    ) as Promise<string[]>;
  const shown = async (page: Page, selector: string) =>
    (await styles(page, selector, "display"))[0] !== "none";

  it("prints the scorecard and the board without navigation or forms, black on white, with a dated heading", async () => {
    const [reply] = (await core.runCommand(SUPERVISOR, "web")).replies;
    const link = reply?.kind === "notice" ? reply.lines.find((line) => line.startsWith("http")) : undefined;
    if (link === undefined) throw new Error(`no link: ${JSON.stringify(reply)}`);
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/web$/);
    await page.getByRole("link", { name: "考核评分" }).click();
    await page.waitForURL(/\/web\/scorecard$/);
    expect(await page.locator("h1").textContent()).toBe("督查考核评分：2026年第四季度");
    expect(await shown(page, ".print-heading")).toBe(false);
    expect(await shown(page, "nav.top")).toBe(true);
    await page.screenshot({ path: join(SHOTS, "scorecard-1024.png") });

    await page.emulateMedia({ media: "print" });
    expect(await shown(page, "nav.top")).toBe(false);
    expect(await shown(page, "form.period")).toBe(false);
    expect(await shown(page, ".actions")).toBe(false);
    expect(await shown(page, ".print-heading")).toBe(true);
    const heading = await page.locator(".print-heading").textContent();
    expect(heading).toContain("南阳市");
    expect(heading).toContain("打印日期：2026-11-30");
    // verdicts stay words (and marks) in black: nothing depends on colour
    expect(await page.locator(".verdict.lagging").first().textContent()).toBe("⚠ 通报");
    expect((await styles(page, ".verdict.lagging", "color"))[0]).toBe("rgb(0, 0, 0)");
    expect(await styles(page, "body", "backgroundColor")).toEqual(["rgb(255, 255, 255)"]);
    // the counties' table starts a new printed page
    expect(await styles(page, ".unit-scores", "breakBefore")).toEqual(["auto", "page"]);
    await page.screenshot({ path: join(SHOTS, "scorecard-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);

    // the board in print: no filters or navigation, each light still named in words
    await page.goto(new URL("/web", link).toString());
    expect(await shown(page, ".filters")).toBe(false);
    expect(await shown(page, "nav.top")).toBe(false);
    expect(await page.locator(".print-heading").textContent()).toContain("打印日期：2026-11-30");
    const light = await page.locator("table.tasks .light").first().textContent();
    expect(light).toMatch(/^(红灯|黄灯|绿灯) · /);
    await page.screenshot({ path: join(SHOTS, "board-print.png") });
    const state = await context.storageState();
    await context.close();

    // a phone: the wide tables scroll inside their section, the page is no wider than the screen
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "zh-CN",
      storageState: state,
    });
    const small = await phone.newPage();
    for (const path of ["/web/scorecard", "/web/departments/city-human-resources"]) {
      await small.goto(new URL(path, link).toString());
      expect(await small.locator("h1").count(), path).toBeGreaterThan(0);
      expect(await small.evaluate("document.documentElement.scrollWidth"), path).toBeLessThanOrEqual(390);
    }
    await small.goto(new URL("/web/scorecard", link).toString());
    await small.screenshot({ path: join(SHOTS, "scorecard-390.png") });
    await phone.close();

    // no serious or critical axe-core violation on the scorecard (axe injected past the CSP for this check only)
    const audit = await browser.newContext({ locale: "zh-CN", storageState: state, bypassCSP: true });
    const checked = await audit.newPage();
    await checked.goto(new URL("/web/scorecard", link).toString());
    await checked.addScriptTag({ path: AXE });
    const violations = (await checked.evaluate(
      "axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))",
    )) as Array<{ id: string; impact: string; nodes: number }>;
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await audit.close();
  }, 180_000);
});
