import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { statusText, taskTitle } from "../../domain/messages/build-task-item.ts";
import { type Localized, localeOf, pick } from "../../domain/supervision/locale.ts";
import type { ChatUser, Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import { refuse, requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { describeDeliveries } from "../messaging/describe-deliveries.ts";
import { findTask } from "../tasks/find-task.ts";
import { notifyApprovalResult } from "./notify-department.ts";

/** Refuses unless the task is awaiting approval (only a task reported 已完成 can be approved or returned). */
export function checkAwaitingApproval(person: Person, task: TaskRecord): void {
  if (task.status === "AWAITING_APPROVAL") return;
  const title = taskTitle(task);
  refuse(person, "not-awaiting-approval", {
    zh: `“${title}”目前是${statusText(task.status, task.percent, "zh")}，不是待审核：只有报告已完成的任务才能办结或退回。`,
    en: `"${title}" is ${statusText(task.status, task.percent, "en")}, not awaiting approval: only a task reported done can be approved or returned.`,
  });
}

/**
 * What follows an approve or a return: refused when the task was no longer awaiting approval (someone else
 * decided it meanwhile, so nothing changed); else its contacts are told, and the actor hears how many were.
 */
export async function finishApprovalDecision(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  person: Person,
  task: TaskRecord,
  decision: {
    changed: boolean;
    result: { outcome: "approved" | "returned"; reason: string | null };
    /** The actor's confirmation, from the task's title and who was told. */
    say: (title: string, told: string) => Localized;
  },
): Promise<CoreOutcome> {
  if (!decision.changed)
    refuse(person, "changed-meanwhile", {
      zh: "该任务刚被他人处理过，请刷新后再试。",
      en: "Someone else just changed this task; look again.",
    });
  const deliveries = await notifyApprovalResult(deps, person, task, decision.result);
  const locale = localeOf(person.locale);
  const told = describeDeliveries(locale, deliveries, { zh: "联络员", en: "contact(s)" });
  const text = pick(locale, decision.say(taskTitle(task), told));
  return outcome([buildNoticeMessage(locale, "success", [text])], { deliveries });
}

/** 办结 (supervisors): a task reported 已完成 becomes DONE (approvedAt, approvedById), audited; its contacts are told. */
export async function approveTask(
  deps: Pick<SupervisionDeps, "store" | "notifier" | "clock">,
  person: Person,
  task: TaskRecord,
): Promise<CoreOutcome> {
  requireSupervisor(person, { zh: "办结任务", en: "approve tasks" });
  checkAwaitingApproval(person, task);
  const now = deps.clock.now();
  const change = { status: "DONE" as const, percent: 100, approvedAt: now, approvedById: person.id };
  const changed = await deps.store.changeTaskStatus(task.id, change, ["AWAITING_APPROVAL"], {
    actor: person.id,
    action: "task.approve",
    subjectType: "task",
    subjectId: task.id,
    before: { status: task.status, percent: task.percent },
    after: change,
    at: now,
  });
  return finishApprovalDecision(deps, person, task, {
    changed,
    result: { outcome: "approved", reason: null },
    say: (title, told) => ({ zh: `已办结：${title}（${told}）`, en: `Approved: ${title} (${told})` }),
  });
}

/** An "approve" button: the same, by task id, for a chat user. */
export async function approveTaskById(
  deps: SupervisionDeps,
  user: ChatUser,
  taskId: string,
): Promise<CoreOutcome> {
  const person = await identifyPerson(deps, user);
  return withRefusals(person, async () => approveTask(deps, person, await findTask(deps, person, taskId)));
}
