import type { AssessmentRules } from "../assessment/assessment-rules-schema.ts";

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
