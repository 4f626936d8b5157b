import { buildQuestionMessage } from "../../domain/messages/build-question-message.ts";
import { parseProgressReply } from "../../domain/progress/parse-progress-reply.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type { ChatUser } from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { findTask } from "../tasks/find-task.ts";
import { reviseReport } from "./revise-report.ts";

/** An edited chat message (Slack: message_changed). */
export interface EditedReply {
  user: ChatUser;
  channel: string;
  /** The edited message's timestamp (the original's, not the edit event's). */
  ts: string;
  text: string;
}

/**
 * An edited reply updates the report it made (audited); the task follows when it is the latest report.
 * A message that made no report, or one by someone else, is ignored (no answer); a new text that
 * cannot be read gets a question and leaves the report as it was. An edit already applied (the report holds
 * that text: a redelivered or replayed edit) changes nothing and is not answered again.
 */
export async function reviseReply(deps: SupervisionDeps, edit: EditedReply): Promise<CoreOutcome> {
  const report = await deps.store.findReportByMessage(edit.channel, edit.ts);
  if (report === null || report.withdrawnAt !== null) return outcome([]);
  if (report.rawText !== null && report.rawText === edit.text.trim()) return outcome([]);
  const person = await identifyPerson(deps, edit.user);
  if (person.id !== report.authorId) return outcome([]);
  const locale = localeOf(person.locale);
  return withRefusals(person, async () => {
    const parsed = parseProgressReply(edit.text);
    if (parsed.kind === "question")
      return outcome([buildQuestionMessage(locale, pick(locale, parsed.question))]);
    const task = await findTask(deps, person, report.taskId);
    const { status, percent, blocker, text } = parsed;
    const content = {
      status,
      percent,
      blocker,
      done: text,
      nextSteps: report.nextSteps,
      evidence: report.evidence,
      evidenceFiles: report.evidenceFiles,
      rawText: text,
    };
    return reviseReport(deps, person, task, report, content);
  });
}
