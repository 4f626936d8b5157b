import type { ChatUser, Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import type { CoreOutcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import { requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { findTask } from "../tasks/find-task.ts";
import { checkAwaitingApproval, finishApprovalDecision } from "./approve-task.ts";

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
  return finishApprovalDecision(deps, person, task, {
    changed,
    result: { outcome: "returned", reason },
    say: (title, told) => ({ zh: `已退回：${title}（${told}）`, en: `Returned: ${title} (${told})` }),
  });
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
