import type { CommandDirectory, DubanCommand } from "../../domain/commands/duban-command.ts";
import { parseDubanCommand } from "../../domain/commands/parse-duban-command.ts";
import { type MentionNames, NO_MENTION_NAMES } from "../../domain/commands/user-mention.ts";
import { buildHelpMessage } from "../../domain/messages/build-help-message.ts";
import { localeOf } from "../../domain/supervision/locale.ts";
import type { ChatUser, Person } from "../../domain/supervision/supervision-types.ts";
import { approveTask } from "../approval/approve-task.ts";
import { returnTask } from "../approval/return-task.ts";
import { exportLedger } from "../assessment/export-ledger.ts";
import { showScorecard } from "../assessment/show-scorecard.ts";
import { assignContact } from "../contacts/assign-contact.ts";
import { type PlanContext, toPlanContext } from "../plans/load-plan-context.ts";
import { startReport } from "../reporting/start-report.ts";
import { postDigestNow } from "../schedule/post-digest-now.ts";
import { recordAbsence } from "../schedule/record-absence.ts";
import { snoozeReminder } from "../schedule/snooze-reminder.ts";
import { listMyTasks } from "../tasks/list-my-tasks.ts";
import { resolveTaskRef } from "../tasks/resolve-task-ref.ts";
import { showHistory } from "../tasks/show-history.ts";
import { showStatus } from "../tasks/show-status.ts";
import { urgeDepartments } from "../urging/urge-departments.ts";
import { openWebBoard, revokeWebSessions } from "../web/open-web-board.ts";
import { type CoreOutcome, outcome } from "./core-outcome.ts";
import { identifyPerson } from "./identify-person.ts";
import type { SupervisionDeps } from "./supervision-deps.ts";
import { withRefusals } from "./with-refusals.ts";

const NO_DIRECTORY: CommandDirectory = { measures: [], departments: [] };

async function runParsed(
  deps: SupervisionDeps,
  person: Person,
  context: PlanContext,
  command: Exclude<DubanCommand, { kind: "help" }>,
  requestKey: string | undefined,
): Promise<CoreOutcome> {
  switch (command.kind) {
    case "tasks":
      return listMyTasks(deps, person, context);
    case "report":
      return startReport(deps, person, context, command.measureNumber);
    case "status":
      return showStatus(deps, person, context, command.target);
    case "remind":
      return urgeDepartments(deps, person, context, command.target, requestKey);
    case "assign":
      return assignContact(deps, person, context, command);
    case "history":
      return showHistory(deps, person, context, command.measureNumber);
    case "assess":
      return showScorecard(deps, person, command.period);
    case "export":
      return exportLedger(deps, person, command.period);
    case "snooze":
      return snoozeReminder(deps, person, context, { user: command.user, cycleKey: null });
    case "absence":
      return recordAbsence(deps, person, context, command);
    case "digest":
      return postDigestNow(deps, person, context);
    case "web":
      return command.revoke === null
        ? openWebBoard(deps, person)
        : revokeWebSessions(deps, person, command.revoke);
    case "approve":
    case "return": {
      const options = { wanted: ["AWAITING_APPROVAL"] as const, action: command.kind };
      const found = await resolveTaskRef(deps, person, context, command.task, options);
      if ("question" in found) return outcome([found.question]);
      return command.kind === "approve"
        ? approveTask(deps, person, found.task)
        : returnTask(deps, person, found.task, command.reason);
    }
  }
}

/**
 * `/duban <text>` for a chat user: read in the domain (parseDubanCommand), run with the core's
 * permissions. Help, a command it cannot read, or a refused action each come back as a message only
 * the actor sees; a refused action changes nothing. `requestKey` (the chat request's identity) keys the
 * messages the command sends, so running the same request again sends none twice.
 */
export async function runDubanCommand(
  deps: SupervisionDeps,
  user: ChatUser,
  text: string,
  names: MentionNames = NO_MENTION_NAMES,
  requestKey?: string,
): Promise<CoreOutcome> {
  const person = await identifyPerson(deps, user);
  return withRefusals(person, async () => {
    const directory = await deps.store.readPlanDirectory(deps.planId);
    const command = parseDubanCommand(text, directory ?? NO_DIRECTORY, names);
    if (command.kind === "help") return outcome([buildHelpMessage(localeOf(person.locale), command.problem)]);
    return runParsed(deps, person, toPlanContext(directory, deps, person), command, requestKey);
  });
}
