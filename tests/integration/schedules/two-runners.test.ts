import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgAdapterFactory } from "../../../src/adapters/db/create-pg-adapter-factory.ts";
import { PrismaClient } from "../../../src/adapters/db/generated/client.ts";
import type { ChatNotifier } from "../../../src/domain/ports/chat.ts";
import type { FiringRun } from "../../../src/services/schedule/create-schedule-runner.ts";
import {
  createScheduleFixture,
  type ScheduleFixture,
  slackUser,
  smallPlanWith,
  ZHAO,
} from "../../support/schedule-fixture.ts";
import { createTestDatabase } from "../../support/test-database.ts";

const RUNNERS = 3;
const CONTACTS = 8;

/** Three Duban processes (three Prisma clients, three pools) on one PostgreSQL database, firing together. */
describe.skipIf(!process.env.TEST_DATABASE_URL)("several processes on one PostgreSQL database", () => {
  let fixture: ScheduleFixture;
  const clients: PrismaClient[] = [];
  /** Per firing instant: what each process ran. */
  const runs: FiringRun[][][] = [];
  const START = new Date("2026-10-16T02:00:00.000Z");

  beforeAll(async () => {
    const db = await createTestDatabase("postgres");
    fixture = await createScheduleFixture(
      db,
      smallPlanWith({ cycle: "monthly", dueDay: 25 }),
      START.toISOString(),
    );
    for (let n = 1; n <= CONTACTS; n += 1)
      await fixture.makeContact(slackUser(`UC${n}`, `联络员${n}`), "市农业农村局");
    await fixture.makeSupervisor(ZHAO);
    // A slow chat platform, so the processes' deliveries interleave.
    const slow: ChatNotifier = {
      sendDirectMessage: async (person, message) => {
        await sleep(Math.floor(Math.random() * 5));
        return fixture.notifier.sendDirectMessage(person, message);
      },
    };
    const runners = Array.from({ length: RUNNERS }, (_, index) => {
      const prisma = new PrismaClient({ adapter: createPgAdapterFactory(db.url as string) });
      clients.push(prisma);
      return fixture.runner({ prisma, notifier: slow, owner: `process-${index + 1}` });
    });
    await Promise.all(runners.map((runner) => runner.runDue(fixture.clock.now())));
    fixture.notifier.sent.length = 0;
    fixture.publisher.posted.length = 0;
    const [first] = runners;
    for (;;) {
      const [next] = (await first?.upcoming(fixture.clock.now(), 1)) ?? [];
      if (next === undefined || next.instant > new Date("2026-11-03T00:00:00+08:00")) break;
      fixture.clock.set(next.instant.toISOString());
      runs.push(await Promise.all(runners.map((runner) => runner.runDue(next.instant))));
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await fixture?.db.drop();
  });

  it("runs each slot in exactly one process", () => {
    const slots = runs.flat(2).map((run) => run.slot);
    expect(slots.length).toBeGreaterThan(5);
    expect(new Set(slots).size).toBe(slots.length);
    // At each instant one process ran the firing(s); the others found them claimed.
    for (const together of runs) expect(together.filter((ran) => ran.length > 0)).toHaveLength(1);
  });

  it("posts one digest per week", () => {
    expect(fixture.publisher.posted.map((post) => post.digest.weekKey)).toEqual([
      "2026-W43",
      "2026-W44",
      "2026-W45",
    ]);
  });

  it("sends one reminder per key: each contact gets each rung once", async () => {
    const sent = fixture.notifier.sent.map(
      (entry) => `${entry.person.externalId} ${entry.message.summary.split(" — ")[0]}`,
    );
    expect(new Set(sent).size).toBe(sent.length);
    expect(fixture.notifier.sentTo("UC1")).toHaveLength(5); // first, due, +1, +3, escalation (lead-contact copy)
    const rows = await fixture.db.prisma.reminder.groupBy({
      by: ["groupKey"],
      where: { sentAt: { gt: START } },
      _count: true,
    });
    expect(rows.length).toBe(sent.length + fixture.publisher.posted.length);
  });
});
