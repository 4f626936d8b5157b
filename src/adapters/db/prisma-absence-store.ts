import type { AbsenceRecord, AbsenceStore } from "../../domain/ports/schedule-store.ts";
import { appendAuditEvent } from "./append-audit-event.ts";
import type { Prisma, PrismaClient } from "./generated/client.ts";
import { auditData, PERSON_INCLUDE, toPerson } from "./supervision-records.ts";

const ABSENCE_INCLUDE = { person: { include: PERSON_INCLUDE }, deputy: { include: PERSON_INCLUDE } } as const;
type AbsenceRow = Prisma.AbsenceGetPayload<{ include: typeof ABSENCE_INCLUDE }>;

/** A plan date ("2026-10-08") as the DATE column takes it, and back. */
const toDay = (date: string) => new Date(`${date}T00:00:00.000Z`);
const fromDay = (day: Date) => day.toISOString().slice(0, 10);

function toAbsence(row: AbsenceRow): AbsenceRecord {
  return {
    id: row.id,
    person: toPerson(row.person),
    deputy: toPerson(row.deputy),
    fromOn: fromDay(row.fromOn),
    toOn: fromDay(row.toOn),
  };
}

/** AbsenceStore on Prisma. */
export function createPrismaAbsenceStore(prisma: PrismaClient): AbsenceStore {
  return {
    listAbsencesOn: async (on) =>
      (
        await prisma.absence.findMany({
          where: { fromOn: { lte: toDay(on) }, toOn: { gte: toDay(on) } },
          include: ABSENCE_INCLUDE,
          orderBy: { createdAt: "desc" },
        })
      ).map(toAbsence),
    createAbsence: (absence, audit) =>
      prisma.$transaction(async (tx) => {
        const row = await tx.absence.create({
          data: { ...absence, fromOn: toDay(absence.fromOn), toOn: toDay(absence.toOn) },
          include: ABSENCE_INCLUDE,
        });
        await appendAuditEvent(tx, auditData({ ...audit, after: { ...absence, absenceId: row.id } }));
        return toAbsence(row);
      }),
  };
}
