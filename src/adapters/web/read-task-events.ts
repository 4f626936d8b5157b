import type { PrismaClient } from "../db/generated/client.ts";
import type { WebTaskEvent } from "./web-pages.ts";

/** The audit actions a task's record shows beside its reports and messages. */
const RECORD_ACTIONS = ["task.approve", "task.return"];

const sentAbout = (taskIds: readonly string[]) => ({ taskId: { in: [...taskIds] }, sentAt: { not: null } });
const auditedAbout = (taskIds: readonly string[]) => ({
  subjectType: "task",
  subjectId: { in: [...taskIds] },
  action: { in: RECORD_ACTIONS },
});

/** How many events the tasks' record holds (readTaskEvents without a limit would list them all). */
export async function countTaskEvents(prisma: PrismaClient, taskIds: readonly string[]): Promise<number> {
  if (taskIds.length === 0) return 0;
  const [reminders, audits] = await Promise.all([
    prisma.reminder.count({ where: sentAbout(taskIds) }),
    prisma.auditEvent.count({ where: auditedAbout(taskIds) }),
  ]);
  return reminders + audits;
}

/**
 * The messages sent about the tasks — reminders, escalations (督办), urges (催办), approval requests and results
 * (Reminder rows with a send time) — and their approvals and returns (the audit log): the newest `limit`, newest
 * first.
 */
export async function readTaskEvents(
  prisma: PrismaClient,
  tasks: ReadonlyArray<{ taskId: string; departmentName: string }>,
  limit: number,
): Promise<WebTaskEvent[]> {
  const departmentOf = new Map(tasks.map((task) => [task.taskId, task.departmentName]));
  const taskIds = [...departmentOf.keys()];
  if (taskIds.length === 0 || limit <= 0) return [];
  const [reminders, audits] = await Promise.all([
    prisma.reminder.findMany({
      where: sentAbout(taskIds),
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { taskId: true, kind: true, sentAt: true, recipient: { select: { displayName: true } } },
    }),
    prisma.auditEvent.findMany({
      where: auditedAbout(taskIds),
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit,
      select: { subjectId: true, action: true, at: true, after: true },
    }),
  ]);
  const events: WebTaskEvent[] = [
    ...reminders.map((r) => ({
      at: r.sentAt as Date,
      departmentName: departmentOf.get(r.taskId ?? "") ?? "",
      kind: r.kind,
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
  return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
