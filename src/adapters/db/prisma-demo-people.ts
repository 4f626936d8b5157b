import type { Person, Role } from "../../domain/supervision/supervision-types.ts";
import { appendAuditEvents } from "./append-audit-event.ts";
import type { PrismaClient } from "./generated/client.ts";
import { auditData, PERSON_INCLUDE, toPerson } from "./supervision-records.ts";

/** A demo person to have (Person.isDemo): who, with which role, contact of which departments. */
export interface DemoPersonSpec {
  externalId: string;
  displayName: string;
  role: Role;
  departmentIds: readonly string[];
}

/** Demo people for trying Duban without a chat platform (the local shell); marked isDemo. */
export interface DemoPeopleStore {
  /** The plan's lead departments above county level (city and province units), by name. */
  listUpperLeadDepartments(planId: string): Promise<Array<{ id: string; name: string; aliases: string[] }>>;
  /**
   * Creates the people and contact rows that are missing (nothing else changes: a demo person's role changed
   * since stays changed), audited in one transaction; returns every demo person of the platform.
   */
  ensureDemoPeople(platform: string, specs: readonly DemoPersonSpec[], at: Date): Promise<Person[]>;
}

async function ensureDemoPeople(
  prisma: PrismaClient,
  platform: string,
  specs: readonly DemoPersonSpec[],
  at: Date,
) {
  const externalIds = specs.map((spec) => spec.externalId);
  await prisma.$transaction(async (tx) => {
    const existing = await tx.person.findMany({
      where: { platform, externalId: { in: externalIds } },
      select: { externalId: true },
    });
    const known = new Set(existing.map((row) => row.externalId));
    const missing = specs.filter((spec) => !known.has(spec.externalId));
    if (missing.length === 0) return;
    await tx.person.createMany({
      data: missing.map((spec) => ({
        platform,
        externalId: spec.externalId,
        displayName: spec.displayName,
        role: spec.role,
        isDemo: true,
      })),
      skipDuplicates: true,
    });
    const created = await tx.person.findMany({
      where: { platform, externalId: { in: missing.map((spec) => spec.externalId) } },
    });
    const idOf = new Map(created.map((row) => [row.externalId, row.id]));
    const contacts = missing.flatMap((spec) =>
      spec.departmentIds.map((departmentId) => ({
        departmentId,
        personId: idOf.get(spec.externalId) as string,
        isLead: true,
      })),
    );
    await tx.contact.createMany({ data: contacts, skipDuplicates: true });
    await appendAuditEvents(
      tx,
      created.map((row) =>
        auditData({
          actor: "system",
          action: "person.create-demo",
          subjectType: "person",
          subjectId: row.id,
          after: { displayName: row.displayName, role: row.role },
          at,
        }),
      ),
    );
  });
  const rows = await prisma.person.findMany({
    where: { platform, isDemo: true },
    include: PERSON_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toPerson);
}

/** DemoPeopleStore on Prisma. */
export function createPrismaDemoPeople(prisma: PrismaClient): DemoPeopleStore {
  return {
    listUpperLeadDepartments: (planId) =>
      prisma.department.findMany({
        where: {
          archivedAt: null,
          level: { not: "COUNTY" },
          tasks: { some: { archivedAt: null, measure: { planId, archivedAt: null } } },
        },
        select: { id: true, name: true, aliases: true },
        orderBy: { name: "asc" },
      }),
    ensureDemoPeople: (platform, specs, at) => ensureDemoPeople(prisma, platform, specs, at),
  };
}
