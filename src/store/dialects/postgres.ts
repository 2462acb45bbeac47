import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database as Tables } from '../schema.js';

/** A pooled PostgreSQL store (DATABASE_URL); Kysely takes one connection per transaction from the pool. */
export function openPostgres(url: string): Kysely<Tables> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server dropped (restart, failover, an administrator) is reported here;
  // without a listener the process would crash. The pool discards it and connects anew when next needed,
  // and a query that fails meanwhile fails its own request.
  pool.on('error', () => undefined);
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** The unique constraint a failed write broke (SQLSTATE 23505), or undefined for any other error. */
export function postgresDuplicateKey(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' ? (e.constraint ?? 'unknown') : undefined;
}
