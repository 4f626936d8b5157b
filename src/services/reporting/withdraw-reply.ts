import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { taskTitle } from "../../domain/messages/build-task-item.ts";
import type { TaskReportUpdate } from "../../domain/ports/supervision-store.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { ChatUser, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { findTask } from "../tasks/find-task.ts";

/** A deleted chat message (Slack: message_deleted); `user` is who wrote it. */
export interface DeletedReply {
  user: ChatUser;
  channel: string;
  ts: string;
}

/** The task as the remaining reports leave it: the previous report's status, or not started. */
async function taskAfterWithdrawal(
  deps: Pick<SupervisionDeps, "store">,
  task: TaskRecord,
  reportId: string,
): Promise<TaskReportUpdate | null> {
  const [latest, previous] = await deps.store.listReports([task.id], { limit: 2 });
  if (latest?.id !== reportId || task.status === "DONE") return null;
  if (previous === undefined)
    return { taskId: task.id, status: "NOT_STARTED", percent: 0, lastReportAt: null };
  return {
    taskId: task.id,
    status: previous.status,
    percent: previous.percent ?? 0,
    lastReportAt: previous.createdAt,
  };
}

/**
 * A deleted reply withdraws the report it made (withdrawnAt, audited): it no longer counts, and when it
 * was the task's latest report the task goes back to what the report before it said. Messages that made
 * no report are ignored.
 */
export async function withdrawReply(deps: SupervisionDeps, deletion: DeletedReply): Promise<CoreOutcome> {
  const report = await deps.store.findReportByMessage(deletion.channel, deletion.ts);
  if (report === null || report.withdrawnAt !== null) return outcome([]);
  const person = await identifyPerson(deps, deletion.user);
  if (person.id !== report.authorId && !isSupervisor(person)) return outcome([]);
  return withRefusals(person, async () => {
    const task = await findTask(deps, person, report.taskId);
    const taskUpdate = await taskAfterWithdrawal(deps, task, report.id);
    const now = deps.clock.now();
    await deps.store.withdrawReport(report.id, now, taskUpdate, {
      actor: person.id,
      action: "report.withdraw",
      subjectType: "report",
      subjectId: report.id,
      before: { withdrawnAt: null, task: { status: task.status, percent: task.percent } },
      after: { withdrawnAt: now, task: taskUpdate },
      at: now,
    });
    const locale = localeOf(person.locale);
    const title = taskTitle(task);
    return outcome([
      buildNoticeMessage(locale, "info", [
        pick(locale, { zh: `已撤回进展：${title}`, en: `Report withdrawn: ${title}` }),
      ]),
    ]);
  });
}
