import type { JobRunStore } from "../../domain/ports/schedule-store.ts";
import type { PrismaClient } from "./generated/client.ts";

/** JobRunStore on Prisma: the unique (job, slot) row is the claim; an INSERT that conflicts means "taken". */
export function createPrismaJobRunStore(prisma: PrismaClient): JobRunStore {
  return {
    listClaimedSlots: async (job, slots, staleBefore) => {
      if (slots.length === 0) return new Set();
      const rows = await prisma.jobRun.findMany({
        where: {
          job,
          slot: { in: [...slots] },
          OR: [{ finishedAt: { not: null } }, { startedAt: { gte: staleBefore } }],
        },
        select: { slot: true },
      });
      return new Set(rows.map((row) => row.slot));
    },
    claimJobRun: async ({ job, slot, late, owner, at, staleBefore }) => {
      // A new row, or the takeover of an unfinished claim whose process is taken to have died.
      const rows = await prisma.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "JobRun" ("id", "job", "slot", "late", "owner", "startedAt")
        VALUES (gen_random_uuid(), ${job}, ${slot}, ${late}, ${owner}, ${at})
        ON CONFLICT ("job", "slot") DO UPDATE
          SET "owner" = EXCLUDED."owner", "startedAt" = EXCLUDED."startedAt", "late" = EXCLUDED."late"
          WHERE "JobRun"."finishedAt" IS NULL AND "JobRun"."startedAt" < ${staleBefore}
        RETURNING "id"`;
      return rows.length === 1;
    },
    finishJobRun: async ({ job, slot, owner, at, note, error }) => {
      await prisma.jobRun.updateMany({
        where: { job, slot, owner },
        data: { finishedAt: at, note: note?.slice(0, 1000) ?? null, error: error?.slice(0, 1000) ?? null },
      });
    },
    failJobRun: async ({ job, slot, owner, error }) => {
      await prisma.jobRun.updateMany({
        where: { job, slot, owner },
        data: { error: error?.slice(0, 1000) ?? null },
      });
    },
    releaseJobRuns: async (owner) => {
      // the unfinished row is the claim: without it, the next claim of the slot is a plain insert
      const { count } = await prisma.jobRun.deleteMany({ where: { owner, finishedAt: null } });
      return count;
    },
  };
}
