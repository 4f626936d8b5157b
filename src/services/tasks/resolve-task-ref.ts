import type { TaskRef } from "../../domain/commands/duban-command.ts";
import { buildQuestionMessage } from "../../domain/messages/build-question-message.ts";
import type { TaskActionKind } from "../../domain/messages/build-task-item.ts";
import type { QuestionMessage } from "../../domain/messages/message-types.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type { Person, TaskRecord, TaskStatus } from "../../domain/supervision/supervision-types.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "./describe-tasks.ts";

/**
 * The task "<measure> [部门]" names. Without a department: the measure's only task, or its only task in
 * one of the `wanted` statuses; several -> a question listing them, each with the `action` button.
 */
export async function resolveTaskRef(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
  ref: TaskRef,
  options: { wanted: readonly TaskStatus[]; action: TaskActionKind },
): Promise<{ task: TaskRecord } | { question: QuestionMessage }> {
  const measure = context.directory.measures.find((m) => m.number === ref.measureNumber);
  const measureName = `${measure?.label ?? ref.measureNumber}${measure?.title ?? ""}`;
  const tasks = await deps.store.listTasks({
    planId: context.directory.planId,
    measureNumbers: [ref.measureNumber],
    withLastReport: true,
  });
  if (ref.departmentId !== null) {
    const task = tasks.find((t) => t.department.id === ref.departmentId);
    if (task !== undefined) return { task };
    const name =
      context.directory.departments.find((d) => d.id === ref.departmentId)?.name ?? ref.departmentId;
    refuse(person, "no-such-task", {
      zh: `${name}不是${measureName}的牵头部门。`,
      en: `${name} does not lead ${measureName}.`,
    });
  }
  const wanted = tasks.filter((task) => options.wanted.includes(task.status));
  const [onlyWanted] = wanted;
  if (wanted.length === 1 && onlyWanted !== undefined) return { task: onlyWanted };
  const [onlyTask] = tasks;
  if (tasks.length === 1 && onlyTask !== undefined) return { task: onlyTask };
  if (wanted.length === 0) {
    refuse(person, "no-such-task", {
      zh: `${measureName}没有待审核的任务。`,
      en: `No task of ${measureName} is awaiting approval.`,
    });
  }
  const locale = localeOf(person.locale);
  const question = pick(locale, {
    zh: `${measureName}有多个部门的任务待审核，请指明部门：`,
    en: `Several departments' tasks of ${measureName} await approval; which one?`,
  });
  return {
    question: buildQuestionMessage(
      locale,
      question,
      describeTasks(wanted, context.light, locale, () => [options.action]),
    ),
  };
}
