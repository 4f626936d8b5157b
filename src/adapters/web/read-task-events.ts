import type { PrismaClient } from "../db/generated/client.ts";
import type { WebTaskEvent } from "./web-pages.ts";

/** How many reminders and audit events a measure page lists. */
const EVENT_LIMIT = 200;

/**
 * The reminders and urges sent about the tasks (Reminder rows with a send time) and their approvals and
 * returns (the audit log), newest first.
 */
export async function readTaskEvents(
  prisma: PrismaClient,
  tasks: ReadonlyArray<{ taskId: string; departmentName: string }>,
): Promise<WebTaskEvent[]> {
  const departmentOf = new Map(tasks.map((task) => [task.taskId, task.departmentName]));
  const taskIds = [...departmentOf.keys()];
  if (taskIds.length === 0) return [];
  const [reminders, audits] = await Promise.all([
    prisma.reminder.findMany({
      where: { taskId: { in: taskIds }, sentAt: { not: null } },
      orderBy: { sentAt: "desc" },
      take: EVENT_LIMIT,
      select: { taskId: true, kind: true, sentAt: true, recipient: { select: { displayName: true } } },
    }),
    prisma.auditEvent.findMany({
      where: {
        subjectType: "task",
        subjectId: { in: taskIds },
        action: { in: ["task.approve", "task.return"] },
      },
      orderBy: { at: "desc" },
      take: EVENT_LIMIT,
      select: { subjectId: true, action: true, at: true, after: true },
    }),
  ]);
  const events: WebTaskEvent[] = [
    ...reminders.map((r) => ({
      at: r.sentAt as Date,
      departmentName: departmentOf.get(r.taskId ?? "") ?? "",
      kind: r.kind === "urge" ? "urge" : `reminder:${r.kind}`,
      detail: r.recipient?.displayName ?? null,
    })),
    ...audits.map((a) => {
      const after = (a.after ?? {}) as { reason?: unknown };
      return {
        at: a.at,
        departmentName: departmentOf.get(a.subjectId) ?? "",
        kind: a.action,
        detail: typeof after.reason === "string" ? after.reason : null,
      };
    }),
  ];
  return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, EVENT_LIMIT);
}
