import type { Locale } from "../supervision/locale.ts";
import type { BoardSection, LightCounts, MessageAction, TaskItem } from "./message-parts.ts";
import type { DigestMessage, EscalationMessage, ReminderMessage } from "./schedule-message-types.ts";
import type { ScorecardMessage } from "./scorecard-message.ts";

export type { BoardMeasure, BoardSection, LightCounts, MessageAction, TaskItem } from "./message-parts.ts";

interface MessageBase {
  locale: Locale;
  /** One line for notifications and plain-text fallbacks. */
  summary: string;
}

/** `/duban help`, or the answer to a command it could not read (`problem` says what was wrong). */
export interface HelpMessage extends MessageBase {
  kind: "help";
  title: string;
  problem: string | null;
  commands: Array<{ usage: string; description: string }>;
  footer: string;
}

/** A short answer: a confirmation, a refusal, or "nothing to do". */
export interface NoticeMessage extends MessageBase {
  kind: "notice";
  tone: "info" | "success" | "error";
  lines: string[];
}

/** A list of tasks with lights, last reports and report buttons (`/duban tasks`, a contact's status). */
export interface TaskListMessage extends MessageBase {
  kind: "task_list";
  title: string;
  /** Shown when the list is empty. */
  emptyText: string;
  tasks: TaskItem[];
}

/** The whole plan at a glance (supervisors): counts per light by section and measure, what needs action. */
export interface BoardMessage extends MessageBase {
  kind: "board";
  title: string;
  totals: LightCounts;
  sections: BoardSection[];
  overdue: TaskItem[];
  blocked: TaskItem[];
  awaitingApproval: TaskItem[];
}

/** The tasks of one measure or one department, with their lights (`/duban status 5`). */
export interface StatusMessage extends MessageBase {
  kind: "status";
  title: string;
  totals: LightCounts;
  tasks: TaskItem[];
}

/** 催办: a supervisor urges a contact; lists the contact's tasks in the urged scope, each with a report button. */
export interface UrgeMessage extends MessageBase {
  kind: "urge";
  title: string;
  intro: string;
  tasks: TaskItem[];
  /** How to answer: reply in this message's thread, or press a button. */
  replyHint: string;
}

/** What the supervisor hears back after urging: who got a DM, which departments have no contact. */
export interface UrgeSummaryMessage extends MessageBase {
  kind: "urge_summary";
  lines: string[];
  urged: Array<{ departmentName: string; recipients: string[] }>;
  /** Departments concerned that have no contact to message. */
  unreachable: string[];
  /** Recipients whose message could not be delivered now (queued in the outbox, sent again automatically). */
  failed: string[];
}

/** The answer to a report: what was stored, with an "edit" button. */
export interface ReportReceiptMessage extends MessageBase {
  kind: "report_receipt";
  title: string;
  lines: string[];
  taskId: string;
  reportId: string;
  /** True when this answers a re-delivered event: the report was stored before. */
  duplicate: boolean;
  actions: MessageAction[];
}

/** A question back instead of a guess (which task? which status?); `tasks` are the choices, if any. */
export interface QuestionMessage extends MessageBase {
  kind: "question";
  question: string;
  tasks: TaskItem[];
}

/** To supervisors: a contact reported 已完成; approve (办结) or return. */
export interface ApprovalRequestMessage extends MessageBase {
  kind: "approval_request";
  title: string;
  lines: string[];
  taskId: string;
  actions: MessageAction[];
}

/** To the department's contacts: their task was approved (办结) or returned, with the reason. */
export interface ApprovalResultMessage extends MessageBase {
  kind: "approval_result";
  outcome: "approved" | "returned";
  title: string;
  lines: string[];
  taskId: string;
  reason: string | null;
  actions: MessageAction[];
}

/** The reports of a measure, newest first. */
export interface HistoryMessage extends MessageBase {
  kind: "history";
  title: string;
  emptyText: string;
  entries: Array<{ at: Date; line: string; withdrawn: boolean; edited: boolean }>;
}

/** Everything the core sends or shows; front ends render each kind (Block Kit, terminal text ...). */
export type OutboundMessage =
  | HelpMessage
  | NoticeMessage
  | TaskListMessage
  | BoardMessage
  | StatusMessage
  | UrgeMessage
  | UrgeSummaryMessage
  | ReportReceiptMessage
  | QuestionMessage
  | ApprovalRequestMessage
  | ApprovalResultMessage
  | HistoryMessage
  | ScorecardMessage
  | ReminderMessage
  | EscalationMessage
  | DigestMessage;
