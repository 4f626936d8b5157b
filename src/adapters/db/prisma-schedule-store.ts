import type { ScheduleStore } from "../../domain/ports/schedule-store.ts";
import type { PrismaClient } from "./generated/client.ts";
import { createPrismaAbsenceStore } from "./prisma-absence-store.ts";
import { createPrismaJobRunStore } from "./prisma-job-run-store.ts";
import { createPrismaOutboxStore } from "./prisma-outbox-store.ts";
import { createPrismaScheduleTaskStore } from "./prisma-schedule-task-store.ts";
import { createPrismaSnoozeStore } from "./prisma-snooze-store.ts";

/** The schedule runner's store on Prisma: job runs, the outbox, task batches, absences and snoozes. */
export function createPrismaScheduleStore(prisma: PrismaClient): ScheduleStore {
  return {
    ...createPrismaJobRunStore(prisma),
    ...createPrismaOutboxStore(prisma),
    ...createPrismaScheduleTaskStore(prisma),
    ...createPrismaAbsenceStore(prisma),
    ...createPrismaSnoozeStore(prisma),
  };
}
