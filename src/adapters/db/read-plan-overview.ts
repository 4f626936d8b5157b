import { DomainError } from "../../domain/errors.ts";
import type { PrismaClient } from "./generated/client.ts";

export interface PlanOverviewMeasure {
  number: number;
  label: string;
  section: string | null;
  title: string;
  needsAssignment: boolean;
  basis: string | null;
  leads: { department: string; role: "LEAD" | "COOPERATE"; primary: boolean }[];
  cityTasks: number;
  countyTasks: number;
}

export interface PlanOverview {
  id: string;
  title: string;
  countiesImplement: boolean;
  measures: PlanOverviewMeasure[];
}

/** Picks the plan a command is about: the one named, or the only one loaded. */
export async function choosePlanId(prisma: PrismaClient, wanted: string | undefined): Promise<string> {
  const plans = await prisma.plan.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  if (wanted !== undefined) {
    if (plans.some((plan) => plan.id === wanted)) return wanted;
    throw new DomainError(
      "unknown_plan",
      `no plan "${wanted}" is loaded (loaded: ${plans.map((p) => p.id).join(", ") || "none"})`,
    );
  }
  if (plans.length === 1) return (plans[0] as { id: string }).id;
  if (plans.length === 0)
    throw new DomainError("no_plan", "no plan is loaded yet: run `duban load workflows/<plan>.yaml`");
  throw new DomainError(
    "several_plans",
    `several plans are loaded; choose one with --plan (${plans.map((p) => p.id).join(", ")})`,
  );
}

/** The measure -> departments table of a plan, from the database (archived rows left out). */
export async function readPlanOverview(prisma: PrismaClient, planId: string): Promise<PlanOverview> {
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
  const measures = await prisma.measure.findMany({
    where: { planId, archivedAt: null },
    orderBy: { number: "asc" },
    include: {
      section: true,
      leads: { where: { archivedAt: null }, orderBy: { position: "asc" }, include: { department: true } },
      tasks: { where: { archivedAt: null }, select: { county: true } },
    },
  });
  return {
    id: plan.id,
    title: plan.title,
    countiesImplement: plan.countiesImplement,
    measures: measures.map((m) => ({
      number: m.number,
      label: m.label,
      section: m.section ? `${m.section.label}${m.section.title}` : null,
      title: m.title,
      needsAssignment: m.needsAssignment,
      basis: m.basis,
      leads: m.leads.map((l) => ({
        department: l.department.name,
        role: l.role,
        primary: l.position === 0 && l.role === "LEAD",
      })),
      cityTasks: m.tasks.filter((t) => t.county === null).length,
      countyTasks: m.tasks.filter((t) => t.county !== null).length,
    })),
  };
}
