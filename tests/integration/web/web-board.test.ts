import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingDayCalendar } from "../../../src/adapters/calendar/load-working-day-calendar.ts";
import { createLogger } from "../../../src/adapters/logging/create-logger.ts";
import { SECURITY_HEADERS } from "../../../src/adapters/web/web-headers.ts";
import {
  countyNamesFrom,
  type WebBoardOnItsOwnPort,
  webBoardOnItsOwnPort,
} from "../../../src/app/start-web-board.ts";
import type { ChatUser } from "../../../src/domain/supervision/supervision-types.ts";
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
import { testDatabaseTargets } from "../../support/test-database.ts";

const HR = "市人力资源社会保障局";
const EVIDENCE = {
  fileId: "F0PDF00001",
  name: "招聘会签到表.pdf",
  filetype: "pdf",
  mimetype: "application/pdf",
  permalink: "https://nanyang.slack.com/files/UZHANG/F0PDF00001/sign-in.pdf",
};
const ZHANG = slackUser("UZHANG", "张三");
const SUPERVISOR = slackUser("ULI", "李督查");

const quiet = () =>
  createLogger({
    level: "error",
    format: "json",
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });

/** A page as the browser would get it: status, headers, text. */
async function get(url: string, cookie?: string) {
  const res = await fetch(url, { redirect: "manual", headers: cookie === undefined ? {} : { cookie } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe.each(testDatabaseTargets())("the web board over HTTP, on %s", (target) => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let base: string;
  let departments: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    fx = await createSupervisionFixture(target);
    const deps = {
      store: fx.store,
      clock: fx.clock,
      calendar: await loadWorkingDayCalendar(),
      countyNames: countyNamesFrom(fx.db.prisma),
    };
    const env = { PORT: 3000, WEB_PORT: 0, WEB_HOST: "127.0.0.1", WEB_PUBLIC_URL: undefined };
    board = webBoardOnItsOwnPort({ prisma: fx.db.prisma, deps, logger: quiet(), env }, 0);
    core = createSupervisionCore({
      ...deps,
      notifier: fx.notifier,
      admins: [ADMIN.externalId],
      webSignIn: board.webSignIn,
    });
    base = `http://127.0.0.1:${await board.start()}`;
    await assignContact(core, ZHANG, HR);
    await fx.makeSupervisor(SUPERVISOR);
    await core.recordReply({
      user: ZHANG,
      text: "（五）推进中，举办招聘会三场",
      channel: "DUZHANG",
      ts: "1.1",
      eventId: "Ev1",
      files: [EVIDENCE],
    });
    departments = (await fx.store.readPlanDirectory(undefined))?.departments ?? [];
  }, 120_000);
  afterAll(async () => {
    await board?.stop();
    await fx?.db.drop();
  });

  /** `/duban web` for the user: the link in the notice only they see. */
  async function linkFor(user: ChatUser): Promise<string> {
    const outcome = await core.runCommand(user, "web");
    const [reply] = outcome.replies;
    if (reply?.kind !== "notice") throw new Error(`no link: ${JSON.stringify(reply)}`);
    const url = reply.lines.find((line) => line.startsWith("http"));
    if (url === undefined) throw new Error(`no link in ${JSON.stringify(reply.lines)}`);
    return url;
  }

  /** Opens the link and presses its sign-in button (a POST of the token). */
  async function useLink(link: string) {
    const page = await get(link);
    expect(page.status).toBe(200);
    const token = new URL(link).searchParams.get("token") ?? "";
    expect(page.text).toContain(`value="${token}"`);
    const res = await fetch(`${base}/web/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
    return { status: res.status, cookie: res.headers.get("set-cookie"), text: await res.text() };
  }

  async function signIn(user: ChatUser): Promise<string> {
    const signed = await useLink(await linkFor(user));
    expect(signed.status).toBe(303);
    return (signed.cookie ?? "").split(";")[0] as string;
  }

  it("signs a supervisor in through a link from /duban web, once, with a session cookie, and audits it", async () => {
    const link = await linkFor(SUPERVISOR);
    expect(link.startsWith(`${base}/web/sign-in?token=`)).toBe(true);
    const first = await useLink(link);
    expect(first.status).toBe(303);
    expect(first.cookie).toMatch(
      /^duban_session=[\w-]{40,}; Path=\/web; HttpOnly; SameSite=Lax; Max-Age=604800$/,
    );
    const again = await useLink(link);
    expect(again.status).toBe(403);
    expect(again.cookie).toBeNull();
    const person = await core.identify(SUPERVISOR);
    const audits = await fx.db.prisma.auditEvent.count({
      where: { action: "web.sign-in", subjectId: person.id },
    });
    expect(audits).toBe(1);
    // only the hash of the token is stored
    const token = new URL(link).searchParams.get("token") ?? "";
    expect(await fx.db.prisma.webSignInLink.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("refuses a link used after its 15 minutes", async () => {
    const link = await linkFor(SUPERVISOR);
    fx.clock.advance(15 * 60_000 + 1_000);
    try {
      const late = await useLink(link);
      expect(late.status).toBe(403);
      expect(late.text).toContain("/duban web");
    } finally {
      fx.clock.advance(-(15 * 60_000 + 1_000));
    }
  });

  it("shows nothing without a session, and sends the security headers on every page", async () => {
    const anonymous = await get(`${base}/web`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain(HR);
    const cookie = await signIn(SUPERVISOR);
    for (const path of ["/web", "/web/measures/5", "/web/sign-in?token=x", "/web/assets/style.css"]) {
      const page = await get(`${base}${path}`, cookie);
      expect(page.status, path).toBe(200);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        // the stylesheet may be cached; pages never are
        if (name !== "cache-control" || !path.endsWith(".css"))
          expect(page.headers.get(name), name).toBe(value);
      }
    }
    expect(SECURITY_HEADERS["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS["content-security-policy"]).not.toContain("unsafe-inline");
    const page = await get(`${base}/web`, cookie);
    expect(page.text).not.toContain("<script");
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"]*\.(css|js)/);
  });

  it("shows the board with counts by light and filters it by department, county and light", async () => {
    const cookie = await signIn(SUPERVISOR);
    const page = await get(`${base}/web`, cookie);
    expect(page.text).toContain("（五）");
    expect(page.text).toMatch(/红灯 \d+/);
    const hr = departments.find((d) => d.name === HR);
    expect(hr).toBeDefined();
    const filtered = await get(`${base}/web?department=${encodeURIComponent(hr?.id ?? "")}`, cookie);
    const linked = [...filtered.text.matchAll(/href="\/web\/departments\/([^"]+)"/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(0);
    expect(new Set(linked)).toEqual(new Set([encodeURIComponent(hr?.id ?? "")]));
    expect(filtered.text).toContain(`<option value="${hr?.id}" selected>`);
    expect(page.text).toContain('<option value="fangcheng">方城县</option>');
    const county = await get(`${base}/web?county=fangcheng&light=red`, cookie);
    expect(county.status).toBe(200);
    expect(county.text).toContain('<option value="fangcheng" selected>方城县</option>');
    const rows = [...county.text.matchAll(/<span class="light (\w+)">/g)].map((m) => m[1]);
    expect(new Set(rows).size).toBeLessThanOrEqual(1);
    if (rows.length > 0) expect(rows[0]).toBe("red");
    // 1,190 tasks: 100 a page, the next page's link keeping the filters
    expect(page.text).toContain("1–100 / 1190");
    expect(page.text).toContain('href="/web?page=2" rel="next"');
    const second = await get(`${base}/web?page=2`, cookie);
    expect(second.text).toContain("101–200 / 1190");
    expect(second.text).toContain('href="/web?page=1" rel="prev"');
    const all = await get(`${base}/web`, cookie);
    const allRows = [...all.text.matchAll(/<span class="light (\w+)">/g)].length;
    const cityOnly = [
      ...(await get(`${base}/web?county=city`, cookie)).text.matchAll(/<span class="light (\w+)">/g),
    ].length;
    expect(cityOnly).toBeGreaterThan(0);
    expect(allRows).toBe(100);
    expect(cityOnly).toBeLessThan(allRows);
  });

  it("speaks the person's language: English for an English Slack locale", async () => {
    const alice = slackUser("UALICE", "Alice Chen", "en-US");
    await fx.makeSupervisor(alice);
    const cookie = await signIn(alice);
    const page = await get(`${base}/web`, cookie);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain("<legend>Filters</legend>");
    expect(page.text).toMatch(/Red \d+/);
    const zh = await get(`${base}/web`, await signIn(SUPERVISOR));
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(zh.text).toContain("<legend>筛选</legend>");
  });

  it("opens a measure and shows its leads and the report with its evidence", async () => {
    const cookie = await signIn(SUPERVISOR);
    const page = await get(`${base}/web/measures/5`, cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(HR);
    expect(page.text).toContain("举办招聘会三场");
    expect(page.text).toContain(`href="${EVIDENCE.permalink}"`);
    expect(page.text).toContain(EVIDENCE.name);
    expect(page.text).toContain("张三");
  });

  it("gives a contact their own department's page and 403 on another's, and counts but not others' tasks", async () => {
    const cookie = await signIn(ZHANG);
    const hr = departments.find((d) => d.name === HR);
    const other = departments.find((d) => d.name !== HR);
    expect((await get(`${base}/web/departments/${encodeURIComponent(hr?.id ?? "")}`, cookie)).status).toBe(
      200,
    );
    const refused = await get(`${base}/web/departments/${encodeURIComponent(other?.id ?? "")}`, cookie);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain(other?.name ?? "?");
    const boardPage = await get(`${base}/web`, cookie);
    const linked = new Set(
      [...boardPage.text.matchAll(/href="\/web\/departments\/([^"]+)"/g)].map((m) => m[1]),
    );
    expect(linked).toEqual(new Set([encodeURIComponent(hr?.id ?? "")]));
  });

  it("ends a person's sessions with /duban web revoke, which only supervisors may use", async () => {
    const cookie = await signIn(ZHANG);
    expect((await get(`${base}/web`, cookie)).status).toBe(200);
    const refused = await core.runCommand(ZHANG, "web revoke @id:ULI");
    expect(refused.replies[0]?.kind === "notice" && refused.replies[0].tone).toBe("error");
    const done = await core.runCommand(SUPERVISOR, "web revoke @id:UZHANG");
    expect(done.replies[0]?.kind === "notice" && done.replies[0].tone).toBe("success");
    expect((await get(`${base}/web`, cookie)).status).toBe(401);
    expect(await fx.db.prisma.auditEvent.count({ where: { action: "web.revoke" } })).toBe(1);
  });
});
