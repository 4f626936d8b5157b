import type { EvidenceFile } from "../../domain/evidence/report-evidence.ts";
import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type {
  NewProgressReport,
  ReportStore,
  TaskReportUpdate,
} from "../../domain/ports/supervision-store.ts";
import type { ProgressReportRecord } from "../../domain/supervision/supervision-types.ts";
import { appendAuditEvent, appendAuditEventSql } from "./append-audit-event.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";
import { isUniqueViolation } from "./is-unique-violation.ts";
import { auditData, REPORT_INCLUDE, toReport } from "./supervision-records.ts";

type Tx = Prisma.TransactionClient;

/** EvidenceFile rows for a report; a file it already keeps is skipped (unique report and file id). */
async function keepEvidenceFiles(
  tx: Tx,
  reportId: string,
  files: readonly EvidenceFile[],
  addedAt: Date,
): Promise<void> {
  if (files.length === 0) return;
  await tx.evidenceFile.createMany({
    data: files.map((file) => ({ reportId, addedAt, ...file })),
    skipDuplicates: true,
  });
}

/**
 * The data-modifying CTE that keeps a new report's evidence files, in the report's own statement (nothing when
 * it has none, so a plain reply's statement is unchanged). The files arrive as one jsonb parameter.
 */
function evidenceFilesCte(report: NewProgressReport): Prisma.Sql {
  if (report.evidenceFiles.length === 0) return Prisma.empty;
  const files = JSON.stringify(report.evidenceFiles);
  return Prisma.sql`, files AS (
      INSERT INTO "EvidenceFile" ("id", "reportId", "fileId", "name", "filetype", "mimetype", "permalink", "addedAt")
      SELECT gen_random_uuid(), CAST(${report.id} AS uuid), f."fileId", f."name", f."filetype", f."mimetype",
        f."permalink", ${report.createdAt}
      FROM report, jsonb_to_recordset(CAST(${files} AS jsonb))
        AS f("fileId" text, "name" text, "filetype" text, "mimetype" text, "permalink" text)
      ON CONFLICT DO NOTHING
      RETURNING 1 AS "one"
    )`;
}

async function writeTaskAndAudit(tx: Tx, task: TaskReportUpdate | null, audit: AuditEntry): Promise<void> {
  if (task !== null) {
    const { taskId, ...data } = task;
    await tx.task.update({ where: { id: taskId }, data: { ...data, approvedAt: null, approvedById: null } });
  }
  await appendAuditEvent(tx, auditData(audit));
}

/**
 * saveReport in one statement, so one round trip and no interactive transaction (whose overhead was most of
 * the reply path's time): the report inserted, its task updated (as writeTaskAndAudit does, `updatedAt` set as
 * Prisma's @updatedAt would), then the audit event appended by duban_append_audit_event. The audit CTE reads
 * both, so it runs after them: the task's row lock is taken before the chain's advisory lock, in the same order
 * as every other write. A statement is atomic: a duplicate chatEventId (unique violation) writes nothing.
 */
async function insertReport(
  prisma: PrismaClient,
  report: NewProgressReport,
  task: TaskReportUpdate,
  audit: AuditEntry,
): Promise<ProgressReportRecord> {
  const r = report;
  const [written] = await prisma.$queryRaw<{ reports: number; tasks: number; events: number }[]>`
    WITH report AS (
      INSERT INTO "ProgressReport" ("id", "taskId", "authorId", "status", "percent", "done", "nextSteps",
        "blocker", "evidence", "rawText", "source", "chatChannel", "chatTs", "chatEventId", "createdAt")
      VALUES (CAST(${r.id} AS uuid), CAST(${r.taskId} AS uuid), CAST(${r.authorId} AS uuid),
        CAST(${r.status} AS "TaskStatus"), ${r.percent}, ${r.done}, ${r.nextSteps}, ${r.blocker},
        CAST(${r.evidence} AS text[]), ${r.rawText}, CAST(${r.source} AS "ReportSource"), ${r.chatChannel},
        ${r.chatTs}, ${r.chatEventId}, ${r.createdAt})
      RETURNING 1 AS "one"
    ), task AS (
      UPDATE "Task" SET "status" = CAST(${task.status} AS "TaskStatus"), "percent" = ${task.percent},
        "lastReportAt" = ${task.lastReportAt}, "approvedAt" = NULL, "approvedById" = NULL, "updatedAt" = ${new Date()}
      WHERE "id" = CAST(${task.taskId} AS uuid)
      RETURNING 1 AS "one"
    )${evidenceFilesCte(report)}, event AS (
      SELECT ${appendAuditEventSql(auditData(audit))} AS "hash" FROM report, task
    )
    SELECT (SELECT count(*) FROM report)::int AS "reports", (SELECT count(*) FROM task)::int AS "tasks",
      (SELECT count(*) FROM event)::int AS "events"`;
  if (written?.reports !== 1 || written.tasks !== 1 || written.events !== 1)
    throw new Error(`saveReport: expected one report, task and audit event written for task ${task.taskId}`);
  return {
    ...report,
    evidence: [...report.evidence],
    evidenceFiles: report.evidenceFiles.map((file) => ({ ...file })),
    editedAt: null,
    withdrawnAt: null,
  };
}

/** ReportStore on Prisma. */
export function createPrismaReportStore(prisma: PrismaClient): ReportStore {
  const findByEventId = async (chatEventId: string) =>
    toReport(
      await prisma.progressReport.findUniqueOrThrow({ where: { chatEventId }, include: REPORT_INCLUDE }),
    );
  return {
    saveReport: async (report, task, audit) => {
      try {
        return { report: await insertReport(prisma, report, task, audit), duplicate: false };
      } catch (error) {
        if (report.chatEventId === null || !isUniqueViolation(error, "chatEventId")) throw error;
        return { report: await findByEventId(report.chatEventId), duplicate: true };
      }
    },
    findReport: async (id) => {
      const row = await prisma.progressReport.findUnique({ where: { id }, include: REPORT_INCLUDE });
      return row === null ? null : toReport(row);
    },
    findReportByMessage: async (chatChannel, chatTs) => {
      const row = await prisma.progressReport.findFirst({
        where: { chatChannel, chatTs },
        orderBy: { createdAt: "desc" },
        include: REPORT_INCLUDE,
      });
      return row === null ? null : toReport(row);
    },
    reviseReport: (id, { evidenceFiles, ...revision }, task, audit) =>
      prisma.$transaction(async (tx) => {
        await tx.progressReport.update({ where: { id }, data: revision });
        await keepEvidenceFiles(tx, id, evidenceFiles, revision.editedAt);
        await writeTaskAndAudit(tx, task, audit);
      }),
    withdrawReport: (id, at, task, audit) =>
      prisma.$transaction(async (tx) => {
        await tx.progressReport.update({ where: { id }, data: { withdrawnAt: at } });
        await writeTaskAndAudit(tx, task, audit);
      }),
    addEvidenceFiles: (id, files, at, audit) =>
      prisma.$transaction(async (tx) => {
        await keepEvidenceFiles(tx, id, files, at);
        await appendAuditEvent(tx, auditData(audit));
      }),
    findReports: async (ids) => {
      if (ids.length === 0) return [];
      const rows = await prisma.progressReport.findMany({
        where: { id: { in: [...ids] } },
        include: REPORT_INCLUDE,
      });
      return rows.map(toReport);
    },
    listReports: async (taskIds, { limit, includeWithdrawn }) => {
      const rows = await prisma.progressReport.findMany({
        where: { taskId: { in: [...taskIds] }, ...(includeWithdrawn ? {} : { withdrawnAt: null }) },
        include: { author: { select: { displayName: true } }, ...REPORT_INCLUDE },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit,
      });
      return rows.map(({ author, ...row }) => ({ ...toReport(row), authorName: author.displayName }));
    },
  };
}
