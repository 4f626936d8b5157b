import type { AssessmentPeriod } from "../../domain/assessment/assessment-period.ts";
import { buildScorecardMessage } from "../../domain/messages/scorecard-message.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withAssessment } from "./assessment-access.ts";
import { computeScorecard } from "./compute-scorecard.ts";

/** `/duban assess [期间]` (督查考核, supervisors): the scorecard with its formula, praise and lagging lists. */
export function showScorecard(
  deps: SupervisionDeps,
  person: Person,
  period: AssessmentPeriod | null,
): Promise<CoreOutcome> {
  return withAssessment(
    deps,
    person,
    { zh: "查看考核评分", en: "view the assessment" },
    async (assessment, locale) => {
      const { scorecard } = await computeScorecard(assessment, { period });
      return outcome([buildScorecardMessage(locale, scorecard)]);
    },
  );
}
