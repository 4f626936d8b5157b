import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/adapters/db/generated/client.ts";

/**
 * The measuring process's database: on a server, a Prisma client on `@prisma/adapter-pg` alone, as a
 * scheduler needs it (open-database.ts also loads the embedded database's module, ~37 MB of RSS, whatever the
 * configuration); the embedded database through open-database.ts.
 */
export async function openRoundDatabase(): Promise<{ prisma: PrismaClient; close(): Promise<void> }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return { prisma, close: () => prisma.$disconnect() };
  }
  const { openDatabase } = await import("../../src/adapters/db/open-database.ts");
  return openDatabase({ dataDir: process.env.BENCH_DATA_DIR ?? "" }, "npm run bench");
}
