import type { types } from "@slack/bolt";
import type { ReportFormField, ReportFormModel } from "../../../domain/messages/build-report-form.ts";
import type { ReportFieldId } from "../../../domain/messages/report-form-fields.ts";
import { pick } from "../../../domain/supervision/locale.ts";
import { CALLBACK_IDS, REPORT_FILES_ACTION_ID, REPORT_FILES_BLOCK_ID, reportFieldBlockId } from "../ids.ts";
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
 * Evidence files (佐证材料): Slack's file input, in an input block as it must be, at most 10 files (its maximum;
 * docs.slack.dev/reference/block-kit/block-elements/file-input-element; the app needs files:read). The files
 * come back with the submission and are kept with the report; an edit adds them to those already kept.
 */
function filesBlock(form: ReportFormModel): types.InputBlock {
  const t = (zh: string, en: string) => pick(form.locale, { zh, en });
  return {
    type: "input",
    block_id: REPORT_FILES_BLOCK_ID,
    label: plainText(t("佐证材料文件", "Evidence files"), BLOCK_LIMITS.inputLabel),
    optional: true,
    element: { type: "file_input", action_id: REPORT_FILES_ACTION_ID, max_files: 10 },
    hint: plainText(
      form.reportId === null
        ? t("照片、PDF 等文件，最多 10 个", "photos, PDFs and the like, up to 10")
        : t("新加的文件与已保存的文件一并保留", "files added here are kept with those already kept"),
      BLOCK_LIMITS.inputHint,
    ),
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
      filesBlock(form),
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
