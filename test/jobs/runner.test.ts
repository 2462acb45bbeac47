/**
 * The job queue and runner on the project's database (SQLite, or PostgreSQL in the `postgres` project):
 * two instances' runners on one database, each job run exactly once; failures and dead workers recorded.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job, Store } from '../../src/domain/ports.js';
import { openStore } from '../../src/store/index.js';
import { MAX_ATTEMPTS, startJobRunner, type JobHandler, type JobRunner } from '../../src/jobs/runner.js';
import { freshPostgresDatabase } from '../helpers/server.js';

let dataDir: string;
let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
const stores: Store[] = [];
const runners: JobRunner[] = [];
const silent = { error: () => undefined };

/** Another instance: its own connection (pool) to the same database. */
async function instance(): Promise<Store> {
  const store = await openStore({ dataDir, databaseUrl: database?.url });
  stores.push(store);
  return store;
}

function runner(store: Store, workerId: string, handlers: Record<string, JobHandler>) {
  const started = startJobRunner({ store, handlers, workerId, pollIntervalMs: 20, log: silent });
  runners.push(started);
  return started;
}

let sequence = 0;
async function enqueue(store: Store, kind: string, payload: unknown = {}): Promise<string> {
  sequence += 1;
  const id = `job-${String(sequence).padStart(4, '0')}`;
  await store.jobs.enqueue({ id, kind, payload, createdDate: new Date().toISOString() });
  return id;
}

async function settled(store: Store, ids: string[]): Promise<Job[]> {
  for (;;) {
    const jobs = await Promise.all(ids.map((id) => store.jobs.get(id)));
    if (jobs.every((job) => job && (job.status === 'COMPLETED' || job.status === 'FAILED'))) return jobs as Job[];
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-jobs-'));
  database = await freshPostgresDatabase();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await database?.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('job runner', () => {
  it('runs every job exactly once across two instances', async () => {
    const [first, second] = [await instance(), await instance()];
    const runs = new Map<string, string[]>();
    const handler = (worker: string): JobHandler => async (job) => {
      runs.set(job.id, [...(runs.get(job.id) ?? []), worker]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    runner(first, 'first', { count: handler('first') });
    runner(second, 'second', { count: handler('second') });
    const ids = [];
    for (let i = 0; i < 40; i += 1) ids.push(await enqueue(i % 2 ? first : second, 'count', { i }));

    const jobs = await settled(first, ids);
    expect(jobs.map((job) => job.status)).toEqual(ids.map(() => 'COMPLETED'));
    expect([...runs.values()].every((workers) => workers.length === 1)).toBe(true);
    expect(runs.size).toBe(40);
    // Both instances took part (each holds two workers polling every 20 ms).
    expect(new Set([...runs.values()].flat())).toEqual(new Set(['first', 'second']));
  });

  it('hands the payload over and records a handler failure as FAILED with its message', async () => {
    const store = await instance();
    const seen: unknown[] = [];
    const instanceRunner = runner(store, 'only', {
      echo: async (job) => void seen.push(job.payload),
      broken: async () => {
        throw new Error('the item was deleted');
      },
    });
    const ok = await enqueue(store, 'echo', { itemId: 'abc', version: 3 });
    const bad = await enqueue(store, 'broken');
    instanceRunner.wake();
    const [done, failed] = await settled(store, [ok, bad]);
    expect(seen).toEqual([{ itemId: 'abc', version: 3 }]);
    expect(done).toMatchObject({ status: 'COMPLETED', attempts: 1, error: null });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'the item was deleted' });
    expect(failed!.finishedDate).not.toBeNull();
  });

  it('leaves kinds it has no handler for to instances that have one', async () => {
    const store = await instance();
    runner(store, 'other', { something: async () => undefined });
    const id = await enqueue(store, 'publish');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await store.jobs.get(id))!.status).toBe('QUEUED');
  });

  it('takes over a job whose worker died once the lease runs out, and refuses the dead worker its outcome', async () => {
    const store = await instance();
    const id = await enqueue(store, 'count');
    const past = new Date(Date.now() - 60_000);
    const claimed = await store.jobs.claim(['count'], 'dead', past.toISOString(), new Date(past.getTime() + 1000).toISOString());
    expect(claimed).toMatchObject({ id, status: 'RUNNING', attempts: 1 });
    // A live lease is respected.
    expect(await store.jobs.claim(['count'], 'other', past.toISOString(), past.toISOString())).toBeUndefined();

    const ran: string[] = [];
    runner(store, 'alive', { count: async (job) => void ran.push(job.id) });
    const [job] = await settled(store, [id]);
    expect(ran).toEqual([id]);
    expect(job).toMatchObject({ status: 'COMPLETED', attempts: 2 });
    expect(await store.jobs.finish(id, 'dead', { status: 'FAILED', error: 'late' }, new Date().toISOString())).toBe(false);
    expect((await store.jobs.get(id))!.status).toBe('COMPLETED');
  });

  it(`gives up on a job claimed more than ${MAX_ATTEMPTS} times`, async () => {
    const store = await instance();
    const id = await enqueue(store, 'count');
    const past = Date.now() - 60_000;
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      // Each worker's lease ends at once; the next claims a second later.
      const at = new Date(past + i * 1000).toISOString();
      expect(await store.jobs.claim(['count'], `dead-${i}`, at, at)).toBeDefined();
    }
    const ran: string[] = [];
    runner(store, 'alive', { count: async (job) => void ran.push(job.id) });
    const [job] = await settled(store, [id]);
    expect(ran).toEqual([]);
    expect(job).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS + 1 });
    expect(job!.error).toMatch(/abandoned/);
  });

  it('queues nothing when the transaction that queued it rolls back', async () => {
    const store = await instance();
    await expect(
      store.transaction(async (tx) => {
        await tx.jobs.enqueue({ id: 'rolled-back', kind: 'count', payload: {}, createdDate: new Date().toISOString() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await store.jobs.get('rolled-back')).toBeUndefined();
  });
});
