import type pg from "pg";

const INTERNAL_CHAR_OID = 18; // PostgreSQL's one-byte "char" (pg_catalog columns such as pg_constraint.contype)
const TEXT_OID = 25;

type QueryResults = pg.QueryResult | pg.QueryResult[];

function relabelInternalChar(results: QueryResults): QueryResults {
  for (const result of Array.isArray(results) ? results : [results]) {
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === INTERNAL_CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return results;
}

/**
 * @prisma/adapter-pg rejects result columns of PostgreSQL's internal "char" type ("Column type 'char' could
 * not be deserialized"), which the schema engine reads from pg_catalog when it describes a database (to
 * diff it). Their text form is the character itself, so the pool reports them as text.
 */
export function readInternalCharAsText(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<QueryResults>;
  const relabellingQuery = (...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return query(...args); // callback style: not used by the adapter
    return query(...args).then(relabelInternalChar);
  };
  Object.defineProperty(pool, "query", { value: relabellingQuery, configurable: true, writable: true });
}
