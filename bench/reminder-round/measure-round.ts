// One reminder round, measured in its own process (so its peak RSS is its own) on a database the parent
// prepared (BENCH_DATABASE_URL, or the embedded one in BENCH_DATA_DIR). Prints one JSON line of figures.
import { loadWorkingDayCalendar } from "../../src/adapters/calendar/load-working-day-calendar.ts";
import { createPrismaScheduleStore } from "../../src/adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../../src/adapters/db/prisma-supervision-store.ts";
import { createOutboxSlackNotifier } from "../../src/adapters/slack/create-outbox-slack-notifier.ts";
import { createOutboxWebClient } from "../../src/adapters/slack/create-outbox-web-client.ts";
import { createScheduleRunner } from "../../src/services/schedule/create-schedule-runner.ts";
import { drainOutbox } from "../../src/services/schedule/drain-outbox.ts";
import { DEFAULT_SCHEDULE_TUNING } from "../../src/services/schedule/schedule-runner-deps.ts";
import { openRoundDatabase } from "./open-round-database.ts";

/** Friday 2026-11-20 09:30 in Asia/Shanghai: November's first reminder (due Wednesday the 25th). */
const FIRST_REMINDER = new Date("2026-11-20T01:30:00.000Z");
const DELIVERY_SECONDS = Number(process.env.BENCH_DELIVERY_SECONDS ?? 20);
const phase = process.env.BENCH_PHASE === "synthetic" ? "synthetic" : "nanyang";

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

const databaseUrl = process.env.BENCH_DATABASE_URL;
const db = await openRoundDatabase();
try {
  const seeded = { tasks: await db.prisma.task.count(), contacts: await db.prisma.contact.count() };
  const client = createOutboxWebClient({
    botToken: process.env.BENCH_SLACK_TOKEN ?? "",
    apiUrl: process.env.BENCH_SLACK_API_URL,
  });
  const runner = createScheduleRunner({
    store: createPrismaSupervisionStore(db.prisma),
    schedules: createPrismaScheduleStore(db.prisma),
    notifier: createOutboxSlackNotifier(client),
    digestPublisher: { publish: () => Promise.reject(new Error("no digest in this bench")) },
    calendar: await loadWorkingDayCalendar(),
    tuning: { lookBackDays: 1, maxMessagesPerPass: 0 },
  });
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  peakRss = baselineRss;

  // Baseline: reading every task in the same batches, doing nothing with them.
  const planId = (await db.prisma.plan.findFirstOrThrow({ select: { id: true } })).id;
  const readStart = process.hrtime.bigint();
  const { taskBatchSize } = DEFAULT_SCHEDULE_TUNING;
  for await (const batch of createPrismaScheduleStore(db.prisma).taskBatches(planId, taskBatchSize))
    void batch;
  const readSeconds = seconds(readStart);

  const planStart = process.hrtime.bigint();
  const [run] = await runner.runDue(FIRST_REMINDER);
  const planSeconds = seconds(planStart);
  const planRss = peakRss;
  global.gc?.();
  const liveHeap = process.memoryUsage().heapUsed;

  // the round's own time runs on from its first reminder (the machine's date may be past the cycle's close):
  // the same clock for the drain and for the runner, which dates 429s' Retry-After from it
  const sinceStart = Date.now() - FIRST_REMINDER.getTime();
  const roundClock = { now: () => new Date(Date.now() - sinceStart) };
  const delivering = createScheduleRunner({
    store: createPrismaSupervisionStore(db.prisma),
    schedules: createPrismaScheduleStore(db.prisma),
    notifier: createOutboxSlackNotifier(client),
    digestPublisher: { publish: () => Promise.reject(new Error("no digest in this bench")) },
    calendar: await loadWorkingDayCalendar(),
    clock: roundClock,
  });
  // delivery as in production (passes of any length); at the deadline the pass in progress is told to stop
  // after the message in flight (the signal a clean stop uses), so the drain ends on time
  const deadline = AbortSignal.timeout(DELIVERY_SECONDS * 1000);
  const deliverStart = process.hrtime.bigint();
  const drained = await drainOutbox((now) => delivering.deliverOutbox(now, deadline), {
    now: roundClock.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    deadline: new Date(Date.now() - sinceStart + DELIVERY_SECONDS * 1000),
  });
  const deliverSeconds = seconds(deliverStart);
  const figures = {
    phase,
    database: databaseUrl ? "postgres" : "pglite",
    tasks: seeded.tasks,
    contacts: seeded.contacts,
    messages: run?.messages ?? 0,
    readSeconds,
    planSeconds,
    deliverSeconds,
    sent: drained.sent,
    failed: drained.failed + drained.closed,
    rateLimitedPauses: drained.rateLimited,
    baselineRssMb: baselineRss / 2 ** 20,
    planPeakRssMb: planRss / 2 ** 20,
    liveHeapMb: liveHeap / 2 ** 20,
    peakRssMb: Math.max(peakRss, planRss) / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  clearInterval(sampler);
  await db.close();
}
