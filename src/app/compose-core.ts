import { createAssessmentPorts } from "../adapters/assessment/create-assessment-ports.ts";
import { loadWorkingDayCalendar } from "../adapters/calendar/load-working-day-calendar.ts";
import type { PrismaClient } from "../adapters/db/generated/client.ts";
import { createPrismaScheduleStore } from "../adapters/db/prisma-schedule-store.ts";
import { createPrismaSupervisionStore } from "../adapters/db/prisma-supervision-store.ts";
import type { CoreDependencies } from "../services/supervision-deps.ts";

/**
 * The composition root: builds the core's dependencies once, from the database and the working-day calendar
 * (workflows/calendar), for whichever front end runs (Slack, the shell) and the schedule beside it. Each front
 * end adds only its own ports (a notifier, a digest publisher). `cwd` is where the workflow settings the
 * assessment reads are found (default: the process's working directory).
 */
export async function composeCore(
  prisma: PrismaClient,
  options: { cwd?: string } = {},
): Promise<CoreDependencies> {
  return {
    store: createPrismaSupervisionStore(prisma),
    schedules: createPrismaScheduleStore(prisma),
    calendar: await loadWorkingDayCalendar(),
    assessment: createAssessmentPorts(prisma, options.cwd),
  };
}
