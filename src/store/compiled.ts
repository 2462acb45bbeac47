import type { CompiledQuery, Kysely } from 'kysely';

/**
 * A lookup whose query is built and compiled once and then run with new parameters. Building and
 * compiling were half the cost of a primary-key read through Kysely (bench/, docs/benchmarks.md);
 * running still goes through Kysely's executor, so plugins, transactions and both dialects behave as usual.
 */
export function compiledLookup<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  const query = compiledQuery(db, compile);
  return async (...parameters: unknown[]): Promise<Row | undefined> => (await query(...parameters))[0];
}

/** As compiledLookup, for a query answering every matching row. */
export function compiledQuery<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  let compiled: CompiledQuery<Row> | undefined;
  return async (...parameters: unknown[]): Promise<Row[]> => {
    compiled ??= compile(db);
    const { rows } = await db.executeQuery<Row>({ ...compiled, parameters });
    return rows;
  };
}
