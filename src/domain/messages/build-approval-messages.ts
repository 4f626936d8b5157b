import { type Locale, pick } from "../supervision/locale.ts";
import type { ProgressReportRecord, TaskRecord } from "../supervision/supervision-types.ts";
import { reportLines } from "./build-report-receipt.ts";
import { taskTitle } from "./build-task-item.ts";
import type { ApprovalRequestMessage, ApprovalResultMessage } from "./message-types.ts";
import { ACTION_WORDS, colon } from "./message-words.ts";

type TaskHeading = Pick<TaskRecord, "id" | "measure" | "department">;

/** To supervisors: a contact reported 已完成; the report, and buttons to approve (办结) or return it. */
export function buildApprovalRequest(
  locale: Locale,
  task: TaskHeading,
  report: ProgressReportRecord,
  reporterName: string,
): ApprovalRequestMessage {
  const title =
    pick(locale, { zh: "待审核办结", en: "Awaiting approval (办结)" }) + colon(locale) + taskTitle(task);
  const lines = [
    pick(locale, {
      zh: `${reporterName} 报告该任务已完成，请审核。`,
      en: `${reporterName} reports this task done; please review it.`,
    }),
    ...reportLines(report, locale),
  ];
  return {
    kind: "approval_request",
    locale,
    summary: title,
    title,
    lines,
    taskId: task.id,
    actions: [
      { kind: "approve", taskId: task.id, label: pick(locale, ACTION_WORDS.approve) },
      { kind: "return", taskId: task.id, label: pick(locale, ACTION_WORDS.return) },
    ],
  };
}

/** To the department's contacts: their task was approved (办结), or returned with the reason. */
export function buildApprovalResult(
  locale: Locale,
  task: TaskHeading,
  result: { outcome: "approved" | "returned"; supervisorName: string; reason: string | null },
): ApprovalResultMessage {
  const approved = result.outcome === "approved";
  const heading = approved
    ? pick(locale, { zh: "已办结", en: "Approved (办结)" })
    : pick(locale, { zh: "已退回", en: "Returned" });
  const title = `${heading}${colon(locale)}${taskTitle(task)}`;
  const lines = approved
    ? [
        pick(locale, {
          zh: `${result.supervisorName} 审核通过，该任务已办结。`,
          en: `${result.supervisorName} approved it; the task is closed.`,
        }),
      ]
    : [
        pick(locale, {
          zh: `${result.supervisorName} 退回了该任务，请补充后重新报送。`,
          en: `${result.supervisorName} returned this task; please complete it and report again.`,
        }),
        pick(locale, { zh: "退回原因：", en: "Reason: " }) +
          (result.reason ?? pick(locale, { zh: "（未说明）", en: "(none given)" })),
      ];
  return {
    kind: "approval_result",
    locale,
    summary: title,
    outcome: result.outcome,
    title,
    lines,
    taskId: task.id,
    reason: result.reason,
    actions: approved ? [] : [{ kind: "report", taskId: task.id, label: pick(locale, ACTION_WORDS.report) }],
  };
}
