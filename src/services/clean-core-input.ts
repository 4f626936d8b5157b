import { buildNoticeMessage } from "../domain/messages/build-notice-message.ts";
import type { ReportFieldId } from "../domain/messages/report-form-fields.ts";
import { validateReportForm } from "../domain/messages/report-form-schema.ts";
import { localeOf, pick } from "../domain/supervision/locale.ts";
import {
  CONTROL_CHARACTERS_ONLY,
  cleanPersonInput,
  isOnlyControlCharacters,
} from "../domain/text/control-characters.ts";
import { type CoreOutcome, outcome } from "./core-outcome.ts";
import type { IncomingReply } from "./record-reply.ts";
import type { ReportFormResult, ReportFormSubmission } from "./submit-report-form.ts";

type AnyMethod = (...args: unknown[]) => unknown;

/** The core's methods that refuse, rather than clean, what holds nothing but control characters. */
interface RefusingMethods {
  recordReply(reply: IncomingReply): Promise<CoreOutcome>;
  submitReportForm(submission: ReportFormSubmission): Promise<ReportFormResult>;
}

/**
 * A form whose fields held only control characters: those fields are refused (the person typed something, and
 * nothing readable is left), with the form's other errors beside them so every field shows at once. Null when
 * no field is like that.
 */
function refuseControlOnlyFields(submission: ReportFormSubmission): ReportFormResult | null {
  const locale = localeOf(submission.user.locale);
  const refused = Object.entries(submission.values).filter(
    ([, value]) => typeof value === "string" && isOnlyControlCharacters(value),
  );
  if (refused.length === 0) return null;
  const validation = validateReportForm(cleanPersonInput(submission.values), locale);
  const errors: Partial<Record<ReportFieldId, string>> = validation.ok ? {} : { ...validation.errors };
  for (const [field] of refused) errors[field as ReportFieldId] = pick(locale, CONTROL_CHARACTERS_ONLY.field);
  return { kind: "invalid", errors };
}

/**
 * The supervision core behind one boundary for what people send it: every string in every argument of every
 * method (replies, DMs, form fields, `/duban` text, names and e-mails from the chat platform, contacts rows,
 * ids from buttons) loses its control characters (see control-characters.ts) before any use case, and so any
 * database call, sees it. Two inputs are refused instead, because removing would leave nothing the person
 * meant: a new message (reply or DM) made only of control characters gets a notice that says so, and a form
 * field made only of them gets a field error (an edit made only of them is read as an empty edit: a question,
 * the report unchanged). Methods added to the core later are covered without listing them here.
 */
export function withCleanInput<Core extends RefusingMethods>(core: Core): Core {
  const cleaned = Object.fromEntries(
    Object.entries(core).map(([name, method]) => [
      name,
      typeof method === "function"
        ? (...args: unknown[]) => (method as AnyMethod)(...args.map(cleanPersonInput))
        : method,
    ]),
  ) as unknown as Core;
  return {
    ...cleaned,
    recordReply: async (reply: IncomingReply) => {
      if (!isOnlyControlCharacters(reply.text)) return cleaned.recordReply(reply);
      const locale = localeOf(reply.user.locale);
      return outcome([buildNoticeMessage(locale, "error", [pick(locale, CONTROL_CHARACTERS_ONLY.message)])]);
    },
    submitReportForm: async (submission: ReportFormSubmission) =>
      refuseControlOnlyFields(submission) ?? cleaned.submitReportForm(submission),
  };
}
