import type { PlanLoadChanges } from "../plan-load/plan-load-changes.ts";
import type { StoredPlanState } from "../plan-load/stored-plan-state.ts";

/** Persistence the plan-loading use case needs (implemented on Prisma in src/adapters/db). */
export interface PlanStore {
  readPlanState(planId: string): Promise<StoredPlanState>;
  /**
   * Applies all changes in one transaction, with an audit event by `actor`; new rows, archived rows and the
   * audit event are stamped `loadedAt` (the caller's clock, never the database's).
   */
  applyPlanLoad(changes: PlanLoadChanges, actor: string, loadedAt: Date): Promise<void>;
}
