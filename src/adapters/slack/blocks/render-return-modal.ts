import type { types } from "@slack/bolt";
import { type Locale, pick } from "../../../domain/supervision/locale.ts";
import { CALLBACK_IDS, RETURN_REASON_ACTION_ID, RETURN_REASON_BLOCK_ID } from "../ids.ts";
import { BLOCK_LIMITS, plainText, section } from "./block-kit.ts";

/** Longest reason accepted (it is shown to the contacts and kept in the audit log). */
const RETURN_REASON_MAX_LENGTH = 1000;

const WORDS = {
  title: { zh: "退回任务", en: "Return task" },
  intro: {
    zh: "退回后任务回到“推进中”，该部门的联络员会收到退回原因。",
    en: "The task goes back to in progress; the department's contacts are told the reason.",
  },
  label: { zh: "退回原因", en: "Reason" },
  hint: { zh: "请说明需要补充或修改的内容", en: "Say what needs to be done or corrected" },
  submit: { zh: "退回", en: "Return" },
  close: { zh: "取消", en: "Cancel" },
};

/** The modal a supervisor fills in after pressing "退回 / Return": why the task goes back. */
export function renderReturnModal(locale: Locale, privateMetadata: string): types.ModalView {
  const t = (key: keyof typeof WORDS) => pick(locale, WORDS[key]);
  return {
    type: "modal",
    callback_id: CALLBACK_IDS.returnReason,
    private_metadata: privateMetadata,
    title: plainText(t("title"), BLOCK_LIMITS.modalTitle),
    submit: plainText(t("submit"), BLOCK_LIMITS.modalButton),
    close: plainText(t("close"), BLOCK_LIMITS.modalButton),
    blocks: [
      section(t("intro"), { blockId: "return.intro" }),
      {
        type: "input",
        block_id: RETURN_REASON_BLOCK_ID,
        label: plainText(t("label"), BLOCK_LIMITS.inputLabel),
        hint: plainText(t("hint"), BLOCK_LIMITS.inputHint),
        element: {
          type: "plain_text_input",
          action_id: RETURN_REASON_ACTION_ID,
          multiline: true,
          max_length: RETURN_REASON_MAX_LENGTH,
        },
      },
    ],
  };
}
