import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type { PersonStore } from "../../domain/ports/person-store.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import type { PrismaClient } from "./generated/client.ts";
import { isUniqueViolation } from "./is-unique-violation.ts";
import { auditData, PERSON_INCLUDE, toPerson } from "./supervision-records.ts";

async function assignPerson(
  prisma: PrismaClient,
  {
    personId,
    role,
    departmentId,
  }: { personId: string; role: "ADMIN" | "SUPERVISOR" | "CONTACT" | "READER"; departmentId: string | null },
  audit: AuditEntry,
): Promise<{ contactAdded: boolean; roleChanged: boolean }> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { role: true } });
    const roleChanged = before.role !== role;
    if (roleChanged) await tx.person.update({ where: { id: personId }, data: { role } });
    let contactAdded = false;
    if (departmentId !== null) {
      const added = await tx.contact.createMany({ data: [{ departmentId, personId }], skipDuplicates: true });
      contactAdded = added.count > 0;
    }
    if (roleChanged || contactAdded) await appendAuditEvent(tx, auditData(audit));
    return { contactAdded, roleChanged };
  });
}

/** PersonStore on Prisma. */
export function createPrismaPersonStore(prisma: PrismaClient): PersonStore {
  return {
    findPerson: async (platform, externalId) => {
      const row = await prisma.person.findUnique({
        where: { platform_externalId: { platform, externalId } },
        include: PERSON_INCLUDE,
      });
      return row === null ? null : toPerson(row);
    },
    findPersonById: async (id) => {
      const row = await prisma.person.findUnique({ where: { id }, include: PERSON_INCLUDE });
      return row === null ? null : toPerson(row);
    },
    findPeopleByName: async (platform, displayName) =>
      (await prisma.person.findMany({ where: { platform, displayName }, include: PERSON_INCLUDE })).map(
        toPerson,
      ),
    createPerson: async (person, audit) => {
      try {
        return await prisma.$transaction(async (tx) => {
          const row = await tx.person.create({ data: person, include: PERSON_INCLUDE });
          await appendAuditEvent(tx, auditData({ ...audit, subjectId: row.id, after: person }));
          return toPerson(row);
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const where = { platform_externalId: { platform: person.platform, externalId: person.externalId } };
        return toPerson(await prisma.person.findUniqueOrThrow({ where, include: PERSON_INCLUDE }));
      }
    },
    updatePerson: (id, changes, audit) =>
      prisma.$transaction(async (tx) => {
        const row = await tx.person.update({ where: { id }, data: changes, include: PERSON_INCLUDE });
        await appendAuditEvent(tx, auditData(audit));
        return toPerson(row);
      }),
    listSupervisors: async () =>
      (
        await prisma.person.findMany({
          where: { role: { in: ["SUPERVISOR", "ADMIN"] } },
          include: PERSON_INCLUDE,
          orderBy: { createdAt: "asc" },
        })
      ).map(toPerson),
    listContacts: async (departmentIds) => {
      const rows = await prisma.contact.findMany({
        where: { departmentId: { in: [...departmentIds] } },
        include: { person: { include: PERSON_INCLUDE } },
        orderBy: [{ isLead: "desc" }, { createdAt: "asc" }],
      });
      return rows.map((row) => ({ departmentId: row.departmentId, person: toPerson(row.person) }));
    },
    assignPerson: (assignment, audit) => assignPerson(prisma, assignment, audit),
  };
}
