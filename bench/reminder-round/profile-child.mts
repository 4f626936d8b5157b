import { openDatabase } from "../../src/adapters/db/open-database.ts";
const db = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, dataDir: "" }, "x");
await db.prisma.$executeRawUnsafe("ANALYZE");
const planId = (await db.prisma.plan.findFirstOrThrow()).id;
const measures = (await db.prisma.measure.findMany({ where: { planId } })).map((m) => m.id);
let t = Date.now();
let after: { measureId: string; departmentId: string } | null = null;
let n = 0;
for (;;) {
  const rows = await db.prisma.task.findMany({ where: { archivedAt: null, measureId: { in: measures } }, select: { id: true, measureId: true, departmentId: true }, orderBy: [{ measureId: "asc" }, { departmentId: "asc" }], ...(after ? { cursor: { measureId_departmentId: after }, skip: 1 } : {}), take: 500 });
  n += rows.length; const last = rows.at(-1); if (!last || rows.length < 500) break; after = { measureId: last.measureId, departmentId: last.departmentId };
}
console.log("prisma cursor", n, Date.now() - t);
t = Date.now(); n = 0; let a: [string, string] | null = null;
for (;;) {
  const rows: Array<{ id: string; measureId: string; departmentId: string }> = a === null
    ? await db.prisma.$queryRaw`SELECT "id", "measureId", "departmentId" FROM "Task" WHERE "archivedAt" IS NULL AND "measureId" = ANY(${measures}::uuid[]) ORDER BY "measureId", "departmentId" LIMIT 500`
    : await db.prisma.$queryRaw`SELECT "id", "measureId", "departmentId" FROM "Task" WHERE "archivedAt" IS NULL AND "measureId" = ANY(${measures}::uuid[]) AND ("measureId", "departmentId") > (${a[0]}::uuid, ${a[1]}) ORDER BY "measureId", "departmentId" LIMIT 500`;
  n += rows.length; const last = rows.at(-1); if (!last || rows.length < 500) break; a = [last.measureId, last.departmentId];
}
console.log("raw keyset", n, Date.now() - t);
await db.close();
