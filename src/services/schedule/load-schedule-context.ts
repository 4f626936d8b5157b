import type { Schedule } from "../../domain/schedule/schedule-schema.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import type { ResolvedScheduleDeps } from "./schedule-runner-deps.ts";

/** The plan a runner works on, with its schedule read (defaults applied). */
export interface ScheduleContext {
  planId: string;
  directory: PlanDirectory;
  schedule: Schedule;
  timeZone: string;
  /** JobRun.job for this plan's firings. */
  job: string;
  /** When the plan was first loaded: firings before it are not caught up. */
  loadedAt: Date | null;
}

/** The plan's schedule; null when no plan is loaded yet (nothing is scheduled then). */
export async function loadScheduleContext(
  deps: Pick<ResolvedScheduleDeps, "store" | "planId">,
): Promise<ScheduleContext | null> {
  const directory = await deps.store.readPlanDirectory(deps.planId);
  if (directory === null) return null;
  return {
    planId: directory.planId,
    directory,
    schedule: readPlanSchedule(directory.schedule),
    timeZone: directory.timezone,
    job: `schedule:${directory.planId}`,
    loadedAt: directory.loadedAt ?? null,
  };
}

/** Delivery passes come often (after every 429): the plan's context is read again at most once a minute. */
const CONTEXT_TTL_MS = 60_000;

export function cacheScheduleContext(deps: Pick<ResolvedScheduleDeps, "store" | "planId">) {
  let cached: { at: number; context: Promise<ScheduleContext | null> } | null = null;
  return {
    get(now: Date): Promise<ScheduleContext | null> {
      const at = now.getTime();
      if (cached === null || at < cached.at || at - cached.at > CONTEXT_TTL_MS) {
        cached = { at, context: loadScheduleContext(deps) };
      }
      return cached.context;
    },
  };
}
