import type { PlanDirectoryStore } from "../../domain/ports/supervision-store.ts";
import type { PlanDirectory } from "../../domain/supervision/supervision-types.ts";
import type { PrismaClient } from "./generated/client.ts";
import { toMeasure } from "./supervision-records.ts";

async function readPlanDirectory(prisma: PrismaClient, planId?: string): Promise<PlanDirectory | null> {
  const plan = await prisma.plan.findFirst({
    ...(planId === undefined ? {} : { where: { id: planId } }),
    orderBy: { createdAt: "desc" },
  });
  if (plan === null) return null;
  const [measures, departments] = await Promise.all([
    prisma.measure.findMany({
      where: { planId: plan.id, archivedAt: null },
      include: { section: true },
      orderBy: { number: "asc" },
    }),
    prisma.department.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" } }),
  ]);
  return {
    planId: plan.id,
    title: plan.title,
    timezone: plan.timezone,
    schedule: plan.schedule,
    loadedAt: plan.createdAt,
    measures: measures.map(toMeasure),
    departments: departments.map((d) => ({ id: d.id, name: d.name, aliases: d.aliases })),
  };
}

/** PlanDirectoryStore on Prisma. */
export function createPrismaPlanDirectoryStore(prisma: PrismaClient): PlanDirectoryStore {
  return { readPlanDirectory: (planId) => readPlanDirectory(prisma, planId) };
}
