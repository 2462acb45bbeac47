import path from 'node:path';
import type { LimitBudgets } from './limits/index.js';
import { ConfigError } from './config-error.js';
import { parseBlobsSetting, type BlobsSetting } from './blobs/setting.js';
import { parseAllowList, type AllowList } from './sources/allow-list.js';

export { ConfigError };

/** Every setting Decibel reads, typed and validated once at start-up (docs/configuration.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection URL; unset means the embedded SQLite file in `dataDir`. */
  databaseUrl: string | undefined;
  /** Origin used for absolute hrefs, e.g. `https://cms.example.com`; when unset, taken from each request. */
  publicUrl: string | undefined;
  bootstrap: {
    clientId: string;
    clientSecret: string;
    hubName: string;
  };
  /** Lifetime of issued access tokens, in seconds. */
  tokenTtl: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest `size` a collection request may ask for. */
  maxPageSize: number;
  /** Redis connection URL; unset keeps rate-limit budgets in this process. */
  redisUrl: string | undefined;
  /** Prefix of Decibel's Redis keys. */
  redisPrefix: string;
  /** Requests per minute per caller for each rate limit; 0 means no limit. */
  rateLimits: LimitBudgets;
  /** How often an instance looks for jobs queued by other instances, in milliseconds. */
  jobPollInterval: number;
  blobs: BlobsSetting;
  /** createAsset's downloads and createTempFileUploadUrl's uploads (docs/graphql.md "Ingestion"). */
  ingest: {
    /** Private, loopback and other special destinations downloads may reach anyway. */
    allow: AllowList;
    maxBytes: number;
    /** The whole download, in milliseconds. */
    timeoutMs: number;
    /** How long an upload URL can be used, in seconds. */
    uploadTtl: number;
  };
  /** 004's per-request limits on ids. */
  graphqlLimits: GraphqlLimits;
}

export interface GraphqlLimits {
  /** Ids one publishAssets, unpublishAssets, deleteAssets or updateAssets may name. */
  mutationIds: number;
  /** Ids one `assets` query may name. */
  assetIds: number;
}

export const DEFAULT_CLIENT_ID = 'decibel';
export const DEFAULT_CLIENT_SECRET = 'decibel-secret';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value.trim() !== value) throw new ConfigError(name, 'must not start or end with white space');
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function publicUrl(env: Env): string | undefined {
  const raw = env.DECIBEL_PUBLIC_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DECIBEL_PUBLIC_URL', `must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('DECIBEL_PUBLIC_URL', `must be an http or https URL, got "${raw}"`);
  }
  if (url.search || url.hash) throw new ConfigError('DECIBEL_PUBLIC_URL', 'must not have a query or fragment');
  // A path prefix is allowed (behind a reverse proxy); hrefs are built as `${publicUrl}/v2/content/...`.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must be a postgres:// URL, got a ${url.protocol} URL`);
  }
  return raw;
}

function redisUrl(env: Env): string | undefined {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL, got a ${url.protocol} URL`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const logLevel = text(env, 'LOG_LEVEL', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const hubName = text(env, 'DECIBEL_HUB_NAME', 'decibel');
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(hubName)) {
    throw new ConfigError('DECIBEL_HUB_NAME', `must be 1-64 lower-case letters, digits or hyphens, got "${hubName}"`);
  }
  const clientSecret = text(env, 'DECIBEL_CLIENT_SECRET', DEFAULT_CLIENT_SECRET);
  if (clientSecret.length < 8) throw new ConfigError('DECIBEL_CLIENT_SECRET', 'must be at least 8 characters');
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env, 'HOST', '127.0.0.1'),
    dataDir: path.resolve(cwd, text(env, 'DECIBEL_DATA_DIR', 'data')),
    databaseUrl: databaseUrl(env),
    publicUrl: publicUrl(env),
    bootstrap: {
      clientId: text(env, 'DECIBEL_CLIENT_ID', DEFAULT_CLIENT_ID),
      clientSecret,
      hubName,
    },
    tokenTtl: integer(env, 'DECIBEL_TOKEN_TTL', 300, 1, 7 * 24 * 3600),
    logLevel: logLevel as Config['logLevel'],
    maxPageSize: integer(env, 'DECIBEL_MAX_PAGE_SIZE', 1000, 1, 10000),
    redisUrl: redisUrl(env),
    redisPrefix: text(env, 'DECIBEL_REDIS_PREFIX', 'decibel'),
    rateLimits: {
      token: integer(env, 'DECIBEL_TOKEN_RATE_LIMIT', 300, 0, 1_000_000),
      publish: integer(env, 'DECIBEL_PUBLISH_RATE_LIMIT', 100, 0, 1_000_000),
      graphql: integer(env, 'DECIBEL_GRAPHQL_RATE_LIMIT', 60, 0, 1_000_000),
    },
    jobPollInterval: integer(env, 'DECIBEL_JOB_POLL_MS', 500, 10, 60_000),
    blobs: parseBlobsSetting(env),
    ingest: {
      allow: parseAllowList(env.DECIBEL_INGEST_ALLOW),
      maxBytes: integer(env, 'DECIBEL_INGEST_MAX_BYTES', 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
      timeoutMs: 1000 * integer(env, 'DECIBEL_INGEST_TIMEOUT', 300, 1, 24 * 3600),
      uploadTtl: integer(env, 'DECIBEL_UPLOAD_URL_TTL', 900, 1, 7 * 24 * 3600),
    },
    graphqlLimits: {
      mutationIds: integer(env, 'DECIBEL_GRAPHQL_MUTATION_IDS', 200, 1, 100_000),
      assetIds: integer(env, 'DECIBEL_GRAPHQL_ASSET_IDS', 1000, 1, 100_000),
    },
  };
}
