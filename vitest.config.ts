import { Redis } from 'ioredis';
import pg from 'pg';
import { defineConfig } from 'vitest/config';

/**
 * The API and conformance suites run on SQLite and, when a PostgreSQL server answers (CI and the
 * development machines run one on 127.0.0.1 with trust auth), on PostgreSQL too. Set
 * DECIBEL_TEST_POSTGRES to another admin URL, or to "off" to skip it. That project is the scale-out
 * topology: when Redis answers too, its servers keep their rate limits in Redis.
 */
async function postgresAdminUrl(): Promise<string | undefined> {
  const url = process.env.DECIBEL_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (url === 'off') return undefined;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch (error) {
    console.warn(`PostgreSQL not reachable at ${url} (${(error as Error).message}): the suite runs on SQLite only`);
    return undefined;
  }
}

/** Likewise Redis (DECIBEL_TEST_REDIS, default redis://127.0.0.1:6379): the PostgreSQL project keeps its rate limits there. */
async function redisUrl(): Promise<string | undefined> {
  const url = process.env.DECIBEL_TEST_REDIS ?? 'redis://127.0.0.1:6379';
  if (url === 'off') return undefined;
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return url;
  } catch (error) {
    console.warn(`Redis not reachable at ${url} (${(error as Error).message}): rate limits are tested in memory only`);
    return undefined;
  } finally {
    redis.disconnect();
  }
}

export default defineConfig(async () => {
  const [postgres, redis] = await Promise.all([postgresAdminUrl(), redisUrl()]);
  const shared = { testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' as const };
  return {
    // graphql ships CJS and ESM builds; Node (and so Decibel in production) loads the CJS one for every
    // package, Vite would give our code the ESM one and the libraries the CJS one — two graphql realms
    // that refuse each other's types. Tests use the CJS build too, as production does.
    resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
    test: {
      ...shared,
      projects: [
        { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], env: { DECIBEL_TEST_POSTGRES: '', DECIBEL_TEST_REDIS: redis ?? '' } } },
        ...(postgres
          ? [
              {
                extends: true,
                test: {
                  name: 'postgres',
                  include: ['test/api/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/jobs/**/*.test.ts'],
                  env: { DECIBEL_TEST_POSTGRES: postgres, DECIBEL_TEST_REDIS: redis ?? '' },
                },
              },
            ]
          : []),
      ],
    },
  };
});
