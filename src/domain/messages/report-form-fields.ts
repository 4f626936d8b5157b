import type { ReportedStatus } from "../progress/reply-parse.ts";
import type { Localized } from "../supervision/locale.ts";

/** The report form's fields, in order. */
export const REPORT_FIELD_IDS = ["status", "percent", "done", "nextSteps", "blocker", "evidence"] as const;
export type ReportFieldId = (typeof REPORT_FIELD_IDS)[number];

/** The statuses a report can give, as the form offers them (未启动 / 推进中 / 已完成 / 受阻). */
export const REPORTED_STATUSES: readonly ReportedStatus[] = ["not_started", "in_progress", "done", "blocked"];

export const REPORTED_STATUS_LABELS: Record<ReportedStatus, Localized> = {
  not_started: { zh: "未启动", en: "Not started" },
  in_progress: { zh: "推进中", en: "In progress" },
  done: { zh: "已完成", en: "Done" },
  blocked: { zh: "受阻", en: "Blocked" },
};

/** Longest text each field takes (Slack's plain-text inputs take up to 3000 characters). */
export const REPORT_FIELD_MAX_LENGTH = {
  done: 2000,
  nextSteps: 2000,
  blocker: 1000,
  evidence: 3000,
} as const;

/** At most this many evidence links per report. */
export const MAX_EVIDENCE_LINKS = 10;
