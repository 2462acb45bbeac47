/**
 * Starts a real Decibel on an ephemeral port with a fresh data folder, exactly as `npm start` composes
 * it, and hands out clients pointed at it: the official management SDK and plain fetch.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamicContent } from 'dc-management-sdk-js';
import { loadConfig, type Config } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createScratchDatabase, type ScratchDatabase } from './postgres.js';

export const CLIENT_ID = 'test-client';
export const CLIENT_SECRET = 'test-secret-123';
export const HUB_NAME = 'test-hub';

export interface TestServer extends RunningServer {
  config: Config;
  apiUrl: string;
  authUrl: string;
  /** The official SDK, authenticating with the bootstrap client. */
  sdk(credentials?: { client_id: string; client_secret: string } | { patToken: string }): DynamicContent;
  token(): Promise<string>;
  /** fetch against the API with a valid bearer token; `path` is relative to /v2/content unless absolute. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** POST /graphql with a valid bearer token: the status and the parsed body. */
  graphql(query: string, variables?: unknown): Promise<{ status: number; body: any }>;
}

/**
 * When the suite runs on PostgreSQL (vitest project `postgres`), DECIBEL_TEST_POSTGRES is an admin URL:
 * every test server gets a database of its own, dropped when the server closes.
 */
export async function freshPostgresDatabase(): Promise<ScratchDatabase | undefined> {
  const admin = process.env.DECIBEL_TEST_POSTGRES;
  return admin ? createScratchDatabase(admin, 'decibel_test') : undefined;
}

/**
 * The PostgreSQL project is the scale-out topology: when Redis answers too (DECIBEL_TEST_REDIS), each
 * server keeps its rate limits there under a prefix of its own.
 */
function scaleOutRedis(): Record<string, string> {
  const url = process.env.DECIBEL_TEST_REDIS;
  if (!process.env.DECIBEL_TEST_POSTGRES || !url) return {};
  return { REDIS_URL: url, DECIBEL_REDIS_PREFIX: `decibel-test-${process.pid}-${Math.random().toString(36).slice(2, 10)}` };
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  // A data folder given by the caller belongs to the caller; only a folder made here is removed on close.
  const ownDataDir = env.DECIBEL_DATA_DIR === undefined;
  const dataDir = env.DECIBEL_DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-test-')));
  const database = env.DATABASE_URL ? undefined : await freshPostgresDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DECIBEL_DATA_DIR: dataDir,
    DECIBEL_CLIENT_ID: CLIENT_ID,
    DECIBEL_CLIENT_SECRET: CLIENT_SECRET,
    DECIBEL_HUB_NAME: HUB_NAME,
    LOG_LEVEL: 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(env.REDIS_URL ? {} : scaleOutRedis()),
    ...env,
  });
  const server = await startServer(config);
  const apiUrl = `${server.url}/v2/content`;
  let cached: string | undefined;
  const token = async () => {
    if (cached) return cached;
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
    });
    cached = ((await response.json()) as { access_token: string }).access_token;
    return cached;
  };
  return {
    ...server,
    config,
    apiUrl,
    authUrl: server.url,
    token,
    sdk: (credentials = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }) =>
      new DynamicContent(credentials, { apiUrl, authUrl: server.url }, { proxy: false } as never),
    async api(target, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${await token()}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const url = /^https?:/.test(target) ? target : `${apiUrl}${target}`;
      return fetch(url, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
    },
    async graphql(query, variables) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    async close() {
      await server.close();
      await database?.drop();
      if (ownDataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A minimal valid content type schema body for `schemaId`. */
export function schemaBody(schemaId: string, properties: Record<string, unknown> = { title: { type: 'string' } }): string {
  return JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId,
    title: 'Test',
    allOf: [{ $ref: 'http://bigcontent.io/cms/schema/v1/core#/definitions/content' }],
    type: 'object',
    properties,
  });
}
