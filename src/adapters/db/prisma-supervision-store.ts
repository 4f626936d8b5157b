import type { SupervisionStore } from "../../domain/ports/supervision-store.ts";
import type { PrismaClient } from "./generated/client.ts";
import { createPrismaAbsenceStore } from "./prisma-absence-store.ts";
import { createPrismaPersonStore } from "./prisma-person-store.ts";
import { createPrismaPlanDirectoryStore } from "./prisma-plan-directory-store.ts";
import { createPrismaReminderStore } from "./prisma-reminder-store.ts";
import { createPrismaReportStore } from "./prisma-report-store.ts";
import { createPrismaSnoozeStore } from "./prisma-snooze-store.ts";
import { createPrismaTaskStore } from "./prisma-task-store.ts";

/** The supervision core's store on Prisma: the only place its records meet the database. */
export function createPrismaSupervisionStore(prisma: PrismaClient): SupervisionStore {
  return {
    ...createPrismaPersonStore(prisma),
    ...createPrismaPlanDirectoryStore(prisma),
    ...createPrismaTaskStore(prisma),
    ...createPrismaReportStore(prisma),
    ...createPrismaReminderStore(prisma),
    ...createPrismaAbsenceStore(prisma),
    ...createPrismaSnoozeStore(prisma),
  };
}
