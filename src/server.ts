/** Opens everything a running Decibel needs and closes it again in order; used by main.ts and the tests. */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Deps, JobSignal } from './domain/ports.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { loadSigningKey, tokenService } from './auth/tokens.js';
import { openStore } from './store/index.js';
import { openBlobStore } from './blobs/index.js';
import { httpFileSource } from './sources/http-source.js';
import { openRateLimits, type RateLimits } from './limits/index.js';
import { startJobRunner, type JobRunner } from './jobs/runner.js';
import { jobHandlers } from './jobs/handlers.js';
import { randomIds, systemClock } from './runtime.js';

export interface RunningServer {
  app: FastifyInstance;
  deps: Deps;
  /** The address the server listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

/** `jobs` is told when jobs were queued; without a runner (the CLI), nobody listens. */
export async function openDeps(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'blobs' | 'ingest'>, jobs: JobSignal = { queued() {} }): Promise<Deps> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const blobs = await openBlobStore(config.blobs, config.dataDir);
    const { allow, timeoutMs, maxBytes, uploadTtl } = config.ingest;
    const sources = httpFileSource({ allow, timeoutMs });
    return { store, blobs, sources, ingest: { maxBytes, uploadTtl }, clock: systemClock, ids: randomIds, jobs };
  } catch (error) {
    await store.close();
    throw error;
  }
}

export async function closeDeps(deps: Deps): Promise<void> {
  await deps.sources.close();
  await deps.blobs.close();
  await deps.store.close();
}

export async function startServer(config: Config): Promise<RunningServer> {
  let runner: JobRunner | undefined;
  const deps = await openDeps(config, { queued: () => runner?.wake() });
  let limits: RateLimits | undefined;
  try {
    await bootstrap(deps, config);
    const tokens = tokenService(await loadSigningKey(deps.store.serverSecrets, deps.clock.now()), config.tokenTtl);
    let app: FastifyInstance | undefined;
    limits = await openRateLimits({
      budgets: config.rateLimits,
      redisUrl: config.redisUrl,
      keyPrefix: config.redisPrefix,
      onStoreError: (error) => app?.log.warn({ err: error }, 'Redis failed; rate limits are counted in this process until it is back'),
    });
    app = buildApp({ config, deps, tokens, limits });
    const log = app.log;
    runner = startJobRunner({
      store: deps.store,
      handlers: jobHandlers(deps),
      workerId: `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      pollIntervalMs: config.jobPollInterval,
      log: { error: (details, message) => log.error(details, message) },
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('://[::1]', '://localhost').replace('://0.0.0.0', '://127.0.0.1');
    return {
      app,
      deps,
      url,
      async close() {
        await app.close();
        await runner!.stop();
        await limits!.close();
        await closeDeps(deps);
      },
    };
  } catch (error) {
    await runner?.stop();
    await limits?.close();
    await closeDeps(deps);
    throw error;
  }
}
