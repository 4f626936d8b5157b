import type { OutboxStore } from "../../domain/ports/schedule-store.ts";
import type { PrismaClient } from "./generated/client.ts";

/** Held rows wait here until their firing has queued every row (so no process sends half a group). */
const HELD_UNTIL = new Date("9999-12-31T00:00:00.000Z");
/** Rows released at once from which the outbox's statistics are refreshed (see releaseHeld). */
const ANALYZE_AFTER_ROWS = 1_000;
/** Claim attempts per call before giving the turn back (other processes are claiming the same groups). */
const CLAIM_TRIES = 25;

/** A claimed row as claimGroup returns it, with the group's row count and most attempts. */
interface ClaimedRow {
  kind: string;
  recipientId: string | null;
  payload: unknown;
  rowCount: number;
  attempts: number;
}

/** OutboxStore on Prisma: Reminder rows with a groupKey; claims are single UPDATE statements. */
export function createPrismaOutboxStore(prisma: PrismaClient): OutboxStore {
  const pending = { sentAt: null, closedAt: null, claimedAt: null } as const;

  /**
   * Claims the group's deliverable rows (none if a row of it was sent or claimed before) and returns them in
   * one statement: the first `maxPayloads` in queue order, each with the number claimed and the most attempts.
   */
  async function claimGroup(groupKey: string, now: Date, owner: string, maxPayloads: number) {
    return prisma.$queryRaw<ClaimedRow[]>`
      WITH claimed AS (
        UPDATE "Reminder" SET "claimedAt" = ${now}, "claimedBy" = ${owner}
        WHERE "groupKey" = ${groupKey} AND "sentAt" IS NULL AND "closedAt" IS NULL AND "claimedAt" IS NULL
          AND "nextAttemptAt" <= ${now}
          AND NOT EXISTS (
            SELECT 1 FROM "Reminder" AS other
            WHERE other."groupKey" = ${groupKey} AND (other."sentAt" IS NOT NULL OR other."claimedAt" IS NOT NULL)
          )
        RETURNING "kind", "recipientId", "attempts", "payload", "createdAt", "idempotencyKey"
      )
      SELECT "kind", "recipientId"::text AS "recipientId", "payload",
        (count(*) OVER ())::int AS "rowCount", (max("attempts") OVER ())::int AS "attempts"
      FROM claimed
      ORDER BY "createdAt", "idempotencyKey"
      LIMIT ${maxPayloads}`;
  }

  async function closeStragglers(groupKey: string, now: Date): Promise<void> {
    await prisma.$executeRaw`
      UPDATE "Reminder" SET "closedAt" = ${now}, "lastError" = 'not sent: its message already went (or is in doubt)'
      WHERE "groupKey" = ${groupKey} AND "sentAt" IS NULL AND "closedAt" IS NULL AND "claimedAt" IS NULL
        AND EXISTS (
          SELECT 1 FROM "Reminder" AS other
          WHERE other."groupKey" = ${groupKey} AND (other."sentAt" IS NOT NULL OR other."claimedAt" IS NOT NULL)
        )`;
  }

  return {
    enqueueHeld: async (rows) => {
      if (rows.length === 0) return 0;
      // One JSON parameter expanded by the database: far faster and leaner than createMany with JSON columns.
      const batch = JSON.stringify(rows);
      return prisma.$executeRaw`
        INSERT INTO "Reminder"
          ("id", "taskId", "recipientId", "kind", "slot", "idempotencyKey", "groupKey", "payload", "nextAttemptAt", "expiresAt")
        SELECT gen_random_uuid(), r."taskId"::uuid, r."recipientId"::uuid, r."kind", r."slot", r."idempotencyKey",
          r."groupKey", r."payload", ${HELD_UNTIL}, r."expiresAt"::timestamptz
        FROM jsonb_to_recordset(${batch}::jsonb) AS r(
          "taskId" text, "recipientId" text, "kind" text, "slot" text, "idempotencyKey" text, "groupKey" text,
          "payload" jsonb, "expiresAt" text)
        ON CONFLICT ("idempotencyKey") DO NOTHING`;
    },
    enqueueTaskRowsHeld: async (batch) => {
      if (batch.taskIds.length === 0) return 0;
      // Each payload object once; each recipient once; per row only its task id and its recipient's index.
      const payloadIndex = new Map<object, number>();
      const payloads: object[] = [];
      const payloadOf = batch.recipients.map(({ payload }) => {
        let index = payloadIndex.get(payload);
        if (index === undefined) {
          index = payloads.push(payload) - 1;
          payloadIndex.set(payload, index);
        }
        return index;
      });
      // Ids and indexes go as comma-separated text (none contains a comma): one string per column rather
      // than an array literal the driver builds element by element.
      const list = (values: readonly (string | number)[]) => values.join(",");
      const recipientIds = list(batch.recipients.map((recipient) => recipient.id));
      return prisma.$executeRaw`
        INSERT INTO "Reminder"
          ("id", "taskId", "recipientId", "kind", "slot", "idempotencyKey", "groupKey", "payload", "nextAttemptAt", "expiresAt")
        SELECT gen_random_uuid(), t."taskId"::uuid, r."id"::uuid, ${batch.kind}, ${batch.slot},
          ${batch.slot} || ':' || r."id" || ':' || t."taskId", ${batch.slot} || ':' || r."id",
          (${JSON.stringify(payloads)}::jsonb -> r."payload") || jsonb_build_object('taskId', t."taskId"),
          ${HELD_UNTIL}, ${batch.expiresAt}::timestamptz
        FROM unnest(string_to_array(${list(batch.taskIds)}, ','), string_to_array(${list(batch.recipientOf)}, ',')::int[])
          WITH ORDINALITY AS t("taskId", "recipient", "n")
        JOIN unnest(string_to_array(${recipientIds}, ','), string_to_array(${list(payloadOf)}, ',')::int[])
          WITH ORDINALITY AS r("id", "payload", "n")
          ON r."n" = t."recipient" + 1
        ORDER BY t."n"
        ON CONFLICT ("idempotencyKey") DO NOTHING`;
    },
    releaseHeld: async (slot, at) => {
      const { count } = await prisma.reminder.updateMany({
        where: { slot, nextAttemptAt: HELD_UNTIL, ...pending },
        data: { nextAttemptAt: at },
      });
      // A large round changes what the table holds (its statistics may say "nothing pending"), and the
      // planner would then read a group's rows through the pending index, all 100,000 of them, instead of
      // the groupKey index. Autovacuum analyzes the table a minute or so later; delivery starts now.
      if (count >= ANALYZE_AFTER_ROWS)
        await prisma.$executeRawUnsafe(
          `ANALYZE "Reminder" ("groupKey", "sentAt", "closedAt", "claimedAt", "claimedBy", "nextAttemptAt", "expiresAt")`,
        );
      return count;
    },
    closeExpired: async (now) => {
      const { count } = await prisma.reminder.updateMany({
        where: { groupKey: { not: null }, expiresAt: { lte: now }, ...pending },
        data: { closedAt: now, lastError: "expired: its reporting cycle closed before it could be sent" },
      });
      return count;
    },
    claimNextGroup: async (now, owner, maxPayloads) => {
      for (let tries = 0; tries < CLAIM_TRIES; tries += 1) {
        // ordered by the whole pending index (its first three columns are null here), so the index gives the
        // earliest row at once instead of the planner sorting every pending row
        const [candidate] = await prisma.$queryRaw<Array<{ groupKey: string }>>`
          SELECT "groupKey" FROM "Reminder"
          WHERE "sentAt" IS NULL AND "closedAt" IS NULL AND "claimedAt" IS NULL
            AND "groupKey" IS NOT NULL AND "nextAttemptAt" <= ${now}
          ORDER BY "sentAt", "closedAt", "claimedAt", "nextAttemptAt"
          LIMIT 1`;
        if (candidate === undefined) return null;
        const { groupKey } = candidate;
        const rows = await claimGroup(groupKey, now, owner, maxPayloads);
        const [first] = rows;
        if (first === undefined) {
          await closeStragglers(groupKey, now);
          continue;
        }
        return {
          groupKey,
          kind: first.kind,
          recipientId: first.recipientId,
          attempts: first.attempts,
          payloads: rows.map((row) => row.payload),
          rowCount: first.rowCount,
        };
      }
      return null;
    },
    markGroupSent: async (groupKey, owner, ref, at) => {
      await prisma.reminder.updateMany({
        where: { groupKey, claimedBy: owner, sentAt: null, closedAt: null },
        data: { sentAt: at, chatChannel: ref.channel, chatTs: ref.ts, lastError: null },
      });
    },
    releaseGroup: async (groupKey, owner, retry) => {
      await prisma.reminder.updateMany({
        where: { groupKey, claimedBy: owner, sentAt: null, closedAt: null },
        data: {
          claimedAt: null,
          claimedBy: null,
          lastError: retry.error.slice(0, 1000),
          nextAttemptAt: retry.nextAttemptAt,
          ...(retry.countAttempt ? { attempts: { increment: 1 } } : {}),
        },
      });
    },
    closeGroup: async (groupKey, owner, reason, at) => {
      await prisma.reminder.updateMany({
        where: { groupKey, claimedBy: owner, sentAt: null, closedAt: null },
        data: { closedAt: at, lastError: reason.slice(0, 1000), attempts: { increment: 1 } },
      });
    },
    listInDoubt: async (claimedBefore, limit) => {
      const rows = await prisma.reminder.findMany({
        where: { groupKey: { not: null }, sentAt: null, closedAt: null, claimedAt: { lt: claimedBefore } },
        distinct: ["groupKey"],
        orderBy: [{ groupKey: "asc" }, { createdAt: "asc" }, { idempotencyKey: "asc" }],
        take: limit,
        select: {
          groupKey: true,
          kind: true,
          recipientId: true,
          claimedBy: true,
          claimedAt: true,
          payload: true,
        },
      });
      return rows
        .flatMap(({ groupKey, claimedAt, claimedBy, ...row }) =>
          groupKey === null || claimedAt === null
            ? []
            : [{ ...row, groupKey, claimedAt, claimedBy: claimedBy ?? "" }],
        )
        .sort((a, b) => a.claimedAt.getTime() - b.claimedAt.getTime());
    },
    settleInDoubt: async (group, found, at) => {
      const where = {
        groupKey: group.groupKey,
        claimedBy: group.claimedBy,
        claimedAt: group.claimedAt,
        sentAt: null,
        closedAt: null,
      };
      const { count } = await prisma.reminder.updateMany({
        where,
        data:
          found === null
            ? {
                claimedAt: null,
                claimedBy: null,
                nextAttemptAt: at,
                reconciledAt: at,
                reconciled: "resent",
                lastError:
                  "in doubt after its sender stopped: no message with its key in Slack, so sent again",
              }
            : {
                sentAt: at,
                chatChannel: found.channel,
                chatTs: found.ts,
                reconciledAt: at,
                reconciled: "found",
                lastError: null,
              },
      });
      return count > 0;
    },
    nextAttemptAt: async () => {
      // ordered by the whole pending index (see claimNextGroup): one index entry read, not every pending row sorted
      const row = await prisma.reminder.findFirst({
        where: { groupKey: { not: null }, nextAttemptAt: { lt: HELD_UNTIL }, ...pending },
        orderBy: [{ sentAt: "asc" }, { closedAt: "asc" }, { claimedAt: "asc" }, { nextAttemptAt: "asc" }],
        select: { nextAttemptAt: true },
      });
      return row?.nextAttemptAt ?? null;
    },
    countOutbox: async () => {
      const scheduled = { groupKey: { not: null } };
      const [pendingCount, inDoubt, sent, closed, reconciledFound, reconciledResent] = await Promise.all([
        prisma.reminder.count({ where: { ...scheduled, ...pending } }),
        prisma.reminder.count({
          where: { ...scheduled, sentAt: null, closedAt: null, claimedAt: { not: null } },
        }),
        prisma.reminder.count({ where: { ...scheduled, sentAt: { not: null } } }),
        prisma.reminder.count({ where: { ...scheduled, closedAt: { not: null } } }),
        prisma.reminder.count({ where: { ...scheduled, reconciled: "found" } }),
        prisma.reminder.count({ where: { ...scheduled, reconciled: "resent" } }),
      ]);
      return { pending: pendingCount, inDoubt, sent, closed, reconciledFound, reconciledResent };
    },
  };
}
