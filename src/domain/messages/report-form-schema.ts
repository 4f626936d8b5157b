import { z } from "zod";
import type { ReportedStatus } from "../progress/reply-parse.ts";
import { type Locale, type Localized, pick } from "../supervision/locale.ts";
import { isOnlyControlCharacters, removeControlCharacters } from "../text/control-characters.ts";
import { normalizeChatText } from "../text/normalize-chat-text.ts";
import {
  REPORT_FIELD_MAX_LENGTH as MAX,
  MAX_EVIDENCE_LINKS,
  REPORTED_STATUS_LABELS,
  REPORTED_STATUSES,
  type ReportFieldId,
} from "./report-form-fields.ts";

/** What a front end collected: each field's text as entered (a select's value), null or absent when empty. */
export type ReportFormInput = Partial<Record<ReportFieldId, string | null>>;

const ERRORS = {
  status_required: { zh: "请选择状态", en: "Choose a status" },
  percent_range: { zh: "进度请填 0 到 100 之间的整数", en: "Enter a whole number from 0 to 100" },
  percent_done: { zh: "已完成时进度应为 100", en: "A done task is at 100" },
  percent_not_started: { zh: "未启动时进度应为 0", en: "A task not started is at 0" },
  done_required: { zh: "请填写已完成的工作", en: "Say what was done" },
  blocker_required: { zh: "受阻时请填写受阻原因", en: "Say what blocks it" },
  evidence_link: {
    zh: "佐证材料请填写以 http:// 或 https:// 开头的链接，每行一个",
    en: "Enter links starting with http:// or https://, one per line",
  },
  evidence_count: { zh: `最多 ${MAX_EVIDENCE_LINKS} 个链接`, en: `At most ${MAX_EVIDENCE_LINKS} links` },
  too_long: { zh: "内容过长", en: "Too long" },
  control_only: {
    zh: "只包含不可见的控制字符，请重新填写",
    en: "Holds only invisible control characters; type it again",
  },
} satisfies Record<string, Localized>;
type ErrorCode = keyof typeof ERRORS;

const STATUS_WORDS = new Map<string, ReportedStatus>(
  REPORTED_STATUSES.flatMap((status) => [
    [status, status],
    [REPORTED_STATUS_LABELS[status].zh, status],
    [REPORTED_STATUS_LABELS[status].en.toLowerCase(), status],
  ]),
);

const fold = (value: unknown) => normalizeChatText(typeof value === "string" ? value : "").trim();
const text = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : ""),
    z.string().max(max, { error: "too_long" }),
  );

const PERCENT = /^(\d{1,3})%?$/;
const LINK = /^https?:\/\/\S+$/i;

/** The report form's rules; messages are error codes, worded per locale by `validateReportForm`. */
export const ReportFormSchema = z
  .object({
    status: z.preprocess(
      (value) => STATUS_WORDS.get(fold(value)) ?? "",
      z.enum(REPORTED_STATUSES, { error: "status_required" }),
    ),
    percent: z
      .preprocess(fold, z.string().regex(/^$|^\d{1,3}%?$/, { error: "percent_range" }))
      .transform((value, context) => {
        const match = PERCENT.exec(value);
        if (match === null) return null;
        const percent = Number(match[1]);
        if (percent <= 100) return percent;
        context.addIssue({ code: "custom", message: "percent_range" });
        return z.NEVER;
      }),
    done: text(MAX.done).pipe(z.string().min(1, { error: "done_required" })),
    nextSteps: text(MAX.nextSteps).transform((value) => value || null),
    blocker: text(MAX.blocker).transform((value) => value || null),
    evidence: text(MAX.evidence)
      .transform((value) => value.split(/[\s,，、]+/).filter((link) => link !== ""))
      .pipe(
        z
          .array(z.string().regex(LINK, { error: "evidence_link" }))
          .max(MAX_EVIDENCE_LINKS, { error: "evidence_count" }),
      ),
  })
  .superRefine(
    (form, context) => {
      const issue = (path: ReportFieldId, message: ErrorCode) =>
        context.addIssue({ code: "custom", path: [path], message });
      const percent = typeof form.percent === "number" ? form.percent : null;
      if (form.status === "blocked" && !form.blocker) issue("blocker", "blocker_required");
      if (form.status === "done" && percent !== null && percent !== 100) issue("percent", "percent_done");
      if (form.status === "not_started" && percent !== null && percent !== 0)
        issue("percent", "percent_not_started");
    },
    // Cross-field rules run even when other fields failed, so every field's error shows at once.
    { when: () => true },
  );

export type ReportFormValues = z.output<typeof ReportFormSchema>;

export type ReportFormValidation =
  | { ok: true; values: ReportFormValues }
  | { ok: false; errors: Partial<Record<ReportFieldId, string>> };

/**
 * Validates a submitted report form; errors are per field, worded in the reader's language. Control characters
 * (see control-characters.ts) are removed from every field first; a field that held nothing else is an error,
 * since the person typed something and nothing readable is left.
 */
export function validateReportForm(input: ReportFormInput, locale: Locale): ReportFormValidation {
  const errors: Partial<Record<ReportFieldId, string>> = {};
  const cleaned: ReportFormInput = {};
  for (const [field, value] of Object.entries(input) as [ReportFieldId, string | null | undefined][]) {
    if (typeof value === "string" && isOnlyControlCharacters(value))
      errors[field] = pick(locale, ERRORS.control_only);
    cleaned[field] = typeof value === "string" ? removeControlCharacters(value) : value;
  }
  const parsed = ReportFormSchema.safeParse(cleaned);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, values: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as ReportFieldId;
    const wording = ERRORS[issue.message as ErrorCode];
    errors[field] ??= wording === undefined ? issue.message : pick(locale, wording);
  }
  return { ok: false, errors };
}
