import type { CompiledQuery, Kysely } from 'kysely';

/** Runs compiled reads straight on a database connection, without Kysely's asynchronous executor. */
export interface DirectReader {
  /** The query's statement, prepared once: run with parameters, it answers the rows (camelCase keys). */
  prepare(sql: string): (parameters: readonly unknown[]) => unknown[];
  /**
   * A number that changes whenever committed data may have changed since rows were last read: results
   * read under one generation may be answered again while it lasts.
   */
  generation(): number;
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

/** Results kept per compiled query while the reader's generation lasts; past this many, they start over. */
const KEPT_RESULTS = 1000;

/**
 * A lookup whose query is built and compiled once and then run with new parameters. Building and
 * compiling were half the cost of a primary-key read through Kysely (bench/, docs/benchmarks.md).
 *
 * On SQLite, outside transactions, the statement runs on a read connection of its own, and its rows are
 * kept until the database changes (DirectReader.generation): a request's few lookups (grants version,
 * permission scope, the resource) cost more than the rest of a small request (bench/graphql-node,
 * docs/benchmarks.md "Hot reads"). Kept rows are frozen, so no caller can change what the next one reads.
 * Elsewhere it goes through Kysely's executor, so plugins, transactions and both dialects behave as usual.
 */
export function compiledLookup<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  const run = compiledRunner(db, compile);
  return (...parameters: unknown[]): Promise<Row | undefined> => {
    const rows = run(parameters);
    return rows instanceof Promise ? rows.then(first) : Promise.resolve(rows[0]);
  };
}

/** As compiledLookup, for a query answering every matching row. */
export function compiledQuery<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  const run = compiledRunner(db, compile);
  // Kept rows come frozen in a frozen array: typed as the mutable array callers have always received.
  return (...parameters: unknown[]): Promise<Row[]> => {
    const rows = run(parameters);
    return rows instanceof Promise ? rows : Promise.resolve(rows as Row[]);
  };
}

const first = <Row>(rows: readonly Row[]) => rows[0];

/** Runs the compiled query: rows at once when they are read directly (or kept), else Kysely's promise of them. */
function compiledRunner<DB, Row>(db: Kysely<DB>, compile: (db: Kysely<DB>) => CompiledQuery<Row>) {
  let compiled: CompiledQuery<Row> | undefined;
  let direct: ((parameters: readonly unknown[]) => readonly Row[]) | undefined;
  return (parameters: readonly unknown[]): readonly Row[] | Promise<Row[]> => {
    if (!compiled) {
      compiled = compile(db);
      const reader = directReaders.get(db);
      if (reader) direct = keptResults(reader, reader.prepare(compiled.sql) as (parameters: readonly unknown[]) => Row[]);
    }
    if (direct) return direct(parameters);
    return db.executeQuery<Row>({ ...compiled, parameters }).then(({ rows }) => rows);
  };
}

function keptResults<Row>(reader: DirectReader, read: (parameters: readonly unknown[]) => Row[]) {
  const kept = new Map<unknown, readonly Row[]>();
  let generation = reader.generation();
  return (parameters: readonly unknown[]): readonly Row[] => {
    const now = reader.generation();
    if (now !== generation) {
      kept.clear();
      generation = now;
    }
    // Ids are strings; any other parameters are keyed by their JSON, which no id starts with.
    const key = parameters.length === 1 && typeof parameters[0] === 'string' ? parameters[0] : '\u0000' + JSON.stringify(parameters);
    let rows = kept.get(key);
    if (!rows) {
      rows = Object.freeze(read(parameters).map((row) => Object.freeze(row)));
      if (kept.size >= KEPT_RESULTS) kept.clear();
      kept.set(key, rows);
    }
    return rows;
  };
}
