import type { SupervisionHistory } from "../assessment/assessment-records.ts";

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
