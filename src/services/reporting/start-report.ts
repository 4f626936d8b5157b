import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { buildQuestionMessage } from "../../domain/messages/build-question-message.ts";
import { buildReportForm } from "../../domain/messages/build-report-form.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import { canReportFor, isSupervisor } from "../../domain/supervision/roles.ts";
import type { Person, TaskRecord } from "../../domain/supervision/supervision-types.ts";
import { reportedStatusOf } from "../../domain/supervision/task-change-for-report.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { PlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";
import { loadMyTasks } from "../tasks/list-my-tasks.ts";

/** The report form for a new report on `task`, starting from its current status and percent. */
export function newReportForm(person: Person, task: TaskRecord) {
  const status = reportedStatusOf(task.status);
  return buildReportForm(localeOf(person.locale), task, {
    status,
    percent: status === "not_started" ? null : task.percent,
  });
}

async function candidates(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
  measureNumber: number | null,
) {
  if (measureNumber !== null && isSupervisor(person)) {
    return deps.store.listTasks({
      planId: context.directory.planId,
      measureNumbers: [measureNumber],
      withLastReport: true,
    });
  }
  const mine = await loadMyTasks(deps, person, context);
  return measureNumber === null ? mine : mine.filter((task) => task.measure.number === measureNumber);
}

/**
 * `/duban report [measure]`: opens the report form for the one open task it can mean; several -> a
 * question listing them with a report button each. A contact naming a measure none of their
 * departments leads is refused.
 */
export async function startReport(
  deps: Pick<SupervisionDeps, "store">,
  person: Person,
  context: PlanContext,
  measureNumber: number | null,
): Promise<CoreOutcome> {
  const locale = localeOf(person.locale);
  const open = (await candidates(deps, person, context, measureNumber)).filter(
    (task) => task.status !== "DONE" && canReportFor(person, task.department.id),
  );
  const [only] = open;
  if (open.length === 1 && only !== undefined) return outcome([], { openForm: newReportForm(person, only) });
  if (open.length > 1) {
    const question = pick(locale, { zh: "请选择要填报的任务：", en: "Which task do you report on?" });
    return outcome([buildQuestionMessage(locale, question, describeTasks(open, context.light, locale))]);
  }
  if (measureNumber !== null) {
    const measure = context.directory.measures.find((m) => m.number === measureNumber);
    const name = `${measure?.label ?? measureNumber}${measure?.title ?? ""}`;
    refuse(person, "forbidden", {
      zh: `您所在的部门没有${name}需要填报的任务；联络员只能填报本部门的任务。`,
      en: `Your departments have no open task in ${name}; contacts report only for their own departments.`,
    });
  }
  const none = { zh: "您目前没有需要填报的任务。", en: "You have no open tasks to report on." };
  return outcome([buildNoticeMessage(locale, "info", [pick(locale, none)])]);
}
