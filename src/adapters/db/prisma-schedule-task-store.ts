import type { ScheduleTaskStore } from "../../domain/ports/schedule-store.ts";
import type { MeasureInfo, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";
import { PERSON_INCLUDE, type TaskColumns, taskRecord, toMeasure, toPerson } from "./supervision-records.ts";

const COLUMNS = Prisma.sql`"id", "measureId", "departmentId", "isPrimary", "status"::text AS "status", "percent",
  "lastReportAt", "approvedAt", "createdAt"`;

type TaskRow = TaskColumns & { measureId: string; departmentId: string };

/**
 * ScheduleTaskStore on Prisma. Tasks are read one batch at a time (keyset pagination by measure and department) as bare
 * columns; their measures and department names are read once per pass and joined here, so a plan of any
 * size costs one small query per batch and memory for one batch.
 */
export function createPrismaScheduleTaskStore(prisma: PrismaClient): ScheduleTaskStore {
  return {
    async *taskBatches(planId, batchSize) {
      const measures = new Map<string, MeasureInfo>(
        (
          await prisma.measure.findMany({ where: { planId, archivedAt: null }, include: { section: true } })
        ).map((row) => [row.id, toMeasure(row)]),
      );
      const departments = new Map<string, { id: string; name: string }>();
      const measureIds = [...measures.keys()];
      let after: { measureId: string; departmentId: string } | null = null;
      for (;;) {
        // Keyset pagination on the unique (measureId, departmentId) index: each batch is one index range scan.
        const rows: TaskRow[] =
          after === null
            ? await prisma.$queryRaw`
                SELECT ${COLUMNS} FROM "Task"
                WHERE "archivedAt" IS NULL AND "measureId" = ANY(${measureIds}::uuid[])
                ORDER BY "measureId", "departmentId" LIMIT ${batchSize}`
            : await prisma.$queryRaw`
                SELECT ${COLUMNS} FROM "Task"
                WHERE "archivedAt" IS NULL AND "measureId" = ANY(${measureIds}::uuid[])
                  AND ("measureId", "departmentId") > (${after.measureId}::uuid, ${after.departmentId})
                ORDER BY "measureId", "departmentId" LIMIT ${batchSize}`;
        if (rows.length === 0) return;
        const unnamed = [...new Set(rows.map((row) => row.departmentId))].filter(
          (id) => !departments.has(id),
        );
        if (unnamed.length > 0) {
          const named = await prisma.department.findMany({
            where: { id: { in: unnamed } },
            select: { id: true, name: true },
          });
          for (const department of named) departments.set(department.id, department);
        }
        // Built field by field (taskRecord), sharing one measure and one department object across tasks: a
        // round over a large plan allocates little per task.
        const tasks: TaskRecord[] = [];
        for (const row of rows) {
          const measure = measures.get(row.measureId);
          if (measure === undefined) continue;
          let department = departments.get(row.departmentId);
          if (department === undefined) {
            department = { id: row.departmentId, name: row.departmentId };
            departments.set(row.departmentId, department);
          }
          tasks.push(taskRecord(row, measure, department, null));
        }
        yield tasks;
        const last = rows[rows.length - 1];
        if (rows.length < batchSize || last === undefined) return;
        after = { measureId: last.measureId, departmentId: last.departmentId };
      }
    },
    listDepartmentContacts: async (departmentIds) => {
      if (departmentIds.length === 0) return [];
      const rows = await prisma.contact.findMany({
        where: { departmentId: { in: [...departmentIds] } },
        include: { person: { include: PERSON_INCLUDE } },
        orderBy: [{ isLead: "desc" }, { createdAt: "asc" }],
      });
      return rows.map((row) => ({
        departmentId: row.departmentId,
        person: toPerson(row.person),
        isLead: row.isLead,
      }));
    },
  };
}
