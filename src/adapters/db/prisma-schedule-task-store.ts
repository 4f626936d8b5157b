import type { ScheduleTaskStore } from "../../domain/ports/schedule-store.ts";
import type { PrismaClient } from "./generated/client.ts";
import {
  LAST_REPORT_INCLUDE,
  PERSON_INCLUDE,
  TASK_INCLUDE,
  type TaskRow,
  toPerson,
  toTask,
} from "./supervision-records.ts";

/** ScheduleTaskStore on Prisma: tasks read in id order, one batch at a time (keyset pagination). */
export function createPrismaScheduleTaskStore(prisma: PrismaClient): ScheduleTaskStore {
  return {
    async *taskBatches(planId, batchSize) {
      let after: string | null = null;
      for (;;) {
        const rows: TaskRow[] = await prisma.task.findMany({
          where: {
            archivedAt: null,
            measure: { planId, archivedAt: null },
            ...(after === null ? {} : { id: { gt: after } }),
          },
          include: { ...TASK_INCLUDE, ...LAST_REPORT_INCLUDE },
          orderBy: { id: "asc" },
          take: batchSize,
        });
        if (rows.length === 0) return;
        yield rows.map(toTask);
        if (rows.length < batchSize) return;
        after = rows[rows.length - 1]?.id ?? null;
      }
    },
    listDepartmentContacts: async (departmentIds) => {
      if (departmentIds.length === 0) return [];
      const rows = await prisma.contact.findMany({
        where: { departmentId: { in: [...departmentIds] } },
        include: { person: { include: PERSON_INCLUDE } },
        orderBy: [{ isLead: "desc" }, { createdAt: "asc" }],
      });
      return rows.map((row) => ({ departmentId: row.departmentId, person: toPerson(row.person), isLead: row.isLead }));
    },
  };
}
