import { DomainError } from "../../domain/errors.ts";
import { expandWorkflow } from "../../domain/plan-load/expand-workflow.ts";
import {
  countChanges,
  hasChanges,
  type PlanLoadChanges,
  planLoadChanges,
} from "../../domain/plan-load/plan-load-changes.ts";
import type { PlanStore } from "../../domain/ports/plan-store.ts";
import { findControlCharacters } from "../../domain/text/control-characters.ts";
import type { Workflow } from "../../domain/workflow/workflow-schema.ts";

export interface LoadWorkflowOptions {
  workflow: Workflow;
  /** The workflow file as named to the user, and the hash of its bytes. */
  file: { path: string; hash: string };
  store: PlanStore;
  /** Compute and report the changes without writing them. */
  dryRun: boolean;
  /** Who loads it, for the audit record ("cli", a person id ...). */
  actor: string;
  /** When (the caller's clock): new plans and tasks are tracked from then. */
  loadedAt: Date;
}

export interface LoadWorkflowResult {
  planId: string;
  changes: PlanLoadChanges;
  counts: ReturnType<typeof countChanges>;
  /** True when something was written (false on a dry run or when nothing changed). */
  written: boolean;
}

/**
 * `duban load`: makes the database hold the workflow's plan, departments, measures and tasks. Idempotent;
 * an edited file updates texts and leads, keeps every progress report, and archives what it dropped.
 * A workflow holding a control character is refused before the database is read (checkWorkflow names where;
 * this guards callers that did not run it).
 */
export async function loadWorkflow(options: LoadWorkflowOptions): Promise<LoadWorkflowResult> {
  const [control] = findControlCharacters(options.workflow);
  if (control !== undefined) {
    throw new DomainError(
      "workflow-control-character",
      `${options.file.path}: ${control.path.join(".")} holds the invisible control character ${control.character}: remove it`,
    );
  }
  const desired = expandWorkflow(options.workflow, options.file);
  const stored = await options.store.readPlanState(desired.plan.id);
  const changes = planLoadChanges(desired, stored);
  const write = !options.dryRun && hasChanges(changes);
  if (write) await options.store.applyPlanLoad(changes, options.actor, options.loadedAt);
  return { planId: desired.plan.id, changes, counts: countChanges(changes), written: write };
}
