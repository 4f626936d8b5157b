import type { ReportFormField, ReportFormModel } from "../../../domain/messages/build-report-form.ts";
import type { ReportFieldId } from "../../../domain/messages/report-form-fields.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import type { CoreOutcome } from "../../../services/core/core-outcome.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";
import { shellWords } from "../shell-words.ts";
import { askFormField, CANCELLED } from "./ask-form-field.ts";

type FormValues = Partial<Record<ReportFieldId, string | null>>;

/** A field asked only with some status (the blocker, when 受阻) is skipped, and left empty, otherwise. */
function applies(field: ReportFormField, values: FormValues): boolean {
  return field.requiredWhenStatus === null || values.status === field.requiredWhenStatus;
}

/**
 * The report form as a prompted sequence of fields (status, percent, done, next steps, blocker when 受阻,
 * evidence). The core validates the whole form; each field it rejects is shown with its error and asked
 * again, until it is stored or the user cancels (nothing is stored then). Returns what storing it led to
 * (for the caller to show), or null when cancelled.
 */
export async function fillReportForm(
  context: ShellContext,
  form: ReportFormModel,
): Promise<CoreOutcome | null> {
  const { printer } = context;
  const locale = actorLocale(context);
  printer.line(printer.style.bold(`── ${form.title} · ${form.taskText}`));
  printer.line(printer.style.dim(shellWords(locale).formHint));
  const values: FormValues = Object.fromEntries(form.fields.map((field) => [field.id, field.initial]));
  let asking = form.fields;
  for (;;) {
    for (const field of asking) {
      if (!applies(field, values)) {
        values[field.id] = null;
        continue;
      }
      const answer = await askFormField(context, field, values[field.id] ?? null);
      if (answer === CANCELLED) {
        printer.line(pick(locale, { zh: "已取消，未保存。", en: "Cancelled; nothing was saved." }));
        return null;
      }
      values[field.id] = answer;
    }
    const user = context.session.actor.user;
    const result = await context.core.submitReportForm({
      user,
      taskId: form.taskId,
      reportId: form.reportId,
      values,
      source: "SHELL",
    });
    if (result.kind === "done") return result.outcome;
    const wrong = form.fields.filter((field) => result.errors[field.id] !== undefined);
    for (const field of wrong)
      printer.line(
        printer.style.error(`✗ ${field.label}${locale === "zh" ? "：" : ": "}${result.errors[field.id]}`),
      );
    asking = wrong;
  }
}
