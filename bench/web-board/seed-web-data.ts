import type { PrismaClient } from "../../src/adapters/db/generated/client.ts";

/** The supervisor the web bench signs in as. */
export const BENCH_SUPERVISOR = { platform: "slack", externalId: "UBENCHSUP" } as const;
/** The 13 counties the synthetic departments are spread over (department n: none when n % 14 is 0). */
export const BENCH_COUNTIES = 13;
export const benchCounty = (n: number) => `county-${String(n).padStart(2, "0")}`;

/**
 * Turns the synthetic 100,000-task plan (seed-round-data.ts) into a board worth reading, deterministically:
 * tasks spread over 13 counties and the city; every status (blocked, not started, awaiting approval, done, in
 * progress); reports on most tasks, over the 60 days before the bench's clock, so lights are green, yellow and
 * red for all their reasons; one latest report row per reported task; and a supervisor to sign in as.
 */
export async function seedWebBoardData(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`
    UPDATE "Task" SET "county" = CASE
      WHEN split_part("departmentId", '-', 2)::int % 14 = 0 THEN NULL
      ELSE 'county-' || lpad((split_part("departmentId", '-', 2)::int % ${BENCH_COUNTIES} + 1)::text, 2, '0')
    END`);
  await prisma.$executeRawUnsafe(`
    WITH numbered AS (SELECT "id", row_number() OVER (ORDER BY "measureId", "departmentId") AS n FROM "Task")
    UPDATE "Task" t SET
      "status" = (CASE n % 10
        WHEN 0 THEN 'BLOCKED' WHEN 1 THEN 'NOT_STARTED' WHEN 2 THEN 'NOT_STARTED'
        WHEN 3 THEN 'AWAITING_APPROVAL' WHEN 4 THEN 'DONE' ELSE 'IN_PROGRESS' END)::"TaskStatus",
      "percent" = CASE WHEN n % 10 IN (1, 2) THEN 0 WHEN n % 10 IN (3, 4) THEN 100 ELSE (n * 7) % 95 END,
      "createdAt" = TIMESTAMPTZ '2026-09-01 09:00:00+08',
      "lastReportAt" = CASE WHEN n % 10 IN (1, 2) THEN NULL
        ELSE TIMESTAMPTZ '2026-11-20 09:00:00+08' - ((n * 7) % 60) * INTERVAL '1 day' - ((n * 13) % 600) * INTERVAL '1 minute'
      END
    FROM numbered WHERE numbered."id" = t."id"`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ProgressReport" ("id", "taskId", "authorId", "status", "percent", "done", "blocker", "source", "createdAt")
    SELECT gen_random_uuid(), t."id", c."personId", t."status", t."percent",
      '完成第' || t."percent" || '%，召开推进会一次', CASE WHEN t."status" = 'BLOCKED' THEN '资金未到位' END,
      'DIRECT_MESSAGE', t."lastReportAt"
    FROM "Task" t JOIN "Contact" c ON c."departmentId" = t."departmentId"
    WHERE t."lastReportAt" IS NOT NULL`);
  await prisma.person.create({
    data: { ...BENCH_SUPERVISOR, displayName: "李督查", locale: "zh-CN", role: "SUPERVISOR" },
  });
}
