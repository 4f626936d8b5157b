import type { ReportedStatus } from "../progress/reply-parse.ts";
import { type Locale, pick } from "../supervision/locale.ts";
import type { TaskRecord } from "../supervision/supervision-types.ts";
import { taskTitle } from "./build-task-item.ts";
import {
  REPORT_FIELD_MAX_LENGTH,
  REPORTED_STATUS_LABELS,
  REPORTED_STATUSES,
  type ReportFieldId,
} from "./report-form-fields.ts";

/** One field of the report form, for any front end to render (a modal input, a prompted line ...). */
export interface ReportFormField {
  id: ReportFieldId;
  kind: "select" | "number" | "text" | "multiline";
  label: string;
  hint: string | null;
  required: boolean;
  /** Required only when the status is this one (the blocker, when 受阻). */
  requiredWhenStatus: ReportedStatus | null;
  options: Array<{ value: string; label: string }>;
  maxLength: number | null;
  /** The value shown at first (a select's option value). */
  initial: string | null;
}

/** The report form (Slack: a modal) for one task; submitted values go through validateReportForm. */
export interface ReportFormModel {
  kind: "report_form";
  locale: Locale;
  taskId: string;
  /** Set when the form edits this report instead of adding one. */
  reportId: string | null;
  /** At most 24 characters (Slack's modal title limit). */
  title: string;
  taskText: string;
  submitLabel: string;
  cancelLabel: string;
  fields: ReportFormField[];
}

/** The values a form starts with: the report being edited, or the task's current status and percent. */
export interface ReportFormInitial {
  status: ReportedStatus;
  percent: number | null;
  done?: string;
  nextSteps?: string | null;
  blocker?: string | null;
  evidence?: readonly string[];
}

/** The report form for a task, in the reader's language. */
export function buildReportForm(
  locale: Locale,
  task: Pick<TaskRecord, "id" | "measure" | "department">,
  initial: ReportFormInitial,
  reportId: string | null = null,
): ReportFormModel {
  const t = (zh: string, en: string) => pick(locale, { zh, en });
  const field = (
    id: ReportFieldId,
    kind: ReportFormField["kind"],
    label: string,
    rest: Partial<ReportFormField>,
  ): ReportFormField => ({
    id,
    kind,
    label,
    hint: null,
    required: false,
    requiredWhenStatus: null,
    options: [],
    maxLength: null,
    initial: null,
    ...rest,
  });
  return {
    kind: "report_form",
    locale,
    taskId: task.id,
    reportId,
    title: reportId === null ? t("填报进展", "Report progress") : t("修改进展", "Edit report"),
    taskText: taskTitle(task),
    submitLabel: t("提交", "Submit"),
    cancelLabel: t("取消", "Cancel"),
    fields: [
      field("status", "select", t("状态", "Status"), {
        required: true,
        options: REPORTED_STATUSES.map((status) => ({
          value: status,
          label: pick(locale, REPORTED_STATUS_LABELS[status]),
        })),
        initial: initial.status,
      }),
      field("percent", "number", t("进度（%）", "Progress (%)"), {
        hint: t("0 到 100 的整数", "a whole number from 0 to 100"),
        maxLength: 3,
        initial: initial.percent === null ? null : String(initial.percent),
      }),
      field("done", "multiline", t("已完成工作", "What was done"), {
        required: true,
        maxLength: REPORT_FIELD_MAX_LENGTH.done,
        initial: initial.done ?? null,
      }),
      field("nextSteps", "multiline", t("下一步计划", "Next steps"), {
        maxLength: REPORT_FIELD_MAX_LENGTH.nextSteps,
        initial: initial.nextSteps ?? null,
      }),
      field("blocker", "multiline", t("受阻原因", "Blocker"), {
        hint: t("状态为“受阻”时必填", "required when blocked"),
        requiredWhenStatus: "blocked",
        maxLength: REPORT_FIELD_MAX_LENGTH.blocker,
        initial: initial.blocker ?? null,
      }),
      field("evidence", "multiline", t("佐证材料链接", "Evidence links"), {
        hint: t("每行一个链接", "one link per line"),
        maxLength: REPORT_FIELD_MAX_LENGTH.evidence,
        initial: initial.evidence && initial.evidence.length > 0 ? initial.evidence.join("\n") : null,
      }),
    ],
  };
}
