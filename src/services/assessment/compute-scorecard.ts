import { type AssessmentPeriod, periodContaining } from "../../domain/assessment/assessment-period.ts";
import type { SupervisionHistory } from "../../domain/assessment/assessment-records.ts";
import type { AssessmentRules } from "../../domain/assessment/assessment-rules-schema.ts";
import { buildScorecard } from "../../domain/assessment/build-scorecard.ts";
import type { Scorecard } from "../../domain/assessment/scorecard-types.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Schedule } from "../../domain/schedule/schedule-schema.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import type { AssessmentDeps } from "./assessment-deps.ts";

export interface ComputedScorecard {
  scorecard: Scorecard;
  history: SupervisionHistory;
  directory: PlanDirectory;
  schedule: Schedule;
  rulesSource: string;
}

export interface ComputeScorecardOptions {
  /** The period; null: the current quarter. */
  period: AssessmentPeriod | null;
  /** Rules to use instead of the workflow file's (e.g. `duban assess --workflow other.yaml`). */
  rules?: { rules: AssessmentRules; source: string } | undefined;
}

/** The scorecard of the plan for a period, from the database's records and the workflow file's rules. */
export async function computeScorecard(
  deps: AssessmentDeps,
  options: ComputeScorecardOptions,
): Promise<ComputedScorecard> {
  const directory = await deps.plans.readPlanDirectory(deps.planId);
  if (directory === null) {
    throw new DomainError(
      "no-plan",
      "No plan is loaded yet: run duban load workflows/<plan>.yaml first. 还没有导入实施方案。",
    );
  }
  const now = deps.clock.now();
  const period = options.period ?? periodContaining(toPlanDate(now, directory.timezone), "quarter");
  const { workflowFile, history } = await deps.assessment.store.readSupervisionHistory(directory.planId);
  const settings = await deps.assessment.settings.readWorkflowSettings(workflowFile);
  const named: SupervisionHistory = {
    ...history,
    tasks: history.tasks.map((task) =>
      task.county === null
        ? task
        : {
            ...task,
            county: { id: task.county.id, name: settings.countyNames.get(task.county.id) ?? task.county.id },
          },
    ),
  };
  const schedule = readPlanSchedule(directory.schedule);
  const rules = options.rules?.rules ?? settings.rules;
  const scorecard = buildScorecard({
    plan: { id: directory.planId, title: directory.title },
    history: named,
    rules,
    context: { period, now, timeZone: directory.timezone, schedule, calendar: deps.calendar },
  });
  return {
    scorecard,
    history: named,
    directory,
    schedule,
    rulesSource: options.rules?.source ?? settings.source,
  };
}
