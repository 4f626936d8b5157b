import { parsePeriodArgument } from "../../domain/commands/parse-period-argument.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type { ChatUser } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { exportLedger } from "./export-ledger.ts";
import { showScorecard } from "./show-scorecard.ts";

/** The assessment's methods of the supervision core (the same as `/duban assess` and `/duban export`). */
export interface AssessmentCommands {
  /** The scorecard of a period ("2026-Q4", "2026-11", "2026"; null: the current quarter), for supervisors. */
  assess(user: ChatUser, period: string | null): Promise<CoreOutcome>;
  /** The Excel ledger of a period (null: every record) in `attachments`: its bytes and file name. */
  exportLedger(user: ChatUser, period: string | null): Promise<CoreOutcome>;
}

export function createAssessmentCommands(deps: SupervisionDeps): AssessmentCommands {
  const run = (kind: "assess" | "export") => async (user: ChatUser, periodText: string | null) => {
    const person = await identifyPerson(deps, user);
    return withRefusals(person, async () => {
      const parsed = parsePeriodArgument(periodText === null ? [] : [periodText], `/duban ${kind} [2026-Q4]`);
      if (!parsed.ok)
        return outcome([
          buildNoticeMessage(localeOf(person.locale), "error", [
            pick(localeOf(person.locale), parsed.problem),
          ]),
        ]);
      return kind === "assess"
        ? showScorecard(deps, person, parsed.period)
        : exportLedger(deps, person, parsed.period);
    });
  };
  return { assess: run("assess"), exportLedger: run("export") };
}
