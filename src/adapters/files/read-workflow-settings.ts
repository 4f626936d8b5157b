import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { DEFAULT_ASSESSMENT_RULES } from "../../domain/assessment/assessment-rules-schema.ts";
import type { WorkflowSettings, WorkflowSettingsReader } from "../../domain/ports/assessment.ts";
import { PROJECT_ROOT } from "../../shared/project-paths.ts";
import { loadWorkflowFile } from "./load-workflow-file.ts";

/** The file as stored on the plan (relative to where `duban load` ran), tried from `cwd` then the project root. */
function locate(workflowFile: string, cwd: string): string | null {
  if (isAbsolute(workflowFile)) return existsSync(workflowFile) ? workflowFile : null;
  return (
    [resolve(cwd, workflowFile), resolve(PROJECT_ROOT, workflowFile)].find((path) => existsSync(path)) ?? null
  );
}

/**
 * Reads the assessment rules (`assessment:`) and county names from a plan's workflow file. A file that is
 * gone gives the default rules, saying so in `source`; a file that is there but invalid is refused (DomainError).
 */
export function createWorkflowSettingsReader(cwd: string = process.cwd()): WorkflowSettingsReader {
  return {
    readWorkflowSettings: async (workflowFile): Promise<WorkflowSettings> => {
      const defaults = (why: string): WorkflowSettings => ({
        rules: DEFAULT_ASSESSMENT_RULES,
        countyNames: new Map(),
        source: `defaults (${why})`,
      });
      if (workflowFile === null) return defaults("the plan names no workflow file");
      const path = locate(workflowFile, cwd);
      if (path === null) return defaults(`${workflowFile} not found`);
      const workflow = await loadWorkflowFile(path, workflowFile);
      return {
        rules: workflow.assessment ?? DEFAULT_ASSESSMENT_RULES,
        countyNames: new Map(workflow.counties.map((county) => [county.id, county.name])),
        source:
          workflow.assessment === undefined
            ? `defaults (${workflowFile} has no assessment: key)`
            : workflowFile,
      };
    },
  };
}
