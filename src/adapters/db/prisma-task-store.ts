import type { TaskQuery, TaskStore } from "../../domain/ports/task-store.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";
import { auditData, LAST_REPORT_INCLUDE, TASK_INCLUDE, toTask } from "./supervision-records.ts";

function taskWhere(query: TaskQuery): Prisma.TaskWhereInput {
  return {
    archivedAt: null,
    measure: {
      archivedAt: null,
      ...(query.planId === undefined ? {} : { planId: query.planId }),
      ...(query.measureNumbers === undefined ? {} : { number: { in: [...query.measureNumbers] } }),
    },
    ...(query.taskIds === undefined ? {} : { id: { in: [...query.taskIds] } }),
    ...(query.departmentIds === undefined ? {} : { departmentId: { in: [...query.departmentIds] } }),
  };
}

/** Measure number, primary lead first, city before counties, then by county and department name. */
function byMeasureThenLead(a: TaskSortKey, b: TaskSortKey): number {
  return (
    a.measure.number - b.measure.number ||
    Number(b.isPrimary) - Number(a.isPrimary) ||
    Number(a.county !== null) - Number(b.county !== null) ||
    (a.county ?? "").localeCompare(b.county ?? "") ||
    a.department.name.localeCompare(b.department.name, "zh-CN")
  );
}

type TaskSortKey = {
  measure: { number: number };
  isPrimary: boolean;
  county: string | null;
  department: { name: string };
};

/** TaskStore on Prisma. */
export function createPrismaTaskStore(prisma: PrismaClient): TaskStore {
  return {
    listTasks: async (query) => {
      const where = taskWhere(query);
      const rows = query.withLastReport
        ? await prisma.task.findMany({ where, include: { ...TASK_INCLUDE, ...LAST_REPORT_INCLUDE } })
        : await prisma.task.findMany({ where, include: TASK_INCLUDE });
      return rows.sort(byMeasureThenLead).map(toTask);
    },
    changeTaskStatus: (taskId, change, expected, audit) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: taskId, status: { in: [...expected] } },
          data: change,
        });
        if (count === 0) return false;
        await appendAuditEvent(tx, auditData(audit));
        return true;
      }),
  };
}
