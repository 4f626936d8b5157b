import type { AuditEntry } from "../../domain/ports/audit-entry.ts";
import type { PersonStore } from "../../domain/ports/person-store.ts";
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

/** A Person row with its contact departments (oldest first) aggregated, as findPersonJoined reads it. */
type JoinedPersonRow = Omit<Person, "departmentIds"> & { departmentIds: string[] | null };

/**
 * findPerson in one query (every request of every front end starts with it): the person joined with their
 * contact departments, instead of a second query for the contacts. Same result as PERSON_INCLUDE.
 */
async function findPersonJoined(prisma: PrismaClient, platform: string, externalId: string) {
  const [row] = await prisma.$queryRaw<JoinedPersonRow[]>(Prisma.sql`
    SELECT p."id"::text AS "id", p."platform", p."externalId", p."displayName", p."email", p."locale",
      p."role"::text AS "role",
      array_agg(c."departmentId" ORDER BY c."createdAt", c."id") FILTER (WHERE c."id" IS NOT NULL) AS "departmentIds"
    FROM "Person" p LEFT JOIN "Contact" c ON c."personId" = p."id"
    WHERE p."platform" = ${platform} AND p."externalId" = ${externalId}
    GROUP BY p."id"`);
  return row === undefined ? null : { ...row, departmentIds: row.departmentIds ?? [] };
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
