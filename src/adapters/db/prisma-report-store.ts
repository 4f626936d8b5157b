import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type { ReportStore, TaskReportUpdate } from "../../domain/ports/report-store.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";
import { isUniqueViolation } from "./is-unique-violation.ts";
import { auditData, toReport } from "./supervision-records.ts";

type Tx = Prisma.TransactionClient;

async function writeTaskAndAudit(tx: Tx, task: TaskReportUpdate | null, audit: AuditEntry): Promise<void> {
  if (task !== null) {
    const { taskId, ...data } = task;
    await tx.task.update({ where: { id: taskId }, data: { ...data, approvedAt: null, approvedById: null } });
  }
  await appendAuditEvent(tx, auditData(audit));
}

/** ReportStore on Prisma. */
export function createPrismaReportStore(prisma: PrismaClient): ReportStore {
  const findByEventId = async (chatEventId: string) =>
    toReport(await prisma.progressReport.findUniqueOrThrow({ where: { chatEventId } }));
  return {
    saveReport: async (report, task, audit) => {
      try {
        const row = await prisma.$transaction(async (tx) => {
          const created = await tx.progressReport.create({ data: report });
          await writeTaskAndAudit(tx, task, audit);
          return created;
        });
        return { report: toReport(row), duplicate: false };
      } catch (error) {
        if (report.chatEventId === null || !isUniqueViolation(error, "chatEventId")) throw error;
        return { report: await findByEventId(report.chatEventId), duplicate: true };
      }
    },
    findReport: async (id) => {
      const row = await prisma.progressReport.findUnique({ where: { id } });
      return row === null ? null : toReport(row);
    },
    findReportByMessage: async (chatChannel, chatTs) => {
      const row = await prisma.progressReport.findFirst({
        where: { chatChannel, chatTs },
        orderBy: { createdAt: "desc" },
      });
      return row === null ? null : toReport(row);
    },
    reviseReport: (id, revision, task, audit) =>
      prisma.$transaction(async (tx) => {
        await tx.progressReport.update({ where: { id }, data: revision });
        await writeTaskAndAudit(tx, task, audit);
      }),
    withdrawReport: (id, at, task, audit) =>
      prisma.$transaction(async (tx) => {
        await tx.progressReport.update({ where: { id }, data: { withdrawnAt: at } });
        await writeTaskAndAudit(tx, task, audit);
      }),
    listReports: async (taskIds, { limit, includeWithdrawn }) => {
      const rows = await prisma.progressReport.findMany({
        where: { taskId: { in: [...taskIds] }, ...(includeWithdrawn ? {} : { withdrawnAt: null }) },
        include: { author: { select: { displayName: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit,
      });
      return rows.map(({ author, ...row }) => ({ ...toReport(row), authorName: author.displayName }));
    },
  };
}
