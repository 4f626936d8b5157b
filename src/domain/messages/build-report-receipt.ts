import { evidenceLabels } from "../evidence/report-evidence.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { ProgressReportRecord, TaskRecord } from "../supervision/supervision-types.ts";
import { statusText, taskTitle } from "./build-task-item.ts";
import type { ReportReceiptMessage } from "./message-types.ts";
import { ACTION_WORDS, colon } from "./message-words.ts";

/** The lines that show a report: status, what was done, next steps, blocker, evidence (links and files). */
export function reportLines(report: ProgressReportRecord, locale: Locale): string[] {
  const label = (zh: string, en: string) => pick(locale, { zh: `${zh}：`, en: `${en}: ` });
  const lines = [`${label("状态", "Status")}${statusText(report.status, report.percent, locale)}`];
  lines.push(`${label("已完成工作", "Done")}${report.done}`);
  if (report.nextSteps) lines.push(`${label("下一步", "Next steps")}${report.nextSteps}`);
  if (report.blocker) lines.push(`${label("受阻原因", "Blocker")}${report.blocker}`);
  const evidence = evidenceLabels(report);
  if (evidence.length > 0) lines.push(`${label("佐证材料", "Evidence")}${evidence.join(" ")}`);
  return lines;
}

/** The answer to a stored report, with an "edit" button. */
export function buildReportReceipt(
  locale: Locale,
  task: Pick<TaskRecord, "id" | "measure" | "department">,
  report: ProgressReportRecord,
  options: { duplicate?: boolean; edited?: boolean; evidenceAdded?: boolean } = {},
): ReportReceiptMessage {
  const verb = options.evidenceAdded
    ? pick(locale, { zh: "已补充佐证材料", en: "Evidence added" })
    : options.edited
      ? pick(locale, { zh: "已更新进展", en: "Report updated" })
      : pick(locale, { zh: "已记录进展", en: "Report recorded" });
  const title = `${verb}${colon(locale)}${taskTitle(task)}`;
  const lines = reportLines(report, locale);
  if (report.status === "AWAITING_APPROVAL") {
    lines.push(
      pick(locale, { zh: "已提交督查人员审核办结。", en: "Sent to the supervisors for approval (办结)." }),
    );
  }
  return {
    kind: "report_receipt",
    locale,
    summary: `${title} — ${lines[0]}`,
    title,
    lines,
    taskId: task.id,
    reportId: report.id,
    duplicate: options.duplicate === true,
    actions: [
      { kind: "edit_report", taskId: task.id, reportId: report.id, label: pick(locale, ACTION_WORDS.edit) },
    ],
  };
}
