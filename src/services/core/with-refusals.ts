import { isDomainError } from "../../domain/errors.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "./core-outcome.ts";

/**
 * Runs an action for `person`; a DomainError (a refusal, a user's mistake) becomes an error notice only
 * they see. Anything else is a bug and propagates to the front end's edge.
 */
export async function withRefusals(person: Person, action: () => Promise<CoreOutcome>): Promise<CoreOutcome> {
  try {
    return await action();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return outcome([buildNoticeMessage(localeOf(person.locale), "error", [error.userMessage])]);
  }
}
