import type { AssessmentRules } from "./assessment-rules-schema.ts";
import type { ListedUnit, UnitScore } from "./scorecard-types.ts";

const listed = (unit: UnitScore): ListedUnit => ({
  kind: unit.kind,
  id: unit.id,
  name: unit.name,
  score: unit.score,
  rank: unit.rank,
});

/**
 * 表扬 (praise): units ranked within the top `praise.top` that score at least `praise.minScore`.
 * 通报 (lagging): units in the last `lagging.bottom` places (fewer than that many score lower, so ties stay together)
 * that score below `lagging.belowScore`, never a praised one.
 * `ranked` is one list (departments or counties), best first.
 */
export function praiseAndLagging(
  ranked: readonly UnitScore[],
  rules: Pick<AssessmentRules, "praise" | "lagging">,
): { praise: ListedUnit[]; lagging: ListedUnit[] } {
  const praise = ranked.filter(
    (unit) => unit.rank <= rules.praise.top && unit.score >= rules.praise.minScore,
  );
  const praised = new Set(praise.map((unit) => unit.id));
  // In the bottom N: fewer than N units score lower (ties stay together, like ranks).
  const inBottom = (unit: UnitScore) =>
    ranked.filter((other) => other.score < unit.score).length < rules.lagging.bottom;
  const lagging = ranked.filter(
    (unit) => inBottom(unit) && unit.score < rules.lagging.belowScore && !praised.has(unit.id),
  );
  return { praise: praise.map(listed), lagging: lagging.map(listed) };
}
