import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { type Locale, type Localized, localeOf, pick } from "../../domain/supervision/locale.ts";
import { isSupervisor } from "../../domain/supervision/roles.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { requireSupervisor } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import type { AssessmentDeps } from "./assessment-deps.ts";

export const ASSESSMENT_UNAVAILABLE = {
  zh: "本前端未启用督查考核（缺少考核组件）。",
  en: "Assessment is not set up in this front end.",
};

/**
 * The assessment's dependencies out of the core's (or the web board's), or null when the front end did not
 * wire them.
 */
export function assessmentDepsOf(
  deps: Pick<SupervisionDeps, "store" | "assessment" | "clock" | "calendar" | "planId">,
): AssessmentDeps | null {
  if (deps.assessment === undefined) return null;
  return {
    plans: deps.store,
    assessment: deps.assessment,
    clock: deps.clock,
    calendar: deps.calendar,
    planId: deps.planId,
  };
}

/** Who may see the scorecard and export the ledger, in chat and on the web: supervisors (督查人员) and admins. */
export function mayAssess(person: Pick<Person, "role">): boolean {
  return isSupervisor(person);
}

/**
 * Runs an assessment use case (`/duban assess`, `/duban export`) for a supervisor: anyone else is refused
 * (`what` they may not do), and a front end without the assessment's ports answers with a notice.
 */
export async function withAssessment(
  deps: SupervisionDeps,
  person: Person,
  what: Localized,
  run: (assessment: AssessmentDeps, locale: Locale) => Promise<CoreOutcome>,
): Promise<CoreOutcome> {
  requireSupervisor(person, what);
  const locale = localeOf(person.locale);
  const assessment = assessmentDepsOf(deps);
  if (assessment === null)
    return outcome([buildNoticeMessage(locale, "error", [pick(locale, ASSESSMENT_UNAVAILABLE)])]);
  return run(assessment, locale);
}
