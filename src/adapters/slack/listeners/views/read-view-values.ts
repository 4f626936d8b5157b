import type { ViewOutput } from "@slack/bolt";
import { REPORT_FIELD_IDS } from "../../../../domain/messages/report-form-fields.ts";
import type { ReportFormInput } from "../../../../domain/messages/report-form-schema.ts";
import {
  REPORT_FILES_ACTION_ID,
  REPORT_FILES_BLOCK_ID,
  RETURN_REASON_ACTION_ID,
  RETURN_REASON_BLOCK_ID,
  reportFieldBlockId,
} from "../../ids.ts";
import { readSlackFiles } from "../../slack-evidence-files.ts";

type StateValue = ViewOutput["state"]["values"][string][string];

/** An input's text, or a select's chosen value; null when empty or absent. */
function inputText(state: ViewOutput["state"] | undefined, blockId: string, actionId: string): string | null {
  const entry: StateValue | undefined = state?.values?.[blockId]?.[actionId];
  if (entry === undefined || entry === null || typeof entry !== "object") return null;
  const text = entry.selected_option?.value ?? entry.value;
  return typeof text === "string" ? text : null;
}

/** The report form's inputs as the core's form input (each field's text as entered). */
export function readReportFormValues(state: ViewOutput["state"] | undefined): ReportFormInput {
  return Object.fromEntries(
    REPORT_FIELD_IDS.map((field) => [field, inputText(state, reportFieldBlockId(field), field)]),
  );
}

/** The files added in the report form's file input (its state's `files`); none when it was left empty. */
export function readReportFormFiles(state: ViewOutput["state"] | undefined) {
  return readSlackFiles(state?.values?.[REPORT_FILES_BLOCK_ID]?.[REPORT_FILES_ACTION_ID]?.files);
}

/** The return-reason modal's reason, trimmed; null when empty. */
export function readReturnReason(state: ViewOutput["state"] | undefined): string | null {
  const reason = inputText(state, RETURN_REASON_BLOCK_ID, RETURN_REASON_ACTION_ID)?.trim();
  return reason ? reason : null;
}
