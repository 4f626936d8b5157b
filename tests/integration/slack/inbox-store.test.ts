import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaInboxStore } from "../../../src/adapters/db/prisma-inbox-store.ts";
import type { InboxStore, NewInboxEntry } from "../../../src/domain/ports/inbox-store.ts";
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from "../../support/test-database.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 2, minute));

describe.each(testDatabaseTargets())("the inbox store on %s", (target) => {
  let db: TestDatabase;
  let store: InboxStore;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    store = createPrismaInboxStore(db.prisma);
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  const entry = (key: string, over: Partial<NewInboxEntry> = {}): NewInboxEntry => ({
    key,
    kind: "message",
    replay: true,
    payload: { type: "event_callback", event_id: key, event: { text: "推进中 80%，含 \u0000 之外的“引号”" } },
    receivedAt: at(0),
    owner: "host-a:100:aaaa",
    ...over,
  });

  it("stores a request once: the same key again is refused, in one insert each", async () => {
    const id = await store.accept(entry("event:Ev1", { receivedAt: at(25) }));
    expect(id).toMatch(/^\d+$/);
    expect(await store.accept(entry("event:Ev1", { kind: "message_changed" }))).toBeNull();
    const rows = await db.prisma.inboxEntry.findMany({ where: { key: "event:Ev1" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "message", claimedBy: "host-a:100:aaaa", processedAt: null });
    expect(JSON.parse(String(rows[0]?.payload))).toEqual(entry("event:Ev1").payload);
  });

  it("replays, oldest first, what dead owners left or what was claimed before the lease; never what is processed or not replayable", async () => {
    const dead = "host-a:200:dead";
    const alive = "host-b:300:live";
    const first = await store.accept(entry("event:Ev2", { owner: dead, receivedAt: at(1) }));
    const done = await store.accept(entry("event:Ev3", { owner: dead, receivedAt: at(2) }));
    await store.markProcessed(String(done), at(3), null);
    await store.accept(entry("trigger:T1", { owner: dead, replay: false, kind: "block_actions" }));
    const fresh = await store.accept(entry("event:Ev4", { owner: alive, receivedAt: at(20) }));
    const stale = await store.accept(entry("event:Ev5", { owner: alive, receivedAt: at(5) }));
    expect(new Set(await store.listUnprocessedOwners())).toEqual(new Set(["host-a:100:aaaa", dead, alive]));

    const from = { owners: [dead], claimedBefore: at(10) };
    const claimed = [];
    for (;;) {
      const next = await store.claimNext("host-c:1:me", from, at(30));
      if (next === null) break;
      claimed.push(next);
      await store.markProcessed(next.id, at(31), null);
    }
    expect(claimed.map((c) => [c.id, c.key])).toEqual([
      [first, "event:Ev2"],
      [stale, "event:Ev5"],
    ]);
    expect(claimed[0]?.payload).toEqual(entry("event:Ev2").payload);
    const untouched = await db.prisma.inboxEntry.findFirstOrThrow({ where: { id: BigInt(String(fresh)) } });
    expect(untouched).toMatchObject({ claimedBy: alive, processedAt: null });
  });

  it("forgets entries older than the cut-off that are processed or never replayed", async () => {
    const before = await db.prisma.inboxEntry.count();
    const pruned = await store.prune(at(4));
    // Ev2, Ev3 (processed, received before minute 4) and T1 (never replayed); not Ev1 nor Ev5 (received later)
    expect(pruned).toBe(3);
    expect(await db.prisma.inboxEntry.count()).toBe(before - 3);
    expect(await store.accept(entry("event:Ev2"))).not.toBeNull();
  });
});
