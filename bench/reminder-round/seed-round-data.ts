import type { PrismaClient } from "../../src/adapters/db/generated/client.ts";
import { createPrismaPlanStore } from "../../src/adapters/db/prisma-plan-store.ts";
import { loadWorkflowFile } from "../../src/adapters/files/load-workflow-file.ts";
import { loadWorkflow } from "../../src/services/plans/load-workflow.ts";

const WORKFLOW = "workflows/nanyang-relocation-2021.yaml";
const CHUNK = 5_000;

/** The Slack user id of the n-th bench contact (the Slack double's workspace has one user per id). */
export const contactId = (n: number) => `UB${String(n).padStart(7, "0")}`;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

/** One contact (联络员) per department that leads a task: person `contactId(n)` for the n-th department. */
export async function seedContacts(prisma: PrismaClient, departmentIds: readonly string[]): Promise<number> {
  const people = departmentIds.map((_, n) => ({
    platform: "slack",
    externalId: contactId(n),
    displayName: `联络员${n}`,
    role: "CONTACT" as const,
  }));
  await inChunks(people, (chunk) => prisma.person.createMany({ data: chunk }));
  const ids = new Map(
    (await prisma.person.findMany({ select: { id: true, externalId: true } })).map((p) => [
      p.externalId,
      p.id,
    ]),
  );
  const contacts = departmentIds.map((departmentId, n) => ({
    departmentId,
    personId: ids.get(contactId(n)) as string,
    isLead: true,
  }));
  await inChunks(contacts, (chunk) => prisma.contact.createMany({ data: chunk }));
  return contacts.length;
}

/** The plan counts as loaded well before the round's first reminder (2026-11-20), so every task owes it. */
const LOADED_AT = new Date("2026-09-01T00:00:00+08:00");

/** The Nanyang plan expanded to its 13 county-level units (1,190 tasks), one contact per department. */
export async function seedNanyang(prisma: PrismaClient): Promise<{ tasks: number; contacts: number }> {
  await loadWorkflow({
    workflow: await loadWorkflowFile(WORKFLOW),
    file: { path: WORKFLOW, hash: "bench" },
    store: createPrismaPlanStore(prisma),
    dryRun: false,
    actor: "bench",
    loadedAt: LOADED_AT,
  });
  const departments = await prisma.task.findMany({
    distinct: ["departmentId"],
    select: { departmentId: true },
  });
  const contacts = await seedContacts(
    prisma,
    departments.map((d) => d.departmentId),
  );
  return { tasks: await prisma.task.count(), contacts };
}

/** A synthetic plan: `measures` measures x `departments` lead departments, written in chunks. */
export async function seedSynthetic(
  prisma: PrismaClient,
  shape: { measures: number; departments: number },
): Promise<{ tasks: number; contacts: number }> {
  const planId = "synthetic-100k";
  await prisma.plan.create({
    data: { id: planId, title: "合成压力测试方案", schedule: { cycle: "monthly", dueDay: 25 } },
  });
  const section = await prisma.section.create({
    data: { planId, position: 1, label: "一、", title: "压力测试" },
  });
  await prisma.measure.createMany({
    data: Array.from({ length: shape.measures }, (_, n) => ({
      planId,
      sectionId: section.id,
      number: n + 1,
      label: `（${n + 1}）`,
      title: `合成措施第${n + 1}项`,
      text: "合成措施。",
    })),
  });
  const departmentIds = Array.from({ length: shape.departments }, (_, n) => `synthetic-${n}`);
  await inChunks(
    departmentIds.map((id, n) => ({ id, name: `合成县第${n}局`, level: "COUNTY" as const })),
    (chunk) => prisma.department.createMany({ data: chunk }),
  );
  const measures = await prisma.measure.findMany({ where: { planId }, select: { id: true } });
  for (const measure of measures) {
    await inChunks(
      departmentIds.map((departmentId) => ({ measureId: measure.id, departmentId, isPrimary: true })),
      (chunk) => prisma.task.createMany({ data: chunk }),
    );
  }
  const contacts = await seedContacts(prisma, departmentIds);
  return { tasks: await prisma.task.count(), contacts };
}
