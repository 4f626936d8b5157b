import type { EvidenceFile } from "../../domain/evidence/report-evidence.ts";
import { buildNoticeMessage } from "../../domain/messages/build-notice-message.ts";
import { buildQuestionMessage } from "../../domain/messages/build-question-message.ts";
import { parseProgressReply } from "../../domain/progress/parse-progress-reply.ts";
import { localeOf, pick } from "../../domain/supervision/locale.ts";
import type {
  ChatUser,
  Person,
  ReportSource,
  TaskRecord,
} from "../../domain/supervision/supervision-types.ts";
import { type CoreOutcome, outcome } from "../core/core-outcome.ts";
import { identifyPerson } from "../core/identify-person.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";
import { withRefusals } from "../core/with-refusals.ts";
import { loadPlanContext } from "../plans/load-plan-context.ts";
import { describeTasks } from "../tasks/describe-tasks.ts";
import { attachEvidence } from "./attach-evidence.ts";
import { findReplyTasks } from "./find-reply-tasks.ts";
import { saveProgressReport } from "./save-progress-report.ts";

/** A chat message to Duban: a reply in the thread of a Duban DM, or a DM to the bot. */
export interface IncomingReply {
  user: ChatUser;
  text: string;
  /** The conversation (Slack: the DM channel id). */
  channel: string;
  /** This message's timestamp: edits and deletions find the report by it. */
  ts: string;
  /** The thread's parent message, when the reply is in a thread. */
  threadTs?: string | null;
  /** The platform's event id: the same event twice stores one report. */
  eventId: string;
  /** Default: THREAD_REPLY in a thread, DIRECT_MESSAGE otherwise. */
  source?: ReportSource;
  /** Files shared with the message (Slack: a file_share message; the shell: /attach), kept as evidence. */
  files?: readonly EvidenceFile[];
}

/**
 * Several tasks, or none of the measure the reply named (`missingMeasure`): ask which one, listing the
 * choices with report buttons.
 */
async function askWhichTask(
  deps: SupervisionDeps,
  person: Person,
  choices: readonly TaskRecord[],
  missingMeasure: number | null,
): Promise<CoreOutcome> {
  const locale = localeOf(person.locale);
  const context = await loadPlanContext(deps, person);
  const question =
    missingMeasure !== null
      ? {
          zh: `第${missingMeasure}项措施不在您可填报的任务中。请问是以下哪一项？`,
          en: `Measure ${missingMeasure} is not among the tasks you report on. Which of these is it?`,
        }
      : {
          zh: "这条进展是哪一项任务的？请在回复中写明措施编号（如“（五）推进中 60%”），或点击按钮填报。",
          en: 'Which task is this about? Name the measure in your reply (e.g. "(5) in progress 60%"), or press a button.',
        };
  const withReports = await deps.store.listTasks({
    taskIds: choices.map((task) => task.id),
    withLastReport: true,
  });
  return outcome([
    buildQuestionMessage(locale, pick(locale, question), describeTasks(withReports, context.light, locale)),
  ]);
}

/**
 * A free-text progress reply: read with parseProgressReply and stored as a report on the one task it can
 * be about, with the files shared with it as evidence. It asks back instead of guessing: a status it cannot
 * read, or several candidate tasks and no measure named. A question stores nothing. Files shared without
 * words are kept with the sender's latest report (attachEvidence).
 */
export async function recordReply(deps: SupervisionDeps, reply: IncomingReply): Promise<CoreOutcome> {
  const person = await identifyPerson(deps, reply.user);
  const locale = localeOf(person.locale);
  const files = reply.files ?? [];
  const threadTs = reply.threadTs ?? null;
  if (reply.text.trim() === "" && files.length > 0)
    return withRefusals(person, () =>
      attachEvidence(deps, person, { channel: reply.channel, threadTs }, files),
    );
  return withRefusals(person, async () => {
    const parsed = parseProgressReply(reply.text);
    const measureNumber = parsed.measureRef === null ? null : Number(parsed.measureRef);
    const tasks = await findReplyTasks(deps, person, { channel: reply.channel, threadTs, measureNumber });
    if (tasks.length === 0) {
      const text = {
        zh: "您目前没有需要填报进展的任务。如您是部门联络员，请督查人员用 /duban assign <部门> @您 指派。",
        en: "You have no open tasks to report on. If you are a department contact, ask a supervisor to run /duban assign <department> @you.",
      };
      return outcome([buildNoticeMessage(locale, "info", [pick(locale, text)])]);
    }
    const named =
      measureNumber === null ? tasks : tasks.filter((task) => task.measure.number === measureNumber);
    if (parsed.kind === "question")
      return outcome([buildQuestionMessage(locale, pick(locale, parsed.question))]);
    const [task] = named;
    if (named.length !== 1 || task === undefined)
      return named.length > 0
        ? askWhichTask(deps, person, named, null)
        : askWhichTask(deps, person, tasks, measureNumber);
    const origin = {
      source: reply.source ?? (threadTs === null ? "DIRECT_MESSAGE" : "THREAD_REPLY"),
      chatChannel: reply.channel,
      chatTs: reply.ts,
      chatEventId: reply.eventId,
    } as const;
    const { status, percent, blocker, text } = parsed;
    const content = {
      status,
      percent,
      blocker,
      done: text,
      nextSteps: null,
      evidence: [],
      evidenceFiles: files,
      rawText: text,
    };
    return saveProgressReport(deps, person, task, content, origin);
  });
}
