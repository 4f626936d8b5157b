import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate). Duban applies migrations itself, offline: see src/adapters/db/migrate/.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
