// The web board on 100,000 tasks, measured in its own process (so its peak RSS is its own) on a database the
// parent prepared (BENCH_DATABASE_URL). Serves the board as Duban does (webBoardOnItsOwnPort: the real
// handler on a real port), signs a supervisor in through a link, and times real HTTP requests against reading
// the same task rows. Prints one JSON line of figures.
import { loadWorkingDayCalendar } from "../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaSupervisionStore } from "../../src/adapters/db/prisma-supervision-store.ts";
import { createLogger } from "../../src/adapters/logging/create-logger.ts";
import { countyNamesFrom, webBoardOnItsOwnPort } from "../../src/app/start-web-board.ts";
import { openRoundDatabase } from "../reminder-round/open-round-database.ts";
import { BENCH_SUPERVISOR, benchCounty } from "./seed-web-data.ts";

/** Thursday 2026-11-26 09:30 in Asia/Shanghai, the day after November's due day: tasks not reported are overdue. */
const NOW = new Date("2026-11-26T01:30:00.000Z");
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);
const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const db = await openRoundDatabase();
const errorsOnly = createLogger({
  level: "error",
  format: "json",
  destination: process.stderr,
});
const board = webBoardOnItsOwnPort(
  {
    prisma: db.prisma,
    deps: {
      store: createPrismaSupervisionStore(db.prisma),
      clock: { now: () => NOW },
      calendar: await loadWorkingDayCalendar(),
      countyNames: countyNamesFrom(db.prisma),
    },
    logger: errorsOnly,
    env: { PORT: 3000, WEB_PORT: 0, WEB_HOST: "127.0.0.1", WEB_PUBLIC_URL: undefined },
  },
  0,
);
try {
  const base = `http://127.0.0.1:${await board.start()}`;
  const planId = (await db.prisma.plan.findFirstOrThrow({ select: { id: true } })).id;
  const tasks = await db.prisma.task.count();
  const reports = await db.prisma.progressReport.count();
  const supervisor = await db.prisma.person.findUniqueOrThrow({
    where: { platform_externalId: BENCH_SUPERVISOR },
    select: { id: true },
  });

  // sign in as a person does: the link's token POSTed to the sign-in page, the session cookie kept
  const link = new URL((await board.webSignIn.issueLink(supervisor.id, NOW)).url);
  const signed = await fetch(`${base}/web/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token: link.searchParams.get("token") ?? "" }).toString(),
  });
  const cookie = (signed.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (signed.status !== 303 || cookie === "") throw new Error(`sign-in refused: ${signed.status}`);

  /** One GET through the real handler; the time includes reading the whole body. */
  const page = async (path: string) => {
    const start = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await res.text();
    const took = ms(start);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 300)}`);
    return { took, bytes: Buffer.byteLength(body) };
  };

  // Baseline: the task rows the board shows, read in one query: each task with its measure, department and
  // latest report (not withdrawn) and its author, every column the board's task rows need.
  const readRows = async () => {
    const start = process.hrtime.bigint();
    const rows = await db.prisma.$queryRaw<unknown[]>`
      SELECT t."id"::text AS "id", t."departmentId", t."county", t."isPrimary", t."status"::text AS "status",
        t."percent", t."lastReportAt", t."approvedAt", t."createdAt", m."number", m."label", m."title",
        d."name" AS "departmentName", r."status"::text AS "reportStatus", r."percent" AS "reportPercent",
        r."done", r."blocker", r."createdAt" AS "reportedAt", p."displayName" AS "authorName"
      FROM "Task" t
        JOIN "Measure" m ON m."id" = t."measureId"
        JOIN "Department" d ON d."id" = t."departmentId"
        LEFT JOIN LATERAL (
          SELECT * FROM "ProgressReport" pr WHERE pr."taskId" = t."id" AND pr."withdrawnAt" IS NULL
          ORDER BY pr."createdAt" DESC LIMIT 1
        ) r ON true
        LEFT JOIN "Person" p ON p."id" = r."authorId"
      WHERE t."archivedAt" IS NULL AND m."archivedAt" IS NULL AND m."planId" = ${planId}`;
    const took = ms(start);
    if (rows.length !== tasks) throw new Error(`read ${rows.length} rows of ${tasks}`);
    return { took, bytes: 0 };
  };

  const department = "synthetic-7";
  const cases: Array<{ key: string; label: string; run: () => Promise<{ took: number; bytes: number }> }> = [
    { key: "read", label: "(a) baseline: read the task rows", run: readRows },
    { key: "board", label: "(b) GET /web (the whole board)", run: () => page("/web") },
    {
      key: "filtered",
      label: `(c) GET /web?county=${benchCounty(3)}&light=red`,
      run: () => page(`/web?county=${benchCounty(3)}&light=red`),
    },
    { key: "measure", label: "(d) GET /web/measures/1", run: () => page("/web/measures/1") },
    {
      key: "department",
      label: `(d) GET /web/departments/${department}`,
      run: () => page(`/web/departments/${department}`),
    },
  ];
  const times = new Map<string, number[]>(cases.map((c) => [c.key, []]));
  const bytes = new Map<string, number>();
  // warm-up (connections, plans, the JIT): the pages first, so the peak RSS of serving them is known before
  // the baseline's read of every row raises it
  for (const c of cases) if (c.key !== "read") await c.run();
  const pagesPeakRss = peakRss;
  await readRows();
  // interleaved, so a noisy neighbour slows every case alike
  for (let run = 0; run < RUNS; run += 1) {
    for (const c of cases) {
      const result = await c.run();
      times.get(c.key)?.push(result.took);
      bytes.set(c.key, result.bytes);
    }
  }
  const figures = {
    database: "postgres",
    tasks,
    reports,
    runs: RUNS,
    cases: cases.map((c) => ({
      key: c.key,
      label: c.label,
      medianMs: median(times.get(c.key) ?? []),
      minMs: Math.min(...(times.get(c.key) ?? [])),
      maxMs: Math.max(...(times.get(c.key) ?? [])),
      bytes: bytes.get(c.key) ?? 0,
    })),
    peakRssMb: peakRss / 2 ** 20,
    pagesPeakRssMb: pagesPeakRss / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  clearInterval(sampler);
  await board.stop();
  await db.close();
}
