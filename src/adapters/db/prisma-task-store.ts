import type { TaskQuery, TaskStore } from "../../domain/ports/task-store.ts";
import type { TaskRecord } from "../../domain/supervision/supervision-types.ts";
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

function byMeasureThenLead(a: TaskRecord, b: TaskRecord): number {
  return (
    a.measure.number - b.measure.number ||
    Number(b.isPrimary) - Number(a.isPrimary) ||
    a.department.name.localeCompare(b.department.name, "zh-CN")
  );
}

/** TaskStore on Prisma. */
export function createPrismaTaskStore(prisma: PrismaClient): TaskStore {
  return {
    listTasks: async (query) => {
      const where = taskWhere(query);
      const rows = query.withLastReport
        ? await prisma.task.findMany({ where, include: { ...TASK_INCLUDE, ...LAST_REPORT_INCLUDE } })
        : await prisma.task.findMany({ where, include: TASK_INCLUDE });
      return rows.map(toTask).sort(byMeasureThenLead);
    },
    changeTaskStatus: (taskId, change, expected, audit) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
          where: { id: taskId, status: { in: [...expected] } },
          data: change,
        });
        if (count === 0) return false;
        await tx.auditEvent.create({ data: auditData(audit) });
        return true;
      }),
  };
}
