import { assessTaskRecords, type TaskFacts } from "./assess-task-records.ts";
import { type AssessmentContext, assessedUntil } from "./assessment-context.ts";
import type { SupervisionHistory } from "./assessment-records.ts";
import type { AssessmentRules } from "./assessment-rules-schema.ts";
import { cyclesDueInPeriod } from "./cycles-due-in-period.ts";
import { praiseAndLagging } from "./praise-and-lagging.ts";
import { rankUnits, scoreUnit } from "./score-unit.ts";
import type { Scorecard, UnitRef } from "./scorecard-types.ts";

export interface ScorecardInput {
  plan: { id: string; title: string };
  history: SupervisionHistory;
  rules: AssessmentRules;
  context: AssessmentContext;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * The scorecard (考核评分) of a plan for a period: one score per department, from its city-level tasks, and
 * one per county, from the tasks its counterparts carry; ranked, with the praise and lagging lists. Every
 * component lists the records it counted.
 */
export function buildScorecard({ plan, history, rules, context }: ScorecardInput): Scorecard {
  const cycles = cyclesDueInPeriod(context);
  const reportsOf = groupBy(
    [...history.reports].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    (r) => r.taskId,
  );
  const remindersOf = groupBy(history.reminders, (r) => r.taskId);
  const facts = new Map<string, TaskFacts>(
    history.tasks.map((task) => [
      task.id,
      assessTaskRecords(task, reportsOf.get(task.id) ?? [], remindersOf.get(task.id) ?? [], cycles, context),
    ]),
  );
  const score = (groups: Map<string, typeof history.tasks>, unitOf: (key: string) => UnitRef) =>
    rankUnits(
      [...groups].map(([key, tasks]) =>
        scoreUnit(
          unitOf(key),
          tasks.map((task) => facts.get(task.id) as TaskFacts),
          rules.weights,
        ),
      ),
    );
  const cityTasks = groupBy(history.tasks, (task) => (task.county === null ? task.department.id : null));
  const countyTasks = groupBy(history.tasks, (task) => task.county?.id ?? null);
  const departments = score(cityTasks, (id) => ({
    kind: "department",
    id,
    name: cityTasks.get(id)?.[0]?.department.name ?? id,
  }));
  const counties = score(countyTasks, (id) => ({
    kind: "county",
    id,
    name: countyTasks.get(id)?.[0]?.county?.name ?? id,
  }));
  const ofDepartments = praiseAndLagging(departments, rules);
  const ofCounties = praiseAndLagging(counties, rules);
  return {
    planId: plan.id,
    planTitle: plan.title,
    period: context.period,
    assessedFrom: context.period.from,
    assessedUntil: assessedUntil(context),
    generatedAt: context.now,
    cycles: cycles.map((cycle) => ({ key: cycle.key, dueOn: cycle.dueOn })),
    rules,
    departments,
    counties,
    praise: [...ofDepartments.praise, ...ofCounties.praise],
    lagging: [...ofDepartments.lagging, ...ofCounties.lagging],
  };
}
