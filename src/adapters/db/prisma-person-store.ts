import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type { PersonStore } from "../../domain/ports/supervision-store.ts";
import type { Person } from "../../domain/supervision/supervision-types.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";
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

/** A Person row with its contact departments (oldest first), as findPersonJoined reads it. */
type JoinedPersonRow = Person;

/**
 * findPerson in one query (every request of every front end starts with it): the person and their contact
 * departments, instead of a second query for the contacts. Same result as PERSON_INCLUDE. The departments are
 * a correlated ARRAY(...) rather than a join with GROUP BY: the same rows, and about half the database's time
 * (planning a join and an aggregate costs more than running them).
 */
async function findPersonJoined(prisma: PrismaClient, platform: string, externalId: string) {
  const [row] = await prisma.$queryRaw<JoinedPersonRow[]>(Prisma.sql`
    SELECT p."id"::text AS "id", p."platform", p."externalId", p."displayName", p."email", p."locale",
      p."role"::text AS "role",
      ARRAY(SELECT c."departmentId" FROM "Contact" c WHERE c."personId" = p."id" ORDER BY c."createdAt", c."id") AS "departmentIds"
    FROM "Person" p
    WHERE p."platform" = ${platform} AND p."externalId" = ${externalId}`);
  return row ?? null;
}

/** PersonStore on Prisma. */
export function createPrismaPersonStore(prisma: PrismaClient): PersonStore {
  return {
    findPerson: (platform, externalId) => findPersonJoined(prisma, platform, externalId),
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
