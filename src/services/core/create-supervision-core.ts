import type { MentionNames } from "../../domain/commands/user-mention.ts";
import type { ContactImportRow } from "../../domain/contacts/read-contact-table.ts";
import type { HomePageRequest } from "../../domain/messages/build-home-view.ts";
import type { HomeView } from "../../domain/messages/home-view-types.ts";
import type { UserDirectory } from "../../domain/ports/chat.ts";
import type { ChatUser, Person } from "../../domain/supervision/supervision-types.ts";
import { approveTaskById } from "../approval/approve-task.ts";
import { returnTaskById } from "../approval/return-task.ts";
import { type AssessmentCommands, createAssessmentCommands } from "../assessment/assessment-commands.ts";
import { type ContactImportResult, importContacts } from "../contacts/import-contacts.ts";
import { buildHome } from "../home/build-home.ts";
import { openReportForm } from "../reporting/open-report-form.ts";
import { type IncomingReply, recordReply } from "../reporting/record-reply.ts";
import { type EditedReply, reviseReply } from "../reporting/revise-reply.ts";
import {
  checkReportForm,
  type ReportFormCheck,
  type ReportFormResult,
  type ReportFormSubmission,
  submitReportForm,
} from "../reporting/submit-report-form.ts";
import { type DeletedReply, withdrawReply } from "../reporting/withdraw-reply.ts";
import { createScheduleCommands, type ScheduleCommands } from "../schedule/schedule-commands.ts";
import { listTaskStatuses, type TaskStatusRow } from "../tasks/list-task-statuses.ts";
import { withCleanInput } from "./clean-core-input.ts";
import type { CoreOutcome } from "./core-outcome.ts";
import { identifyPerson } from "./identify-person.ts";
import { runDubanCommand } from "./run-duban-command.ts";
import type { SupervisionDeps } from "./supervision-deps.ts";

/**
 * The supervision core as front ends (Slack, the shell) use it: every call names the chat user acting,
 * and returns what to show them. Refusals come back as messages; only bugs throw.
 */
export interface SupervisionCore extends AssessmentCommands, ScheduleCommands {
  /** The Person behind a chat user (created on first contact). */
  identify(user: ChatUser): Promise<Person>;
  /**
   * `/duban <text>`. Users the text names by chat id are written "@id:U123" (the front end turns its own
   * mention syntax into that); `names` gives their display names where the front end knows them.
   * `requestKey` names the chat request (Slack: its trigger_id); the same request run again (an inbox entry
   * processed again after a crash) sends no message twice.
   */
  runCommand(user: ChatUser, text: string, names?: MentionNames, requestKey?: string): Promise<CoreOutcome>;
  /** A "report progress" button (or "edit", with the report id): the form to open, or a refusal. */
  openReportForm(user: ChatUser, taskId: string, reportId?: string | null): Promise<CoreOutcome>;
  /** Whether a submitted report form will be accepted: database checks only, no chat platform call. */
  checkReportForm(submission: ReportFormSubmission): Promise<ReportFormCheck>;
  /** A submitted report form: per-field errors, or what was stored. */
  submitReportForm(submission: ReportFormSubmission): Promise<ReportFormResult>;
  /** A free-text message: a thread reply to a Duban DM, or a DM to the bot. */
  recordReply(reply: IncomingReply): Promise<CoreOutcome>;
  /** An edited message: updates the report it made. */
  reviseReply(edit: EditedReply): Promise<CoreOutcome>;
  /** A deleted message: withdraws the report it made. */
  withdrawReply(deletion: DeletedReply): Promise<CoreOutcome>;
  /** An "approve" (办结) button. */
  approveTask(user: ChatUser, taskId: string): Promise<CoreOutcome>;
  /** A "return" button, with the reason the supervisor gave. */
  returnTask(user: ChatUser, taskId: string, reason: string | null): Promise<CoreOutcome>;
  /** The App Home for the user, one page. */
  buildHome(user: ChatUser, request?: HomePageRequest): Promise<HomeView>;
  /** Every task's status, light, latest report and contacts. */
  listTaskStatuses(): Promise<{ planId: string; title: string; rows: TaskStatusRow[] }>;
  /** Imports contacts rows, resolving e-mails through the chat platform's directory. */
  importContacts(
    rows: readonly ContactImportRow[],
    directory: UserDirectory,
    actor?: string,
  ): Promise<ContactImportResult>;
}

/** Wires the supervision use cases to their dependencies, behind the boundary that cleans what people send. */
export function createSupervisionCore(deps: SupervisionDeps): SupervisionCore {
  return withCleanInput<SupervisionCore>({
    ...createAssessmentCommands(deps),
    ...createScheduleCommands(deps),
    identify: (user) => identifyPerson(deps, user),
    runCommand: (user, text, names, requestKey) => runDubanCommand(deps, user, text, names, requestKey),
    openReportForm: (user, taskId, reportId = null) => openReportForm(deps, user, taskId, reportId),
    checkReportForm: (submission) => checkReportForm(deps, submission),
    submitReportForm: (submission) => submitReportForm(deps, submission),
    recordReply: (reply) => recordReply(deps, reply),
    reviseReply: (edit) => reviseReply(deps, edit),
    withdrawReply: (deletion) => withdrawReply(deps, deletion),
    approveTask: (user, taskId) => approveTaskById(deps, user, taskId),
    returnTask: (user, taskId, reason) => returnTaskById(deps, user, taskId, reason),
    buildHome: (user, request) => buildHome(deps, user, request),
    listTaskStatuses: () => listTaskStatuses(deps),
    importContacts: (rows, directory, actor) => importContacts(deps, rows, directory, actor),
  });
}
