import { type AssessmentPeriod, periodContaining } from "../../domain/assessment/assessment-period.ts";
import type { SupervisionHistory } from "../../domain/assessment/assessment-records.ts";
import type { AssessmentRules } from "../../domain/assessment/assessment-rules-schema.ts";
import { buildScorecard } from "../../domain/assessment/build-scorecard.ts";
import type { Scorecard } from "../../domain/assessment/scorecard-types.ts";
import { DomainError } from "../../domain/errors.ts";
import type { WorkflowSettings } from "../../domain/ports/assessment.ts";
import type { Schedule } from "../../domain/schedule/schedule-schema.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import { toPlanDate } from "../../domain/time/plan-time.ts";
import type { AssessmentDeps, AssessmentPorts } from "./assessment-deps.ts";

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

/**
 * The plan's records for an assessment, with the counties named as in the workflow file the plan was loaded
 * from, and that file's assessment rules.
 */
export async function readAssessedHistory(
  ports: Pick<AssessmentPorts, "store" | "settings">,
  planId: string,
): Promise<{ history: SupervisionHistory; settings: WorkflowSettings }> {
  const { workflowFile, history } = await ports.store.readSupervisionHistory(planId);
  const settings = await ports.settings.readWorkflowSettings(workflowFile);
  const tasks = history.tasks.map((task) =>
    task.county === null
      ? task
      : {
          ...task,
          county: { id: task.county.id, name: settings.countyNames.get(task.county.id) ?? task.county.id },
        },
  );
  return { history: { ...history, tasks }, settings };
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
  const { history, settings } = await readAssessedHistory(deps.assessment, directory.planId);
  const schedule = readPlanSchedule(directory.schedule);
  const rules = options.rules?.rules ?? settings.rules;
  const scorecard = buildScorecard({
    plan: { id: directory.planId, title: directory.title },
    history,
    rules,
    context: { period, now, timeZone: directory.timezone, schedule, calendar: deps.calendar },
  });
  return {
    scorecard,
    history,
    directory,
    schedule,
    rulesSource: options.rules?.source ?? settings.source,
  };
}
