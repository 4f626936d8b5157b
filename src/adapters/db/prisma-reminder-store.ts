import type { ReminderStore } from "../../domain/ports/supervision-store.ts";
import { appendAuditEvents } from "./append-audit-event.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";
import { auditData } from "./supervision-records.ts";

/** ReminderStore on Prisma: Reminder rows are the outbox of direct messages. */
export function createPrismaReminderStore(prisma: PrismaClient): ReminderStore {
  return {
    createReminders: (rows, audits, claim) =>
      prisma.$transaction(async (tx) => {
        const claimed = claim === undefined ? {} : { claimedAt: claim.at, claimedBy: claim.owner };
        const created = await tx.reminder.createManyAndReturn({
          data: rows.map((row) => ({
            ...row,
            ...claimed,
            payload: JSON.parse(JSON.stringify(row.payload)) as Prisma.InputJsonValue,
          })),
          skipDuplicates: true,
          select: { idempotencyKey: true },
        });
        if (audits.length > 0) await appendAuditEvents(tx, audits.map(auditData));
        return new Set(created.map((row) => row.idempotencyKey));
      }),
    markRemindersSent: async (keys, ref, at) => {
      await prisma.reminder.updateMany({
        where: { idempotencyKey: { in: [...keys] } },
        data: {
          sentAt: at,
          chatChannel: ref.channel,
          chatTs: ref.ts,
          attempts: { increment: 1 },
          lastError: null,
        },
      });
    },
    markRemindersFailed: async (keys, error, retry) => {
      await prisma.reminder.updateMany({
        where: { idempotencyKey: { in: [...keys] }, sentAt: null, closedAt: null },
        data: {
          lastError: error.slice(0, 1000),
          nextAttemptAt: retry.nextAttemptAt,
          claimedAt: null,
          claimedBy: null,
          ...(retry.countAttempt ? { attempts: { increment: 1 } } : {}),
        },
      });
    },
    findTaskIdsOfMessage: async (chatChannel, chatTs) => {
      const rows = await prisma.reminder.findMany({
        where: { chatChannel, chatTs, taskId: { not: null } },
        select: { taskId: true },
        distinct: ["taskId"],
      });
      return rows.flatMap((row) => (row.taskId === null ? [] : [row.taskId]));
    },
    recordPostedDigest: async ({ planId, payload, ref, at }) => {
      const key = `posted:${ref.channel}:${ref.ts}@${planId}`; // one row per post, whatever the clock says
      await prisma.reminder.createMany({
        data: [
          {
            kind: "digest",
            slot: key,
            idempotencyKey: key,
            payload: JSON.parse(JSON.stringify(payload)) as Prisma.InputJsonValue,
            attempts: 1,
            createdAt: at,
            nextAttemptAt: at,
            sentAt: at,
            chatChannel: ref.channel,
            chatTs: ref.ts,
          },
        ],
        skipDuplicates: true,
      });
    },
  };
}
