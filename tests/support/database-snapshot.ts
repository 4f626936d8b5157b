import type { PrismaClient } from "../../src/adapters/db/generated/client.ts";

/** Everything a refused action must leave as it was: tasks, reports, reminders, contacts, people, audit. */
export async function snapshotSupervision(prisma: PrismaClient) {
  const [tasks, reports, reminders, contacts, people, audit] = await Promise.all([
    prisma.task.findMany({
      select: { id: true, status: true, percent: true, lastReportAt: true, approvedAt: true },
      orderBy: { id: "asc" },
    }),
    prisma.progressReport.findMany({ orderBy: { id: "asc" } }),
    prisma.reminder.count(),
    prisma.contact.count(),
    prisma.person.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count(),
  ]);
  return { tasks, reports, reminders, contacts, people, audit };
}
