import type { PlanDirectory } from "../supervision/supervision-types.ts";

/** The loaded plan the supervision core works on. */
export interface PlanDirectoryStore {
  /** The plan `planId`, or the most recently created plan when none is named; null when none is loaded. */
  readPlanDirectory(planId?: string): Promise<PlanDirectory | null>;
}
