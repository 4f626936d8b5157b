import type { AssessmentPeriod } from "../../domain/assessment/assessment-period.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { buildScorecardMessage } from "../../domain/messages/scorecard-message.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core-outcome.ts";
import { requireSupervisor } from "../refuse.ts";
import type { SupervisionDeps } from "../supervision-deps.ts";
import type { AssessmentDeps } from "./assessment-deps.ts";
import { computeScorecard } from "./compute-scorecard.ts";

export const ASSESSMENT_UNAVAILABLE = {
  zh: "本前端未启用督查考核（缺少考核组件）。",
  en: "Assessment is not set up in this front end.",
};

/** The assessment's dependencies out of the core's, or null when the front end did not wire them. */
export function assessmentDepsOf(deps: SupervisionDeps): AssessmentDeps | null {
  if (deps.assessment === undefined) return null;
  return {
    plans: deps.store,
    assessment: deps.assessment,
    clock: deps.clock,
    calendar: deps.calendar,
    planId: deps.planId,
  };
}

/** `/duban assess [期间]` (督查考核, supervisors): the scorecard with its formula, praise and lagging lists. */
export async function showScorecard(
  deps: SupervisionDeps,
  person: Person,
  period: AssessmentPeriod | null,
): Promise<CoreOutcome> {
  requireSupervisor(person, { zh: "查看考核评分", en: "view the assessment" });
  const locale = localeOf(person.locale);
  const assessment = assessmentDepsOf(deps);
  if (assessment === null)
    return outcome([buildNoticeMessage(locale, "error", [pick(locale, ASSESSMENT_UNAVAILABLE)])]);
  const { scorecard } = await computeScorecard(assessment, { period });
  return outcome([buildScorecardMessage(locale, scorecard)]);
}
