import type { SnoozeStore } from "../../domain/ports/schedule-store.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import type { PrismaClient } from "./generated/client.ts";
import { auditData } from "./supervision-records.ts";

/** SnoozeStore on Prisma: unique (plan, person, cycle) makes "once per cycle" hold across processes. */
export function createPrismaSnoozeStore(prisma: PrismaClient): SnoozeStore {
  return {
    createSnooze: (snooze, audit) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.snooze.createManyAndReturn({ data: [snooze], skipDuplicates: true });
        const [row] = created;
        if (row === undefined) return null;
        await appendAuditEvent(tx, auditData({ ...audit, after: { ...snooze, snoozeId: row.id } }));
        return row;
      }),
    listSnoozes: (planId, cycleKey) => prisma.snooze.findMany({ where: { planId, cycleKey } }),
    listPendingSnoozes: (planId) =>
      prisma.snooze.findMany({ where: { planId, remindedAt: null }, orderBy: { untilAt: "asc" } }),
    markSnoozesReminded: async (ids, at) => {
      if (ids.length === 0) return;
      await prisma.snooze.updateMany({
        where: { id: { in: [...ids] }, remindedAt: null },
        data: { remindedAt: at },
      });
    },
  };
}
