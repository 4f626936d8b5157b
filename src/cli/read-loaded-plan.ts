import { DomainError } from "../domain/errors.ts";
import type { PlanDirectoryStore } from "../domain/ports/supervision-store.ts";
import type { PlanDirectory } from "../domain/supervision/supervision-types.ts";

/** The loaded plan, for a command that needs one: without it, one line (exit code 2) saying how to load it. */
export async function readLoadedPlan(store: PlanDirectoryStore): Promise<PlanDirectory> {
  const directory = await store.readPlanDirectory();
  if (directory === null)
    throw new DomainError("no-plan", "no plan is loaded yet: run duban load <workflow.yaml> first");
  return directory;
}
