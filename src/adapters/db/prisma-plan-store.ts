import type { PlanLoadChanges } from "../../domain/plan-load/plan-load-changes.ts";
import { countChanges } from "../../domain/plan-load/plan-load-changes.ts";
import type { StoredPlanState } from "../../domain/plan-load/stored-plan-state.ts";
import type { PlanStore } from "../../domain/ports/plan-store.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import { applyPlanLoadInTransaction } from "./apply-plan-load.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";

function dateOnly(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

async function readPlanState(prisma: PrismaClient, planId: string): Promise<StoredPlanState> {
  const [plan, departments, sections, measures, tasks] = await Promise.all([
    prisma.plan.findUnique({ where: { id: planId } }),
    prisma.department.findMany(),
    prisma.section.findMany({ where: { planId } }),
    prisma.measure.findMany({ where: { planId }, include: { section: true, leads: true } }),
    prisma.task.findMany({
      where: { measure: { planId } },
      include: { measure: { select: { number: true } } },
    }),
  ]);
  return {
    plan: plan && {
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      issuedOn: dateOnly(plan.issuedOn),
      basisDocument: plan.basisDocument,
      timezone: plan.timezone,
      countiesImplement: plan.countiesImplement,
      schedule: plan.schedule as Record<string, unknown>,
      recipients: plan.recipients as string[],
      copies: plan.copies as string[],
      workflowFile: plan.workflowFile ?? "",
      workflowHash: plan.workflowHash ?? "",
    },
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      aliases: d.aliases,
      level: d.level,
      county: d.county,
      counterpartOfId: d.counterpartOfId,
      archived: d.archivedAt !== null,
    })),
    sections: sections.map((s) => ({
      label: s.label,
      title: s.title,
      position: s.position,
      archived: s.archivedAt !== null,
    })),
    measures: measures.map((m) => ({
      number: m.number,
      label: m.label,
      sectionLabel: m.section?.label ?? null,
      title: m.title,
      text: m.text,
      needsAssignment: m.needsAssignment,
      basis: m.basis,
      indicators: m.indicators as unknown[],
      archived: m.archivedAt !== null,
      leads: m.leads.map((l) => ({
        departmentId: l.departmentId,
        position: l.position,
        role: l.role,
        archived: l.archivedAt !== null,
      })),
    })),
    tasks: tasks.map((t) => ({
      measureNumber: t.measure.number,
      departmentId: t.departmentId,
      county: t.county,
      isPrimary: t.isPrimary,
      archived: t.archivedAt !== null,
    })),
  };
}

export function createPrismaPlanStore(prisma: PrismaClient): PlanStore {
  return {
    readPlanState: (planId) => readPlanState(prisma, planId),
    applyPlanLoad: (changes: PlanLoadChanges, actor: string, loadedAt: Date) =>
      prisma.$transaction(
        async (tx) => {
          await applyPlanLoadInTransaction(tx, changes, loadedAt);
          await appendAuditEvent(tx, {
            at: loadedAt,
            actor,
            action: "plan.load",
            subjectType: "plan",
            subjectId: changes.desired.plan.id,
            after: {
              workflowFile: changes.desired.plan.workflowFile,
              workflowHash: changes.desired.plan.workflowHash,
              changes: countChanges(changes) as unknown as Prisma.InputJsonObject,
            },
          });
        },
        { timeout: 120_000, maxWait: 30_000 },
      ),
  };
}
