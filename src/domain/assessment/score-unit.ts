import type { TaskFacts } from "./assess-task-records.ts";
import type { AssessmentWeights } from "./assessment-rules-schema.ts";
import type { ComponentKey, ScoreComponent, UnitRef, UnitScore } from "./scorecard-types.ts";

const RATES = ["onTime", "completeness", "approved"] as const;
const BURDENS = ["overdue", "blockers", "urges"] as const;

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * A rate's value. Nothing due (no cycle, no report): full marks, nothing was missed. Completeness with cycles
 * due but no report at all: 0. Approved with no task: 0.
 */
function rateValue(key: (typeof RATES)[number], counted: number, of: number, cyclesDue: number): number {
  if (of > 0) return counted / of;
  if (key === "onTime") return 1;
  if (key === "completeness") return cyclesDue === 0 ? 1 : 0;
  return 0;
}

/** A unit's score from its tasks' facts, with the weights (see AssessmentRulesSchema for the formula). */
export function scoreUnit(
  unit: UnitRef,
  facts: readonly TaskFacts[],
  weights: AssessmentWeights,
): Omit<UnitScore, "rank"> {
  const tasks = facts.length;
  const records = (key: ComponentKey) => facts.flatMap((fact) => fact[key]);
  const rateWeight = weights.onTime + weights.completeness + weights.approved;
  const cyclesDue = records("onTime").length;
  const components = {} as Record<ComponentKey, ScoreComponent>;
  for (const key of RATES) {
    const counted = records(key);
    const of = key === "approved" ? tasks : counted.length;
    const hits = sum(counted.map((record) => record.value));
    const value = rateValue(key, hits, of, cyclesDue);
    components[key] = {
      key,
      counted: hits,
      of,
      value,
      points: (100 * weights[key] * value) / rateWeight,
      records: counted,
    };
  }
  for (const key of BURDENS) {
    const counted = records(key);
    const total = sum(counted.map((record) => record.value));
    const value = tasks === 0 ? 0 : total / tasks;
    components[key] = {
      key,
      counted: total,
      of: tasks,
      value,
      points: -weights[key] * value,
      records: counted.filter((r) => r.value > 0),
    };
  }
  const raw = sum(Object.values(components).map((component) => component.points));
  return {
    ...unit,
    tasks,
    score: round(Math.min(100, Math.max(0, raw)), 1),
    openBlockers: sum(facts.map((fact) => fact.openBlockers)),
    components,
  };
}

/** Best first (ties by name); equal scores share a rank (1, 2, 2, 4). */
export function rankUnits(units: ReadonlyArray<Omit<UnitScore, "rank">>): UnitScore[] {
  const sorted = [...units].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh-CN"));
  // a unit's rank is 1 + the place of the first unit with its score (itself at the latest)
  return sorted.map((unit) => ({
    ...unit,
    rank: sorted.findIndex((other) => other.score === unit.score) + 1,
  }));
}
