import type { AssessmentStore } from "../../domain/ports/assessment.ts";
import type { PrismaClient } from "./generated/client.ts";
import { REPORT_INCLUDE, toReport } from "./supervision-records.ts";

const TASK_SELECT = {
  id: true,
  county: true,
  status: true,
  percent: true,
  lastReportAt: true,
  approvedAt: true,
  createdAt: true,
  department: { select: { id: true, name: true } },
  measure: {
    select: { number: true, label: true, title: true, section: { select: { label: true, title: true } } },
  },
} as const;

/** AssessmentStore on Prisma: read-only queries over tasks, reports, reminders and the audit log. */
export function createPrismaAssessmentStore(prisma: PrismaClient): AssessmentStore {
  return {
    readSupervisionHistory: async (planId) => {
      const plan = await prisma.plan.findUniqueOrThrow({
        where: { id: planId },
        select: { workflowFile: true },
      });
      const active = { archivedAt: null, measure: { planId, archivedAt: null } };
      const [tasks, reports, reminders] = await Promise.all([
        prisma.task.findMany({ where: active, select: TASK_SELECT }),
        prisma.progressReport.findMany({
          where: { task: active },
          include: { author: { select: { displayName: true } }, ...REPORT_INCLUDE },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
        prisma.reminder.findMany({
          where: { task: active },
          include: { recipient: { select: { displayName: true } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
      ]);
      return {
        workflowFile: plan.workflowFile,
        history: {
          tasks: tasks
            .map(({ county, createdAt, ...task }) => ({
              ...task,
              county: county === null ? null : { id: county, name: county },
              trackedSince: createdAt,
            }))
            .sort(
              (a, b) =>
                a.measure.number - b.measure.number ||
                (a.county?.id ?? "").localeCompare(b.county?.id ?? "") ||
                a.department.name.localeCompare(b.department.name, "zh-CN"),
            ),
          reports: reports.map(({ author, ...report }) => ({
            ...toReport(report),
            authorName: author.displayName,
          })),
          reminders: reminders.map(({ recipient, ...reminder }) => ({
            id: reminder.id,
            taskId: reminder.taskId,
            kind: reminder.kind,
            slot: reminder.slot,
            recipientName: recipient?.displayName ?? null,
            createdAt: reminder.createdAt,
            sentAt: reminder.sentAt,
            lastError: reminder.lastError,
          })),
        },
      };
    },
    readAuditChainHead: async () => {
      const [events, head] = await Promise.all([
        prisma.auditEvent.count(),
        prisma.auditEvent.findFirst({
          where: { hash: { not: null } },
          orderBy: { id: "desc" },
          select: { hash: true },
        }),
      ]);
      return { events, hash: head?.hash ?? null };
    },
  };
}
