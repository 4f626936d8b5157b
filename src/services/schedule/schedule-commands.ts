import type { DayRef } from "../../domain/commands/parse-schedule-commands.ts";
import type { UserMention } from "../../domain/commands/user-mention.ts";
import type { ChatUser, Person } from "../../domain/supervision/supervision-types.ts";
import type { CoreOutcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { loadPlanContext, type PlanContext } from "../plans/load-plan-context.ts";
import { postDigestNow } from "./post-digest-now.ts";
import { recordAbsence } from "./record-absence.ts";
import { snoozeReminder } from "./snooze-reminder.ts";

/** The schedule's actions on the core (also reachable as `/duban snooze | absence | digest`). */
export interface ScheduleCommands {
  /** A reminder's snooze button: the user's reminders of the cycle (default: the one being reminded) wait a working day. */
  snoozeReminder(user: ChatUser, cycleKey?: string | null): Promise<CoreOutcome>;
  /** Records an absence with a deputy (代理人); `absentee` null means the user. */
  recordAbsence(
    user: ChatUser,
    absence: { from: DayRef; to: DayRef; deputy: UserMention; absentee: UserMention | null },
  ): Promise<CoreOutcome>;
  /** Posts the weekly digest now (supervisors). */
  postDigest(user: ChatUser): Promise<CoreOutcome>;
}

export function createScheduleCommands(deps: SupervisionDeps): ScheduleCommands {
  const run = async (
    user: ChatUser,
    action: (person: Person, context: PlanContext) => Promise<CoreOutcome>,
  ) => {
    const person = await identifyPerson(deps, user);
    return withRefusals(person, async () => action(person, await loadPlanContext(deps, person)));
  };
  return {
    snoozeReminder: (user, cycleKey = null) =>
      run(user, (person, context) => snoozeReminder(deps, person, context, { user: null, cycleKey })),
    recordAbsence: (user, absence) =>
      run(user, (person, context) => recordAbsence(deps, person, context, absence)),
    postDigest: (user) => run(user, (person, context) => postDigestNow(deps, person, context)),
  };
}
