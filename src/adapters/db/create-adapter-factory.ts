// Both driver adapter factories, for code that may use either (tests, the migration author). Code on the
// running path imports the one it needs from its own file, so a process on a server never loads PGlite.
export { createPgAdapterFactory, type PgPoolOptions } from "./create-pg-adapter-factory.ts";
export { createPgliteAdapterFactory } from "./create-pglite-adapter-factory.ts";
