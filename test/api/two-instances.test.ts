/**
 * Two Decibel processes on one PostgreSQL database and one Redis (the scale-out topology, issue 3): they
 * start together on an empty database, share data, tokens and rate-limit budgets, and version checks are
 * enforced by the database, so concurrent updates through both give exactly one winner per version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_ID, CLIENT_SECRET, freshPostgresDatabase, schemaBody } from '../helpers/server.js';
import { startDecibelProcess, type DecibelProcess } from '../helpers/process.js';

interface Instance {
  url: string;
  process: DecibelProcess;
  token(): Promise<string>;
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** A client of one instance: its own token, fetched from that instance. */
function instance(process: DecibelProcess, url: string): Instance {
  let token: string | undefined;
  const self: Instance = {
    url,
    process,
    async token() {
      const response = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    async api(path, { json, ...init } = {}) {
      token ??= await self.token();
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${url}/v2/content${path}`, { ...init, headers, body: json === undefined ? init.body : JSON.stringify(json) });
    },
  };
  return self;
}

describe.skipIf(!process.env.DECIBEL_TEST_POSTGRES)('two Decibel processes on one PostgreSQL and one Redis', () => {
  let first: Instance;
  let second: Instance;
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const dataDirs: string[] = [];
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const redis: Record<string, string> = process.env.DECIBEL_TEST_REDIS
      ? { REDIS_URL: process.env.DECIBEL_TEST_REDIS, DECIBEL_REDIS_PREFIX: `decibel-test-${randomUUID()}` }
      : {};
    const start = async () => {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-instance-'));
      dataDirs.push(dataDir);
      return startDecibelProcess({
        PORT: '0',
        DECIBEL_DATA_DIR: dataDir,
        DATABASE_URL: database!.url,
        DECIBEL_CLIENT_ID: CLIENT_ID,
        DECIBEL_CLIENT_SECRET: CLIENT_SECRET,
        DECIBEL_TOKEN_RATE_LIMIT: '4',
        DECIBEL_PUBLISH_RATE_LIMIT: '3',
        ...redis,
      });
    };
    // Started together on an empty database: migrations and the bootstrap hub and client race, and must not fail.
    const processes = await Promise.all([start(), start()]);
    const urls = await Promise.all(processes.map((p) => p.ready()));
    [first, second] = processes.map((p, i) => instance(p, urls[i]!)) as [Instance, Instance];
  }, 90_000);
  afterAll(async () => {
    await Promise.all([first?.process.stop(), second?.process.stop()]);
    await database?.drop();
    await Promise.all(dataDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
  });

  it('shares data: what one instance writes, the other reads', async () => {
    const hubs = ((await (await first.api('/hubs')).json()) as any)._embedded.hubs;
    expect(hubs).toHaveLength(1);
    const state = (await (await first.api(`/hubs/${hubs[0].id}/workflow-states`, { method: 'POST', json: { label: 'Shared' } })).json()) as any;
    expect(((await (await second.api(`/workflow-states/${state.id}`)).json()) as any).label).toBe('Shared');
  });

  it('accepts on one instance the token another issued (the signing key lives in the database)', async () => {
    const token = await first.token();
    expect((await second.api('/hubs', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it.skipIf(!process.env.DECIBEL_TEST_REDIS)('draws rate limits from one budget in Redis', async () => {
    const client = { grant_type: 'client_credentials', client_id: 'shared-budget', client_secret: 'not-a-secret' };
    const request = (server: Instance) => fetch(`${server.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(client) });
    const budget = 4;
    const statuses: number[] = [];
    for (let i = 0; i < budget; i += 1) statuses.push((await request(i % 2 === 0 ? first : second)).status);
    expect(statuses.every((status) => status === 400)).toBe(true);
    expect((await request(first)).status).toBe(429);
    expect((await request(second)).status).toBe(429);
  });

  it('lets exactly one of many concurrent updates of the same version win', async () => {
    const hubId = ((await (await first.api('/hubs')).json()) as any)._embedded.hubs[0].id;
    const schemaId = 'https://schema.example.com/race.json';
    const created = (await (
      await first.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId, body: schemaBody(schemaId) } })
    ).json()) as any;

    const attempts = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? first : second).api(`/content-type-schemas/${created.id}`, {
        method: 'PATCH',
        json: { version: 1, body: schemaBody(schemaId, { [`field${i}`]: { type: 'string' } }) },
      }),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(11);

    const history = (await (await second.api(`/content-type-schemas/${created.id}/history`)).json()) as any;
    expect(history._embedded['content-type-schemas'].map((s: any) => s.version)).toEqual([2, 1]);
  });

  it('keeps answering after the database drops its connections (restart, failover)', async () => {
    expect((await first.api('/hubs')).status).toBe(200);
    const admin = new pg.Client({ connectionString: process.env.DECIBEL_TEST_POSTGRES });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [new URL(database!.url).pathname.slice(1)],
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await first.api('/hubs')).status).toBe(200);
    expect((await second.api('/hubs')).status).toBe(200);
  });

  it.skipIf(!process.env.DECIBEL_TEST_REDIS)('shares the publish budget, and runs each publishing job once', async () => {
    const hubId = ((await (await first.api('/hubs')).json()) as any)._embedded.hubs[0].id;
    const schemaId = 'https://schema.example.com/published.json';
    await first.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId, body: schemaBody(schemaId) } });
    const type = (await (await first.api(`/hubs/${hubId}/content-types`, { method: 'POST', json: { contentTypeUri: schemaId } })).json()) as any;
    const repo = ((await (await first.api(`/hubs/${hubId}/content-repositories`)).json()) as any)._embedded['content-repositories'][0];
    await first.api(`/content-repositories/${repo.id}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
    const item = (await (
      await second.api(`/content-repositories/${repo.id}/content-items`, { method: 'POST', json: { label: 'shared', body: { _meta: { schema: schemaId }, title: 'x' } } })
    ).json()) as any;

    const publish = (instance: Instance) => instance.api(`/content-items/${item.id}/publish`, { method: 'POST', json: {} });
    const accepted = [await publish(first), await publish(second), await publish(first)];
    expect(accepted.map((r) => r.status)).toEqual([204, 204, 204]);
    expect((await publish(second)).status).toBe(429);
    expect((await publish(first)).status).toBe(429);

    for (const response of accepted) {
      const location = response.headers.get('location')!;
      await expect.poll(async () => ((await (await second.api(location.slice(location.indexOf('/publishing-jobs')))).json()) as any).state, { timeout: 10_000, interval: 50 }).toBe('COMPLETED');
    }
    const history = (await (await first.api(`/content-items/${item.id}/history`)).json()) as any;
    expect(history._embedded.history.filter((h: any) => h.action === 'PUBLISH')).toHaveLength(3);
  });
});
