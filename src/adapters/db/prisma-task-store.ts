import type {
  TaskQuery,
  TaskSliceQuery,
  TaskStore,
  TaskTally,
} from "../../domain/ports/supervision-store.ts";
import type { TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";
import {
  auditData,
  LAST_REPORT_INCLUDE,
  TASK_INCLUDE,
  type TaskRow,
  taskRecord,
  toTask,
} from "./supervision-records.ts";

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
    ...(query.listedBy === undefined
      ? {}
      : { reminders: { some: { chatChannel: query.listedBy.channel, chatTs: query.listedBy.ts } } }),
  };
}

/** One task row of listTasksJoined, its measure, section and department in columns. */
interface JoinedTaskRow {
  id: string;
  measureId: string;
  departmentId: string;
  county: string | null;
  isPrimary: boolean;
  status: TaskRow["status"];
  percent: number;
  lastReportAt: Date | null;
  approvedAt: Date | null;
  createdAt: Date;
  measureNumber: number;
  measureLabel: string;
  measureTitle: string;
  sectionLabel: string | null;
  sectionTitle: string | null;
  departmentName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sqlIn = (values: readonly (string | number)[]) =>
  Prisma.join(values.map((value) => Prisma.sql`${value}`));

/**
 * listTasks without the latest reports in one query (the reply path's hot read): the same filters as
 * taskWhere, the task joined with its measure, section and department instead of four queries.
 */
async function listTasksJoined(prisma: PrismaClient, query: TaskQuery): Promise<TaskRecord[]> {
  // a task id that is not a UUID names no task (and would fail the cast)
  const taskIds = query.taskIds?.filter((id) => UUID.test(id));
  const lists = [taskIds, query.departmentIds, query.measureNumbers];
  if (lists.some((list) => list !== undefined && list.length === 0)) return [];
  const filters: Prisma.Sql[] = [Prisma.sql`t."archivedAt" IS NULL`, Prisma.sql`m."archivedAt" IS NULL`];
  if (query.planId !== undefined) filters.push(Prisma.sql`m."planId" = ${query.planId}`);
  if (query.measureNumbers !== undefined)
    filters.push(Prisma.sql`m."number" IN (${sqlIn(query.measureNumbers)})`);
  if (taskIds !== undefined)
    filters.push(
      Prisma.sql`t."id" IN (${Prisma.join(taskIds.map((id) => Prisma.sql`CAST(${id} AS uuid)`))})`,
    );
  if (query.departmentIds !== undefined)
    filters.push(Prisma.sql`t."departmentId" IN (${sqlIn(query.departmentIds)})`);
  if (query.listedBy !== undefined)
    filters.push(
      Prisma.sql`t."id" IN (SELECT r."taskId" FROM "Reminder" r WHERE r."chatChannel" = ${query.listedBy.channel} AND r."chatTs" = ${query.listedBy.ts} AND r."taskId" IS NOT NULL)`,
    );
  const rows = await prisma.$queryRaw<JoinedTaskRow[]>`
    SELECT t."id"::text AS "id", t."measureId"::text AS "measureId", t."departmentId", t."county",
      t."isPrimary", t."status"::text AS "status", t."percent", t."lastReportAt", t."approvedAt",
      t."createdAt", m."number" AS "measureNumber", m."label" AS "measureLabel", m."title" AS "measureTitle",
      s."label" AS "sectionLabel", s."title" AS "sectionTitle", d."name" AS "departmentName"
    FROM "Task" t
      JOIN "Measure" m ON m."id" = t."measureId"
      JOIN "Department" d ON d."id" = t."departmentId"
      LEFT JOIN "Section" s ON s."id" = m."sectionId"
    WHERE ${Prisma.join(filters, " AND ")}`;
  const tasks = rows.map((row) => ({
    row,
    measure: { number: row.measureNumber },
    isPrimary: row.isPrimary,
    county: row.county,
    department: { name: row.departmentName },
  }));
  return tasks.sort(byMeasureThenLead).map(({ row }) => joinedTask(row));
}

function joinedTask(row: JoinedTaskRow): TaskRecord {
  const measure = {
    id: row.measureId,
    number: row.measureNumber,
    label: row.measureLabel,
    title: row.measureTitle,
    section:
      row.sectionLabel === null || row.sectionTitle === null
        ? null
        : { label: row.sectionLabel, title: row.sectionTitle },
  };
  return taskRecord(row, measure, { id: row.departmentId, name: row.departmentName }, null);
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

/** The WHERE of a slice (TaskSliceQuery) over "Task" t joined with "Measure" m; null when it holds no task. */
function sliceFilters(query: TaskSliceQuery): Prisma.Sql | null {
  if (query.departmentIds !== undefined && query.departmentIds.length === 0) return null;
  const filters: Prisma.Sql[] = [
    Prisma.sql`t."archivedAt" IS NULL`,
    Prisma.sql`m."archivedAt" IS NULL`,
    Prisma.sql`m."planId" = ${query.planId}`,
  ];
  if (query.departmentId !== undefined) filters.push(Prisma.sql`t."departmentId" = ${query.departmentId}`);
  if (query.county === null) filters.push(Prisma.sql`t."county" IS NULL`);
  else if (query.county !== undefined) filters.push(Prisma.sql`t."county" = ${query.county}`);
  if (query.departmentIds !== undefined)
    filters.push(Prisma.sql`t."departmentId" IN (${sqlIn(query.departmentIds)})`);
  return Prisma.join(filters, " AND ");
}

/** The plan-local day of a timestamp column, as PostgreSQL's time zone database has it. */
const dayOf = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`(${column} AT TIME ZONE ${timeZone})::date`;
/** A day no report is made on: stands for "no report" where days are compared. */
const NO_DAY = "0001-01-01";

/** The light key of a task row as one text, "STATUS|report day|tracked day" (no report: NO_DAY). */
const keyOf = (timeZone: string) =>
  Prisma.sql`t."status"::text || '|' || coalesce(${dayOf(Prisma.sql`t."lastReportAt"`, timeZone)}, DATE '0001-01-01')::text || '|' || ${dayOf(Prisma.sql`t."createdAt"`, timeZone)}::text`;

async function tallyTasks(prisma: PrismaClient, query: TaskSliceQuery): Promise<TaskTally[]> {
  const where = sliceFilters(query);
  if (where === null) return [];
  const reportDay = dayOf(Prisma.sql`t."lastReportAt"`, query.timeZone);
  const trackedDay = dayOf(Prisma.sql`t."createdAt"`, query.timeZone);
  return prisma.$queryRaw<TaskTally[]>`
    SELECT m."number" AS "measureNumber", g."status", g."reportDay"::text AS "reportDay",
      g."trackedDay"::text AS "trackedDay", g."lastReportAt", g."trackedSince", g."count"
    FROM (
      SELECT t."measureId", t."status"::text AS "status", ${reportDay} AS "reportDay", ${trackedDay} AS "trackedDay",
        min(t."lastReportAt") AS "lastReportAt", min(t."createdAt") AS "trackedSince", count(*)::int AS "count"
      FROM "Task" t JOIN "Measure" m ON m."id" = t."measureId"
      WHERE ${where}
      GROUP BY 1, 2, 3, 4
    ) g JOIN "Measure" m ON m."id" = g."measureId"`;
}

/** County ids in listTasks' order of counties. */
const countyOrder = (counties: readonly string[]) => [...counties].sort((a, b) => a.localeCompare(b));

async function listTaskCounties(prisma: PrismaClient, planId: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ county: string }>>`
    SELECT DISTINCT t."county" FROM "Task" t JOIN "Measure" m ON m."id" = t."measureId"
    WHERE t."archivedAt" IS NULL AND m."archivedAt" IS NULL AND m."planId" = ${planId} AND t."county" IS NOT NULL`;
  return countyOrder(rows.map((row) => row.county));
}

/**
 * One page in listTasks' order, sorted by PostgreSQL among the given measures' tasks only (the caller knows from
 * the tallies which measures a page spans): department names are ranked here with byMeasureThenLead's
 * collation (zh-CN), counties come ranked (listTaskCounties), and the ranks are sent with the query.
 */
async function pageTaskIds(
  prisma: PrismaClient,
  query: Parameters<TaskStore["pageTaskIds"]>[0],
): Promise<string[]> {
  const where = sliceFilters(query);
  if (where === null || query.keys?.length === 0 || query.measureNumbers.length === 0 || query.limit <= 0)
    return [];
  const departments = await prisma.department.findMany({ select: { id: true, name: true } });
  const collator = new Intl.Collator("zh-CN");
  const departmentOrder = departments.sort((a, b) => collator.compare(a.name, b.name)).map((d) => d.id);
  const keys =
    query.keys === null
      ? Prisma.empty
      : Prisma.sql`AND ${keyOf(query.timeZone)} = ANY(${query.keys.map((k) => `${k.status}|${k.reportDay ?? NO_DAY}|${k.trackedDay}`)}::text[])`;
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT t."id"::text AS "id"
    FROM "Task" t
      JOIN "Measure" m ON m."id" = t."measureId"
      JOIN unnest(${departmentOrder}::text[]) WITH ORDINALITY AS d("id", "rank") ON d."id" = t."departmentId"
      LEFT JOIN unnest(${[...query.counties]}::text[]) WITH ORDINALITY AS c("id", "rank") ON c."id" = t."county"
    WHERE ${where} AND m."number" IN (${sqlIn(query.measureNumbers)}) ${keys}
    ORDER BY m."number", t."isPrimary" DESC, c."rank" NULLS FIRST, d."rank"
    LIMIT ${query.limit} OFFSET ${query.offset}`;
  return rows.map((row) => row.id);
}

/** TaskStore on Prisma. */
export function createPrismaTaskStore(prisma: PrismaClient): TaskStore {
  return {
    listTasks: async (query) => {
      if (!query.withLastReport) return listTasksJoined(prisma, query);
      const where = taskWhere(query);
      const rows = await prisma.task.findMany({
        where,
        include: { ...TASK_INCLUDE, ...LAST_REPORT_INCLUDE },
      });
      return rows.sort(byMeasureThenLead).map(toTask);
    },
    tallyTasks: (query) => tallyTasks(prisma, query),
    pageTaskIds: (query) => pageTaskIds(prisma, query),
    listTaskCounties: (planId) => listTaskCounties(prisma, planId),
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
