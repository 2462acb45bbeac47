import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database as Tables } from '../schema.js';
import type { DirectReader } from '../compiled.js';

/** Opens (creating if needed) the embedded database file with the settings a server wants. */
export function openSqlite(file: string): Kysely<Tables> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL: a commit survives a process crash; only an OS crash may lose the last transactions.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
}

/** Kysely's own snake_case → camelCase row mapping, for rows read without its executor. */
class RowMapper extends CamelCasePlugin {
  map = (row: Record<string, unknown>) => this.mapRow(row);
}

/**
 * A second connection to the (migrated) file for compiled lookups outside transactions (src/store/compiled.ts).
 * In WAL mode it reads the last committed state, never another request's open transaction, and it cannot
 * write (`query_only`).
 */
export function openSqliteReader(file: string): DirectReader {
  const sqlite = new Database(file);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('query_only = ON');
  const { map } = new RowMapper();
  return {
    prepare(sql) {
      const statement = sqlite.prepare(sql);
      return (parameters) => statement.all(...parameters).map((row) => map(row as Record<string, unknown>));
    },
    close: () => sqlite.close(),
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing was a tenth of the time of a hot read (bench/). Statements
 * are kept by their SQL text instead (Kysely never streams here, so a statement is never busy when reused).
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/** The unique rule a failed write broke, as `table.column[,column]`, or undefined for any other error. */
export function sqliteDuplicateKey(error: unknown): string | undefined {
  const e = error as { code?: string; message?: string };
  if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
  const match = /constraint failed: (.+)$/.exec(e.message ?? '');
  return match?.[1]?.replace(/, \w+\./g, ',') ?? 'unknown';
}
