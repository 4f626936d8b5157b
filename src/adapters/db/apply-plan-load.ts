import type { PlanLoadChanges } from "../../domain/plan-load/plan-load-changes.ts";
import type { Prisma } from "./generated/client.ts";

type Tx = Prisma.TransactionClient;

async function applyPlan(tx: Tx, changes: PlanLoadChanges, loadedAt: Date): Promise<void> {
  const { id, issuedOn, schedule, ...plan } = changes.desired.plan;
  const data = {
    ...plan,
    schedule: schedule as Prisma.InputJsonObject,
    issuedOn: issuedOn === null ? null : new Date(`${issuedOn}T00:00:00Z`),
  };
  const created = { createdAt: loadedAt };
  await tx.plan.upsert({ where: { id }, create: { id, ...data, ...created }, update: data });
}

async function applyDepartments(tx: Tx, { departments }: PlanLoadChanges): Promise<void> {
  const fresh = [...departments.added].sort(
    (a, b) => Number(a.counterpartOfId !== null) - Number(b.counterpartOfId !== null),
  );
  if (fresh.length > 0) await tx.department.createMany({ data: fresh });
  for (const { id, ...data } of [...departments.restored, ...departments.updated]) {
    await tx.department.update({ where: { id }, data: { ...data, archivedAt: null } });
  }
}

async function applySections(
  tx: Tx,
  planId: string,
  { sections }: PlanLoadChanges,
  now: Date,
): Promise<Map<string, string>> {
  if (sections.added.length > 0)
    await tx.section.createMany({ data: sections.added.map((s) => ({ ...s, planId })) });
  for (const { label, ...data } of [...sections.restored, ...sections.updated]) {
    await tx.section.update({
      where: { planId_label: { planId, label } },
      data: { ...data, archivedAt: null },
    });
  }
  if (sections.archived.length > 0) {
    await tx.section.updateMany({
      where: { planId, label: { in: sections.archived } },
      data: { archivedAt: now },
    });
  }
  const rows = await tx.section.findMany({ where: { planId }, select: { id: true, label: true } });
  return new Map(rows.map((row) => [row.label, row.id]));
}

async function applyMeasures(
  tx: Tx,
  planId: string,
  changes: PlanLoadChanges,
  sectionIds: Map<string, string>,
  now: Date,
): Promise<Map<number, string>> {
  const { measures } = changes;
  const row = ({
    leads: _leads,
    sectionLabel,
    indicators,
    ...measure
  }: PlanLoadChanges["measures"]["added"][number]) => ({
    ...measure,
    indicators: indicators as Prisma.InputJsonValue,
    sectionId: sectionLabel === null ? null : (sectionIds.get(sectionLabel) ?? null),
  });
  if (measures.added.length > 0)
    await tx.measure.createMany({ data: measures.added.map((m) => ({ ...row(m), planId })) });
  for (const measure of [...measures.restored, ...measures.updated]) {
    await tx.measure.update({
      where: { planId_number: { planId, number: measure.number } },
      data: { ...row(measure), archivedAt: null },
    });
  }
  if (measures.archived.length > 0) {
    await tx.measure.updateMany({
      where: { planId, number: { in: measures.archived.map(Number) } },
      data: { archivedAt: now },
    });
  }
  const rows = await tx.measure.findMany({ where: { planId }, select: { id: true, number: true } });
  return new Map(rows.map((r) => [r.number, r.id]));
}

function splitKey(key: string, measureIds: Map<number, string>): { measureId: string; departmentId: string } {
  const colon = key.indexOf(":");
  const measureId = measureIds.get(Number(key.slice(0, colon)));
  if (measureId === undefined) throw new Error(`no measure for key ${key}`);
  return { measureId, departmentId: key.slice(colon + 1) };
}

async function applyLeads(
  tx: Tx,
  changes: PlanLoadChanges,
  measureIds: Map<number, string>,
  now: Date,
): Promise<void> {
  const lead = (l: { measureNumber: number; departmentId: string }) => {
    const full = changes.desired.measures
      .find((m) => m.number === l.measureNumber)
      ?.leads.find((d) => d.departmentId === l.departmentId);
    return {
      measureId: measureIds.get(l.measureNumber) as string,
      departmentId: l.departmentId,
      position: full?.position ?? 0,
      role: full?.role ?? "LEAD",
    };
  };
  if (changes.leads.added.length > 0)
    await tx.measureLead.createMany({ data: changes.leads.added.map(lead) });
  for (const l of [...changes.leads.restored, ...changes.leads.updated]) {
    const { measureId, departmentId, ...data } = lead(l);
    await tx.measureLead.update({
      where: { measureId_departmentId: { measureId, departmentId } },
      data: { ...data, archivedAt: null },
    });
  }
  for (const key of changes.leads.archived) {
    await tx.measureLead.update({
      where: { measureId_departmentId: splitKey(key, measureIds) },
      data: { archivedAt: now },
    });
  }
}

async function applyTasks(
  tx: Tx,
  { tasks }: PlanLoadChanges,
  measureIds: Map<number, string>,
  loadedAt: Date,
): Promise<void> {
  const row = ({ measureNumber, ...task }: PlanLoadChanges["tasks"]["added"][number]) => ({
    ...task,
    measureId: measureIds.get(measureNumber) as string,
  });
  // a task is tracked from its creation (trackedSince): stamped with the load's clock
  const created = { createdAt: loadedAt };
  if (tasks.added.length > 0)
    await tx.task.createMany({ data: tasks.added.map((task) => ({ ...row(task), ...created })) });
  for (const task of [...tasks.restored, ...tasks.updated]) {
    const { measureId, departmentId, ...data } = row(task);
    await tx.task.update({
      where: { measureId_departmentId: { measureId, departmentId } },
      data: { ...data, archivedAt: null },
    });
  }
  for (const key of tasks.archived) {
    await tx.task.update({
      where: { measureId_departmentId: splitKey(key, measureIds) },
      data: { archivedAt: loadedAt },
    });
  }
}

/**
 * Writes a plan load's changes; the caller provides the transaction. Never deletes a row. `loadedAt` (the
 * caller's clock, never the database's or the machine's) stamps the new plan and tasks and dates archived rows:
 * the schedule's catch-up and the lights start from it.
 */
export async function applyPlanLoadInTransaction(
  tx: Tx,
  changes: PlanLoadChanges,
  loadedAt: Date,
): Promise<void> {
  const planId = changes.desired.plan.id;
  await applyPlan(tx, changes, loadedAt);
  await applyDepartments(tx, changes);
  const sectionIds = await applySections(tx, planId, changes, loadedAt);
  const measureIds = await applyMeasures(tx, planId, changes, sectionIds, loadedAt);
  await applyLeads(tx, changes, measureIds, loadedAt);
  await applyTasks(tx, changes, measureIds, loadedAt);
}
