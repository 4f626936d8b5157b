import type { LightContext } from "../../domain/supervision/assess-task.ts";
import { readPlanSchedule } from "../../domain/supervision/plan-schedule.ts";
import type { Person, PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import { refuse } from "../core/refuse.ts";
import type { SupervisionDeps } from "../core/supervision-deps.ts";

/** The loaded plan and what its lights need (schedule, calendar, time zone, now). */
export interface PlanContext {
  directory: PlanDirectory;
  light: LightContext;
}

/** The context of a plan already read; refuses, in the person's language, when none is loaded. */
export function toPlanContext(
  directory: PlanDirectory | null,
  deps: Pick<SupervisionDeps, "clock" | "calendar">,
  person: Pick<Person, "locale">,
): PlanContext {
  if (directory === null) {
    refuse(person, "no-plan", {
      zh: "还没有导入实施方案：请先运行 duban load workflows/<方案>.yaml。",
      en: "No plan is loaded yet: run duban load workflows/<plan>.yaml first.",
    });
  }
  return {
    directory,
    light: {
      schedule: readPlanSchedule(directory.schedule),
      calendar: deps.calendar,
      timeZone: directory.timezone,
      now: deps.clock.now(),
    },
  };
}

/** Reads the plan the core works on (see toPlanContext). */
export async function loadPlanContext(
  deps: Pick<SupervisionDeps, "store" | "clock" | "calendar" | "planId">,
  person: Pick<Person, "locale">,
): Promise<PlanContext> {
  return toPlanContext(await deps.store.readPlanDirectory(deps.planId), deps, person);
}
