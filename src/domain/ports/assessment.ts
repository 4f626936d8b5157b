// The assessment's ports: the history it scores, the workflow's settings, the ledger's workbook writer.
import type { SupervisionHistory } from "../assessment/assessment-records.ts";
import type { AssessmentRules } from "../assessment/assessment-rules-schema.ts";
import type { WorkbookModel } from "../ledger/workbook-model.ts";

/** The head of the audit log's hash chain: what a ledger states so a reader can check it later. */
export interface AuditChainHead {
  /** Audit events recorded. */
  events: number;
  /** The hash of the latest event; null when none is chained yet. */
  hash: string | null;
}

/** Reads the records an assessment and the Excel ledger (台账) are made from. */
export interface AssessmentStore {
  /**
   * Every active task of the plan with its reports (withdrawn ones too) and reminders, and the workflow file
   * the plan was loaded from. County names are the county ids here (the workflow file names them).
   */
  readSupervisionHistory(
    planId: string,
  ): Promise<{ workflowFile: string | null; history: SupervisionHistory }>;
  readAuditChainHead(): Promise<AuditChainHead>;
}

/** What the assessment takes from a plan's workflow file. */
export interface WorkflowSettings {
  rules: AssessmentRules;
  /** County id -> name ("dengzhou" -> "邓州市"). */
  countyNames: ReadonlyMap<string, string>;
  /** Where the rules came from: the file, or "defaults (…)" saying why. */
  source: string;
}

/** Reads the assessment rules and county names of the workflow file a plan was loaded from. */
export interface WorkflowSettingsReader {
  readWorkflowSettings(workflowFile: string | null): Promise<WorkflowSettings>;
}

/** Turns a workbook model into .xlsx bytes (the exceljs adapter). */
export interface WorkbookWriter {
  writeXlsx(workbook: WorkbookModel): Promise<Uint8Array>;
}
