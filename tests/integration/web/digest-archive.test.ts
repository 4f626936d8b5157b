import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIGEST_PAGE_SIZE } from "../../../src/adapters/web/read-digest-archive.ts";
import { SECURITY_HEADERS } from "../../../src/adapters/web/web-headers.ts";
import type { WebBoardOnItsOwnPort } from "../../../src/app/start-web-board.ts";
import type { ChatUser } from "../../../src/domain/supervision/supervision-types.ts";
import type { SupervisionCore } from "../../../src/services/core/create-supervision-core.ts";
import { buildPlanDigest, digestOfWeek, insertDigestRow } from "../../support/seed-sent-digests.ts";
import {
  assignContact,
  createSupervisionFixture,
  type SupervisionFixture,
  slackUser,
} from "../../support/supervision-fixture.ts";
import { testDatabaseTargets } from "../../support/test-database.ts";
import { startWebBoardFixture, type WebBoardFixture } from "../../support/web-board-fixture.ts";

const ZHANG = slackUser("UZHANG", "张三");
const READER = slackUser("UREADER", "王读者", "en-US");
const DAY = 86_400_000;
/** Monday 2026-11-23 09:00 in Nanyang: a digest's time. */
const MONDAY = Date.parse("2026-11-23T01:00:00.000Z");

async function get(url: string, cookie?: string) {
  const res = await fetch(url, { redirect: "manual", headers: cookie === undefined ? {} : { cookie } });
  return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
}
const text = (page: { body: Uint8Array }) => new TextDecoder().decode(page.body);
/** The week keys of the archive page's links, in order. */
const weeksListed = (html: string) =>
  [...html.matchAll(/<a href="\/web\/digests\/[0-9a-f-]{36}">[^<]*（(\d{4}-W\d\d)）<\/a>/g)].map((m) => m[1]);

describe.each(testDatabaseTargets())("the digest archive over HTTP, on %s", (target) => {
  let fx: SupervisionFixture;
  let board: WebBoardOnItsOwnPort;
  let core: SupervisionCore;
  let base: string;
  let web: WebBoardFixture;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    fx = await createSupervisionFixture(target);
    web = await startWebBoardFixture(fx);
    ({ board, core, base } = web);
    const { calendar } = web;
    await assignContact(core, ZHANG, "市人力资源社会保障局");
    const { planId, digest } = await buildPlanDigest(fx.db.prisma, fx.store, calendar, fx.clock.now());
    // 22 weeks posted (2026-W27 … W48, one a week), inserted out of order; W49 still queued, W26 expired unsent
    const weeks = Array.from({ length: 22 }, (_, i) => i + 27).reverse();
    for (const [order, week] of [...weeks.entries()].sort((a, b) => (a[1] % 5) - (b[1] % 5))) {
      const key = `2026-W${week}`;
      ids.set(
        key,
        await insertDigestRow(fx.db.prisma, planId, digestOfWeek(digest, key), {
          sentAt: new Date(MONDAY - order * 7 * DAY),
        }),
      );
    }
    ids.set(
      "2026-W49",
      await insertDigestRow(fx.db.prisma, planId, digestOfWeek(digest, "2026-W49"), {
        pending: true,
      }),
    );
    ids.set(
      "2026-W26",
      await insertDigestRow(fx.db.prisma, planId, digestOfWeek(digest, "2026-W26"), {
        closedAt: new Date(MONDAY - 20 * 7 * DAY),
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await board?.stop();
    await fx?.db.drop();
  });

  const signIn = (user: ChatUser) => web.signIn(user);

  it("asks for a session on every archive path", async () => {
    const id = ids.get("2026-W48");
    for (const path of ["/web/digests", `/web/digests/${id}`, `/web/digests/${id}/chart.png`]) {
      const page = await get(`${base}${path}`);
      expect(page.status, path).toBe(401);
      expect(text(page), path).not.toContain("2026-W48");
    }
  });

  it("lists only the posted digests, newest first, a page at a time, for a contact too", async () => {
    const cookie = await signIn(ZHANG);
    const first = await get(`${base}/web/digests`, cookie);
    expect(first.status).toBe(200);
    const html = text(first);
    const expected = Array.from({ length: 22 }, (_, i) => `2026-W${48 - i}`);
    expect(weeksListed(html)).toEqual(expected.slice(0, DIGEST_PAGE_SIZE));
    expect(html).not.toContain("2026-W49");
    expect(html).not.toContain("2026-W26");
    expect(html).toContain(`1–${DIGEST_PAGE_SIZE} / 22`);
    expect(html).toContain('href="/web/digests?page=2" rel="next"');
    expect(html).toContain('<a href="/web/digests">督办周报</a>'); // in the navigation
    const second = text(await get(`${base}/web/digests?page=2`, cookie));
    expect(weeksListed(second)).toEqual(expected.slice(DIGEST_PAGE_SIZE));
    expect(second).toContain('href="/web/digests?page=1" rel="prev"');
    expect(second).not.toContain('rel="next"');
    // a page past the end shows the last one
    expect(weeksListed(text(await get(`${base}/web/digests?page=99`, cookie)))).toEqual(
      expected.slice(DIGEST_PAGE_SIZE),
    );
  });

  it("shows one digest as posted, with its chart drawn by Duban as a PNG", async () => {
    const cookie = await signIn(READER);
    const id = ids.get("2026-W47") as string;
    const page = await get(`${base}/web/digests/${id}`, cookie);
    expect(page.status).toBe(200);
    const html = text(page);
    expect(html).toContain("<h1>督办周报：");
    expect(html).toContain("（2026-W47）</h1>");
    expect(html).toContain("In its thread"); // the reader's language around the digest's own
    expect(html).toContain("逾期任务");
    expect(html).toMatch(/未报送[^<]*（\d+）/);
    expect(html).toContain(`<img src="/web/digests/${id}/chart.png"`);
    expect(html).not.toContain("<script");
    const chart = await get(`${base}/web/digests/${id}/chart.png`, cookie);
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toBe("image/png");
    expect(chart.headers.get("content-security-policy")).toBe(SECURITY_HEADERS["content-security-policy"]);
    expect([...chart.body.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(chart.body.length).toBeGreaterThan(10_000);
  }, 120_000); // drawing the chart takes resvg a second or more on a busy machine

  it("answers 404 for an unknown id, a malformed one, and a digest not (yet) posted", async () => {
    const cookie = await signIn(ZHANG);
    for (const path of [
      "/web/digests/00000000-0000-4000-8000-000000000000",
      "/web/digests/not-a-uuid",
      `/web/digests/${ids.get("2026-W49")}`,
      `/web/digests/${ids.get("2026-W26")}`,
      `/web/digests/${ids.get("2026-W49")}/chart.png`,
    ]) {
      expect((await get(`${base}${path}`, cookie)).status, path).toBe(404);
    }
  });
});
