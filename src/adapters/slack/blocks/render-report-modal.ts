import type { types } from "@slack/bolt";
import type { ReportFormField, ReportFormModel } from "../../../domain/messages/build-report-form.ts";
import type { ReportFieldId } from "../../../domain/messages/report-form-fields.ts";
import { CALLBACK_IDS, reportFieldBlockId } from "../ids.ts";
import { BLOCK_LIMITS, clip, escapeMrkdwn, plainText, section } from "./block-kit.ts";

function inputElement(field: ReportFormField): types.InputBlockElement {
  if (field.kind === "select") {
    const options = field.options.map((option) => ({
      text: plainText(option.label, BLOCK_LIMITS.optionText),
      value: option.value,
    }));
    const initial = options.find((option) => option.value === field.initial);
    return {
      type: "static_select",
      action_id: field.id,
      options,
      ...(initial ? { initial_option: initial } : {}),
    };
  }
  const maxLength = Math.min(field.maxLength ?? BLOCK_LIMITS.plainTextInput, BLOCK_LIMITS.plainTextInput);
  return {
    type: "plain_text_input",
    action_id: field.id,
    multiline: field.kind === "multiline",
    max_length: maxLength,
    ...(field.initial ? { initial_value: clip(field.initial, maxLength) } : {}),
  };
}

function inputBlock(field: ReportFormField): types.InputBlock {
  return {
    type: "input",
    block_id: reportFieldBlockId(field.id),
    label: plainText(field.label, BLOCK_LIMITS.inputLabel),
    optional: !field.required,
    element: inputElement(field),
    ...(field.hint ? { hint: plainText(field.hint, BLOCK_LIMITS.inputHint) } : {}),
  };
}

/**
 * The report form as a modal (views.open). `privateMetadata` travels with the view and comes back with the
 * submission: what the form is about and where to answer.
 */
export function renderReportModal(form: ReportFormModel, privateMetadata: string): types.ModalView {
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.reportForm,
    private_metadata: privateMetadata,
    title: plainText(form.title, BLOCK_LIMITS.modalTitle),
    submit: plainText(form.submitLabel, BLOCK_LIMITS.modalButton),
    close: plainText(form.cancelLabel, BLOCK_LIMITS.modalButton),
    blocks: [
      section(`*${escapeMrkdwn(form.taskText)}*`, { blockId: "report.task" }),
      ...form.fields.map(inputBlock),
    ],
  };
}

/** Field errors as `response_action: "errors"` wants them: keyed by the input's block_id. */
export function reportFormErrors(errors: Partial<Record<ReportFieldId, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      reportFieldBlockId(field as ReportFieldId),
      clip(String(message), 150),
    ]),
  );
}
