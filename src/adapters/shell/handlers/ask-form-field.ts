import type { ReportFormField } from "../../../domain/messages/build-report-form.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import { actorLocale, type ShellContext } from "../shell-context.ts";

export const CANCELLED = Symbol("cancelled");

/** A select's answer: an option's number, label or value; anything else is passed on for the core to refuse. */
function selectValue(field: ReportFormField, answer: string): string {
  const byNumber = /^\d+$/.test(answer) ? field.options[Number(answer) - 1] : undefined;
  const byName = field.options.find((option) => option.label === answer || option.value === answer);
  return (byNumber ?? byName)?.value ?? answer;
}

function shownValue(field: ReportFormField, value: string | null): string {
  if (value === null || value === "") return "";
  const option = field.options.find((candidate) => candidate.value === value);
  return ` [${option?.label ?? value.replace(/\n/g, " ")}]`;
}

/** What the field line says: its label, required or not, its options or hint, and the current value. */
function fieldLine(field: ReportFormField, value: string | null, zh: boolean): string {
  const need = field.required
    ? zh
      ? "（必填）"
      : " (required)"
    : field.requiredWhenStatus !== null
      ? ""
      : zh
        ? "（选填）"
        : " (optional)";
  const options = field.options.map((option, index) => `${index + 1}) ${option.label}`).join("  ");
  const hint = field.hint === null ? "" : ` — ${field.hint}`;
  return `${field.label}${need}${options === "" ? hint : `: ${options}`}${shownValue(field, value)}`;
}

/**
 * Asks one field: Enter keeps the current value, "-" clears it, /cancel (or the end of input) cancels the
 * form. Other shell commands are not run inside a form: the field is asked again.
 */
export async function askFormField(
  context: ShellContext,
  field: ReportFormField,
  current: string | null,
): Promise<string | null | typeof CANCELLED> {
  const locale = actorLocale(context);
  context.printer.line(fieldLine(field, current, locale === "zh"));
  for (;;) {
    const line = await context.input.next(`  ${field.label}> `);
    if (line === null || line.trim() === "/cancel") return CANCELLED;
    const answer = line.trim();
    if (answer.startsWith("/")) {
      context.printer.line(
        pick(locale, {
          zh: "正在填表：请回答本项，或输入 /cancel 取消。",
          en: "Filling in a form: answer this field, or /cancel.",
        }),
      );
      continue;
    }
    if (answer === "") return current;
    if (answer === "-") return null;
    return field.kind === "select" ? selectValue(field, answer) : answer;
  }
}
