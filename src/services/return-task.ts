import { buildNoticeMessage } from "../domain/messages/build-notice-message.ts";
import { taskTitle } from "../domain/messages/build-task-item.ts";
import { localeOf, pick } from "../domain/supervision/locale.ts";
import type { ChatUser, Person, TaskRecord } from "../domain/supervision/supervision-types.ts";
import { checkAwaitingApproval } from "./approve-task.ts";
import { type CoreOutcome, outcome } from "./core-outcome.ts";
import { describeDeliveries } from "./describe-deliveries.ts";
import { findTask } from "./find-task.ts";
import { identifyPerson } from "./identify-person.ts";
import { notifyApprovalResult } from "./notify-department.ts";
import { refuse, requireSupervisor } from "./refuse.ts";
import type { SupervisionDeps } from "./supervision-deps.ts";
import { withRefusals } from "./with-refusals.ts";

/** 退回 (supervisors): a task reported 已完成 goes back to 推进中, audited; its contacts are told the reason. */
export async function returnTask(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  person: Person,
  task: TaskRecord,
  reason: string | null,
): Promise<CoreOutcome> {
  requireSupervisor(person, { zh: "退回任务", en: "return tasks" });
  checkAwaitingApproval(person, task);
  const now = deps.clock.now();
  const change = {
    status: "IN_PROGRESS" as const,
    percent: task.percent,
    approvedAt: null,
    approvedById: null,
  };
  const changed = await deps.store.changeTaskStatus(task.id, change, ["AWAITING_APPROVAL"], {
    actor: person.id,
    action: "task.return",
    subjectType: "task",
    subjectId: task.id,
    before: { status: task.status, percent: task.percent },
    after: { ...change, reason },
    at: now,
  });
  if (!changed)
    refuse(person, "changed-meanwhile", {
      zh: "该任务刚被他人处理过，请刷新后再试。",
      en: "Someone else just changed this task; look again.",
    });
  const deliveries = await notifyApprovalResult(deps, person, task, { outcome: "returned", reason });
  const locale = localeOf(person.locale);
  const title = taskTitle(task);
  const told = describeDeliveries(locale, deliveries, { zh: "联络员", en: "contact(s)" });
  const text = { zh: `已退回：${title}（${told}）`, en: `Returned: ${title} (${told})` };
  return outcome([buildNoticeMessage(locale, "success", [pick(locale, text)])], { deliveries });
}

/** A "return" button (after the front end asked for the reason): the same, by task id, for a chat user. */
export async function returnTaskById(
  deps: SupervisionDeps,
  user: ChatUser,
  taskId: string,
  reason: string | null,
): Promise<CoreOutcome> {
  const person = await identifyPerson(deps, user);
  return withRefusals(person, async () =>
    returnTask(deps, person, await findTask(deps, person, taskId), reason),
  );
}
