import type { InboxEntry, InboxStore } from "../../domain/ports/inbox-store.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";

interface ClaimedRow {
  id: string;
  key: string;
  kind: string;
  payload: string;
  receivedAt: Date;
}

/**
 * InboxStore on Prisma. `accept` is one INSERT … ON CONFLICT DO NOTHING (the unique key tells a request seen
 * before), the payload stored as JSON text; `claimNext` takes the oldest eligible row with FOR UPDATE SKIP LOCKED, so two processes starting
 * at once never replay the same entry.
 */
export function createPrismaInboxStore(prisma: PrismaClient): InboxStore {
  return {
    async accept(entry) {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        INSERT INTO "InboxEntry" ("key", "kind", "replay", "payload", "receivedAt", "claimedBy", "claimedAt")
        VALUES (${entry.key}, ${entry.kind}, ${entry.replay}, ${JSON.stringify(entry.payload)},
          ${entry.receivedAt}, ${entry.owner}, ${entry.receivedAt})
        ON CONFLICT ("key") DO NOTHING
        RETURNING "id"::text AS "id"`;
      return rows[0]?.id ?? null;
    },
    async markProcessed(id, at, error) {
      await prisma.$executeRaw`
        UPDATE "InboxEntry" SET "processedAt" = ${at}, "error" = ${error} WHERE "id" = CAST(${id} AS bigint)`;
    },
    async listUnprocessedOwners() {
      const rows = await prisma.inboxEntry.findMany({
        where: { processedAt: null },
        distinct: ["claimedBy"],
        select: { claimedBy: true },
      });
      return rows.map((row) => row.claimedBy);
    },
    async claimNext(owner, from, at): Promise<InboxEntry | null> {
      const owners =
        from.owners.length === 0
          ? Prisma.sql`FALSE`
          : Prisma.sql`"claimedBy" IN (${Prisma.join(from.owners.map((name) => Prisma.sql`${name}`))})`;
      const [row] = await prisma.$queryRaw<ClaimedRow[]>`
        UPDATE "InboxEntry" SET "claimedBy" = ${owner}, "claimedAt" = ${at}
        WHERE "id" = (
          SELECT "id" FROM "InboxEntry"
          WHERE "processedAt" IS NULL AND "replay" AND (${owners} OR "claimedAt" < ${from.claimedBefore})
          ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING "id"::text AS "id", "key", "kind", "payload", "receivedAt"`;
      return row === undefined ? null : { ...row, payload: JSON.parse(row.payload) as unknown };
    },
    async prune(before) {
      return prisma.inboxEntry
        .deleteMany({
          where: { receivedAt: { lt: before }, OR: [{ processedAt: { not: null } }, { replay: false }] },
        })
        .then((result) => result.count);
    },
  };
}
