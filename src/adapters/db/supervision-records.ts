import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type {
  MeasureInfo,
  Person,
  ProgressReportRecord,
  TaskRecord,
} from "../../domain/supervision/supervision-types.ts";
import type { Prisma } from "./generated/client.ts";

/** The Person columns and contact departments every person query selects. */
export const PERSON_INCLUDE = {
  contacts: { select: { departmentId: true }, orderBy: { createdAt: "asc" } },
} as const;
type PersonRow = Prisma.PersonGetPayload<{ include: typeof PERSON_INCLUDE }>;

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    platform: row.platform,
    externalId: row.externalId,
    displayName: row.displayName,
    email: row.email,
    locale: row.locale,
    role: row.role,
    departmentIds: row.contacts.map((contact) => contact.departmentId),
  };
}

type MeasureRow = Prisma.MeasureGetPayload<{ include: { section: true } }>;

export function toMeasure(row: MeasureRow): MeasureInfo {
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    title: row.title,
    section: row.section === null ? null : { label: row.section.label, title: row.section.title },
  };
}

/** What every task query includes. */
export const TASK_INCLUDE = {
  measure: { include: { section: true } },
  department: { select: { id: true, name: true } },
} as const;
/** Added to TASK_INCLUDE for each task's latest report that is not withdrawn. */
export const LAST_REPORT_INCLUDE = {
  reports: {
    where: { withdrawnAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    include: { author: { select: { displayName: true } } },
  },
} as const;

/** A task row as loaded with TASK_INCLUDE (`reports` only with LAST_REPORT_INCLUDE). */
export type TaskRow = Prisma.TaskGetPayload<{ include: typeof TASK_INCLUDE }> &
  Partial<Prisma.TaskGetPayload<{ include: typeof LAST_REPORT_INCLUDE }>>;

/** The Task columns a TaskRecord is made of (the measure, department and latest report come separately). */
export type TaskColumns = Pick<
  TaskRecord,
  "id" | "isPrimary" | "status" | "percent" | "lastReportAt" | "approvedAt"
> & { createdAt: Date; county?: string | null };

/**
 * A TaskRecord from its columns, built field by field around the given measure and department objects (no
 * copies): a reminder round over a large plan shares one measure and one department object across tasks.
 */
export function taskRecord(
  row: TaskColumns,
  measure: MeasureInfo,
  department: TaskRecord["department"],
  lastReport: TaskRecord["lastReport"],
): TaskRecord {
  return {
    id: row.id,
    measure,
    department,
    isPrimary: row.isPrimary,
    status: row.status,
    percent: row.percent,
    lastReportAt: row.lastReportAt,
    approvedAt: row.approvedAt,
    trackedSince: row.createdAt,
    lastReport,
    ...(typeof row.county === "string" ? { county: row.county } : {}),
  };
}

export function toTask(row: TaskRow): TaskRecord {
  const last = row.reports?.[0];
  return taskRecord(
    row,
    toMeasure(row.measure),
    row.department,
    last === undefined
      ? null
      : {
          id: last.id,
          authorName: last.author.displayName,
          status: last.status,
          percent: last.percent,
          done: last.done,
          blocker: last.blocker,
          createdAt: last.createdAt,
        },
  );
}

/** What every report query includes: its evidence files, in the order they were kept. */
export const REPORT_INCLUDE = {
  evidenceFiles: { orderBy: [{ addedAt: "asc" as const }, { fileId: "asc" as const }] },
};
type ReportRow = Prisma.ProgressReportGetPayload<{ include: typeof REPORT_INCLUDE }>;

export function toReport({ evidenceFiles, ...row }: ReportRow): ProgressReportRecord {
  return {
    ...row,
    evidenceFiles: evidenceFiles.map(({ fileId, name, filetype, mimetype, permalink }) => ({
      fileId,
      name,
      filetype,
      mimetype,
      permalink,
    })),
  };
}

/** An AuditEvent row; `before` / `after` stored as JSON (undefined fields dropped). */
export function auditData(entry: AuditEntry): Prisma.AuditEventCreateManyInput {
  const json = (value: unknown) =>
    value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
  return {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: json(entry.before),
    after: json(entry.after),
  };
}
