import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database as Tables } from '../schema.js';
import type { DirectReader } from '../compiled.js';

export interface Sqlite {
  db: Kysely<Tables>;
  /** Compiled lookups outside transactions read through this (src/store/compiled.ts). */
  reader: DirectReader;
}

/** Opens (creating if needed) the embedded database file with the settings a server wants. */
export function openSqlite(file: string): Sqlite {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL: a commit survives a process crash; only an OS crash may lose the last transactions.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const reader = openReader(file);
  const database = withStatementCache(sqlite, reader.written);
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] }), reader };
}

/** Kysely's own snake_case → camelCase row mapping, for rows read without its executor. */
class RowMapper extends CamelCasePlugin {
  map = (row: Record<string, unknown>) => this.mapRow(row);
}

/**
 * A second connection to the file for compiled lookups outside transactions. In WAL mode it reads the last
 * committed state, never another request's open transaction, and it cannot write (`query_only`).
 *
 * Its generation changes at once when this process writes (`written`, called after every write statement
 * of the main connection, COMMIT included), and when another process has committed (the CLI, or another
 * server on the same file): SQLite's `data_version` moves then, and it is asked at most once per turn of
 * the event loop. A request sent after such a commit finished is read in a later turn, so it sees the
 * change; the requests of one turn share one question instead of asking each.
 */
function openReader(file: string): DirectReader & { written: () => void } {
  const sqlite = new Database(file);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('query_only = ON');
  const { map } = new RowMapper();
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let version = dataVersion.get();
  let generation = 0;
  let asked = false;
  const forget = () => {
    asked = false;
  };
  return {
    prepare(sql) {
      const statement = sqlite.prepare(sql);
      return (parameters) => statement.all(...parameters).map((row) => map(row as Record<string, unknown>));
    },
    generation() {
      if (!asked) {
        asked = true;
        setImmediate(forget);
        const now = dataVersion.get();
        if (now !== version) {
          version = now;
          generation++;
        }
      }
      return generation;
    },
    written() {
      generation++;
    },
    close: () => sqlite.close(),
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing was a tenth of the time of a hot read (bench/). Statements
 * are kept by their SQL text instead (Kysely never streams here, so a statement is never busy when reused).
 * `written` is called after every statement that writes (or ends a transaction).
 */
function withStatementCache(sqlite: Database.Database, written: () => void): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = announcingWrites(sqlite.prepare(sql), written);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/**
 * Pure reads as they are; anything else announces itself after running: writes (with or without RETURNING,
 * which makes a statement a `reader`) and transaction control, which SQLite counts as read-only although
 * COMMIT is when a transaction's writes become visible.
 */
function announcingWrites(statement: Database.Statement, written: () => void): SqliteStatement {
  if (statement.reader && statement.readonly) return statement;
  const announcing =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(...args);
      } finally {
        written();
      }
    };
  return {
    reader: statement.reader,
    all: announcing((parameters: readonly unknown[]) => statement.all(parameters)),
    run: announcing((parameters: readonly unknown[]) => statement.run(parameters)),
    // Kysely streams selects only ("Sqlite driver only supports streaming of select queries").
    iterate: (parameters) => statement.iterate(parameters),
  };
}

/** The unique rule a failed write broke, as `table.column[,column]`, or undefined for any other error. */
export function sqliteDuplicateKey(error: unknown): string | undefined {
  const e = error as { code?: string; message?: string };
  if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
  const match = /constraint failed: (.+)$/.exec(e.message ?? '');
  return match?.[1]?.replace(/, \w+\./g, ',') ?? 'unknown';
}
