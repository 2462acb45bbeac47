/**
 * Two Decibel instances on one PostgreSQL database (the scale-out topology, issue 3): version checks are
 * enforced by the database, so concurrent updates through both give exactly one winner per version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freshPostgresDatabase, schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

describe.skipIf(!process.env.DECIBEL_TEST_POSTGRES)('two instances on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    const redis: Record<string, string> = process.env.DECIBEL_TEST_REDIS
      ? { REDIS_URL: process.env.DECIBEL_TEST_REDIS, DECIBEL_REDIS_PREFIX: `decibel-test-${randomUUID()}` }
      : {};
    const env = { DATABASE_URL: database!.url, DECIBEL_TOKEN_RATE_LIMIT: '4', ...redis };
    // Started together on an empty database: migrations and the bootstrap hub and client race, and must not fail.
    [first, second] = await Promise.all([startTestServer(env), startTestServer(env)]);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.drop();
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
    const request = (server: TestServer) => fetch(`${server.authUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams(client) });
    const budget = first.config.rateLimits.token;
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
});
