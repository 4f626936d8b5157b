import { fileURLToPath } from "node:url";

/** Files that ship with Duban, located from this module so commands work from any directory. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));
export const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
