/**
 * The SQLite store keeps the rows of its compiled lookups (src/store/compiled.ts) until the database
 * changes: a write of this process counts at once, even within the same turn of the event loop; another
 * connection's commit (the CLI, another server) counts from the next turn.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openStore } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/dialects/sqlite.js';
import { compiledLookup, readDirectly } from '../../src/store/compiled.js';
import { defaultHubSettings } from '../../src/domain/hubs/settings.js';
import type { Store } from '../../src/domain/ports.js';
import type { Hub } from '../../src/domain/model.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

let dataDir: string;
let store: Store;
const hub: Hub = {
  id: '5a0000000000000000000001',
  name: 'kept',
  label: 'Before',
  description: '',
  status: 'ACTIVE',
  settings: defaultHubSettings(),
  createdBy: 'test',
  createdDate: '2026-11-23T00:00:00.000Z',
  lastModifiedBy: 'test',
  lastModifiedDate: '2026-11-23T00:00:00.000Z',
};

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-hot-reads-'));
  store = await openStore({ dataDir });
  await store.hubs.insert(hub);
  await nextTurn();
});
afterEach(async () => {
  await store.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('rows kept by compiled lookups', () => {
  it('are read again after a write of this process, within the same turn', async () => {
    expect((await store.hubs.get(hub.id))?.label).toBe('Before');
    await store.hubs.update({ ...hub, label: 'After' });
    expect((await store.hubs.get(hub.id))?.label).toBe('After');
    // A transaction's writes count from its commit, as any reader outside it would see them.
    await store.transaction(async (tx) => tx.hubs.update({ ...hub, label: 'In a transaction' }));
    expect((await store.hubs.get(hub.id))?.label).toBe('In a transaction');
  });

  it('are read again from the next turn after another connection commits', async () => {
    expect((await store.hubs.get(hub.id))?.label).toBe('Before');
    const other = new Database(path.join(dataDir, 'decibel.sqlite'));
    try {
      other.pragma('busy_timeout = 5000');
      expect(other.prepare('UPDATE hubs SET label = ? WHERE id = ?').run('Changed elsewhere', hub.id).changes).toBe(1);
    } finally {
      other.close();
    }
    await nextTurn();
    expect((await store.hubs.get(hub.id))?.label).toBe('Changed elsewhere');
  });

  it('are frozen, so no caller can change what the next one reads', async () => {
    const rows = await store.grants.listForSid('nobody');
    expect(Object.isFrozen(rows)).toBe(true);
    expect(() => (rows as unknown[]).push({})).toThrow(TypeError);
  });

  it('are read again after a write with RETURNING, which SQLite runs as a reading statement', async () => {
    const { db, reader } = openSqlite(path.join(dataDir, 'scratch.sqlite'));
    try {
      await sql`CREATE TABLE notes (id TEXT PRIMARY KEY, text TEXT NOT NULL)`.execute(db);
      await sql`INSERT INTO notes VALUES ('a', 'first')`.execute(db);
      readDirectly(db, reader);
      const note = compiledLookup(db as Kysely<any>, (q) => q.selectFrom('notes').selectAll().where('id', '=', '').compile());
      expect(await note('a')).toEqual({ id: 'a', text: 'first' });
      const returned = await (db as Kysely<any>).updateTable('notes').set({ text: 'second' }).where('id', '=', 'a').returning('text').execute();
      expect(returned).toEqual([{ text: 'second' }]);
      expect(await note('a')).toEqual({ id: 'a', text: 'second' });
    } finally {
      reader.close();
      await db.destroy();
    }
  });
});
