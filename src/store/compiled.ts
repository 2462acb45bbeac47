import type { CompiledQuery, Kysely } from 'kysely';

/** Runs a compiled read straight on a database connection, without Kysely's asynchronous executor. */
export interface DirectReader {
  /** The query's statement, prepared once: run with parameters, it answers the rows (camelCase keys). */
  prepare(sql: string): (parameters: readonly unknown[]) => unknown[];
  close(): void;
}

const directReaders = new WeakMap<Kysely<any>, DirectReader>();

/**
 * Lets lookups compiled on `db` (never those of its transactions) read through `reader`. The SQLite store
 * does this with a second connection, which sees only committed data, as Kysely's would outside a
 * transaction.
 */
export function readDirectly(db: Kysely<any>, reader: DirectReader): void {
  directReaders.set(db, reader);
}

/**
 * A lookup whose query is built and compiled once and then run with new parameters. Building and
 * compiling were half the cost of a primary-key read through Kysely (bench/, docs/benchmarks.md). On
 * SQLite, outside transactions, the statement then runs on a read connection of its own: through Kysely's
 * executor each of these reads cost about as much as the rest of a small request (bench/graphql-node).
 * Elsewhere it goes through Kysely's executor, so plugins, transactions and both dialects behave as usual.
 */
export function compiledLookup<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  const query = compiledQuery(db, compile);
  return async (...parameters: unknown[]): Promise<Row | undefined> => (await query(...parameters))[0];
}

/** As compiledLookup, for a query answering every matching row. */
export function compiledQuery<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  let compiled: CompiledQuery<Row> | undefined;
  let direct: ((parameters: readonly unknown[]) => unknown[]) | undefined;
  return async (...parameters: unknown[]): Promise<Row[]> => {
    if (!compiled) {
      compiled = compile(db);
      direct = directReaders.get(db)?.prepare(compiled.sql);
    }
    if (direct) return direct(parameters) as Row[];
    const { rows } = await db.executeQuery<Row>({ ...compiled, parameters });
    return rows;
  };
}
