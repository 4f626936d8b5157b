import type { ReportFieldId } from "../../domain/messages/report-form-fields.ts";

/** The action_id of each button Duban renders (Bolt routes block_actions by them). */
export const ACTION_IDS = {
  report: "duban.report",
  editReport: "duban.edit_report",
  approve: "duban.approve",
  return: "duban.return",
  homePage: "duban.home_page",
} as const;

/** The callback_id of each modal (Bolt routes view_submission by them). */
export const CALLBACK_IDS = {
  reportForm: "duban.report_form",
  returnReason: "duban.return_reason",
} as const;

/** The slash command. */
export const DUBAN_COMMAND = "/duban";

/** Report form inputs: one input block per field, its element's action_id is the field id. */
export function reportFieldBlockId(field: ReportFieldId): string {
  return `report.${field}`;
}

/** The return-reason modal's one input. */
export const RETURN_REASON_BLOCK_ID = "return.reason";
export const RETURN_REASON_ACTION_ID = "reason";
