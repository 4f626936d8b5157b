import type { Locale } from "../../../domain/supervision/locale.ts";
import type { WebReadDeps } from "../../../services/web/read-web-board.ts";
import type { PrismaClient } from "../../db/generated/client.ts";
import type { SafeHtml } from "../html.ts";
import { readArchivedDigest, readDigestArchive } from "../read-digest-archive.ts";
import { t } from "../web-text.ts";
import { digestArchivePage, digestPage } from "./digest-archive-page.ts";

/** The archive's paths, as Bolt's customRoutes take them. */
export const DIGEST_ROUTE_PATHS = ["/web/digests", "/web/digests/:id", "/web/digests/:id/chart.png"] as const;

export type DigestArchiveAnswer =
  | { kind: "page"; title: string; body: SafeHtml }
  | { kind: "image"; bytes: Uint8Array; headers: Record<string, string> }
  | { kind: "missing" };

/** Charts drawn lately, by digest id: a posted digest never changes, and drawing one takes a moment. */
const CHART_CACHE_SIZE = 8;
const charts = new Map<string, Promise<Uint8Array>>();

function chartOf(id: string, draw: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let png = charts.get(id);
  if (png === undefined) {
    png = draw();
    charts.set(id, png);
    png.catch(() => charts.delete(id));
    if (charts.size > CHART_CACHE_SIZE) charts.delete(charts.keys().next().value as string);
  }
  return png;
}

/**
 * The digest archive (every signed-in person may read it: digests are posted to a channel for readers):
 * `/web/digests` lists the plan's posted weekly digests, newest first; `/web/digests/<id>` shows one as posted;
 * `/web/digests/<id>/chart.png` is its chart, drawn by Duban from the chart data the digest was posted with.
 * Null when the path is not the archive's.
 */
export async function answerDigestArchive(
  context: { prisma: PrismaClient; deps: WebReadDeps; locale: Locale },
  path: string,
  query: URLSearchParams,
): Promise<DigestArchiveAnswer | null> {
  const match = /^\/web\/digests(?:\/([^/]{1,100})(\/chart\.png)?)?$/.exec(path);
  if (match === null) return null;
  const { prisma, deps, locale } = context;
  const directory = await deps.store.readPlanDirectory(deps.planId);
  if (directory === null) return { kind: "missing" };
  const [, id, chart] = match;
  if (id === undefined) {
    const requested = Number.parseInt(query.get("page") ?? "1", 10);
    const archive = await readDigestArchive(
      prisma,
      directory.planId,
      Number.isFinite(requested) ? requested : 1,
    );
    return {
      kind: "page",
      title: t(locale, "digests"),
      body: digestArchivePage(locale, archive, directory.timezone),
    };
  }
  const archived = await readArchivedDigest(prisma, directory.planId, id);
  if (archived === null) return { kind: "missing" };
  if (chart === undefined)
    return {
      kind: "page",
      title: archived.digest.title,
      body: digestPage(locale, archived, directory.timezone),
    };
  const { chart: data } = archived.digest;
  // resvg (a native module) is loaded with the first chart asked for, and draws off the event loop
  const png =
    data === null
      ? null
      : await chartOf(archived.id, async () =>
          (await import("../../charts/render-digest-chart.ts")).renderDigestChartAsync(data),
        );
  if (png === null) return { kind: "missing" };
  return {
    kind: "image",
    bytes: png,
    headers: { "content-type": "image/png", "cache-control": "private, max-age=86400" },
  };
}
