import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

type Parsers = NonNullable<QueryOptions["parsers"]>;

/**
 * The PGlite instance as the Prisma adapter should see it, without a cost PGlite charges per query. Given parsers
 * in a query's options (the adapter gives its own with every query), PGlite copies its whole parser table
 * (`{ ...instance.parsers, ...options.parsers }`) for every result: hundreds of entries keyed by type oid, the
 * schema's own types past 16,000, so about 120 kB of garbage and 0.1 ms per query, which the garbage collector
 * then charges to whichever request is running. Here the given parsers are written into the instance's table
 * instead (checked on every query, about 25 entries) and the query goes without them: each type gets the same
 * parser as before, without the copy. Only for an instance that belongs to the adapter: its other queries get
 * the adapter's parsers too.
 */
export function withSharedQueryParsers(pglite: PGlite): PGlite {
  const shared = (options: QueryOptions | undefined): QueryOptions | undefined => {
    const given = options?.parsers;
    if (given === undefined) return options;
    const table = pglite.parsers as Parsers;
    for (const type in given) if (table[type] !== given[type]) table[type] = given[type] as Parsers[number];
    const { parsers: _, ...rest } = options as QueryOptions;
    return rest;
  };
  const query: PGlite["query"] = (sql, params, options) => pglite.query(sql, params, shared(options));
  const inTransaction = (tx: Transaction): Transaction => {
    const txQuery: Transaction["query"] = (sql, params, options) => tx.query(sql, params, shared(options));
    return new Proxy(tx, {
      get: (target, property, receiver) =>
        property === "query" ? txQuery : Reflect.get(target, property, receiver),
    });
  };
  const transaction: PGlite["transaction"] = (callback) =>
    pglite.transaction((tx) => callback(inTransaction(tx)));
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "query") return query;
      if (property === "transaction") return transaction;
      const value: unknown = Reflect.get(target, property, target);
      // PGlite's methods use private fields: they must run on the instance itself, not on this proxy
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
