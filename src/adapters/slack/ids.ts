import type { ReportFieldId } from "../../domain/messages/report-form-fields.ts";

/** The action_id of each button Duban renders (Bolt routes block_actions by them). */
export const ACTION_IDS = {
  report: "duban.report",
  editReport: "duban.edit_report",
  approve: "duban.approve",
  return: "duban.return",
  homePage: "duban.home_page",
  /** The digest's "在网页中查看 / Open the board": a sign-in link for whoever clicks. */
  webBoard: "duban.web_board",
} as const;

/**
 * A page button's action_id: "duban.home_page.<page>". Slack refuses two buttons with one action_id in a
 * block, and the previous and next buttons share theirs; the page they turn to tells them apart.
 */
export function homePageActionId(page: number): string {
  return `${ACTION_IDS.homePage}.${page}`;
}

/** Matches page buttons, with the bare id a Home published before page numbers were added carries. */
export const HOME_PAGE_ACTION_PATTERN = /^duban\.home_page(\.\d+)?$/;

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

/**
 * The report form's file input (Slack only; the shell has /attach): files added there are kept as evidence.
 * Its state comes back as view.state.values[block][action].files.
 */
export const REPORT_FILES_BLOCK_ID = "report.files";
export const REPORT_FILES_ACTION_ID = "files";

/** The return-reason modal's one input. */
export const RETURN_REASON_BLOCK_ID = "return.reason";
export const RETURN_REASON_ACTION_ID = "reason";
