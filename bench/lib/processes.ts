/** Child processes for a benchmark run: Decibel from dist/, and the bare node:http baseline. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../../test/helpers/postgres.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become healthy in 30 s`);
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stderr?.on('data', (chunk) => process.stderr.write(chunk));
  return child;
}

export interface Started {
  url: string;
}

/** A fresh data folder, removed when the run stops. */
export async function dataFolder(): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-bench-'));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** Decibel as `npm start` runs it (compiled), on `dataDir` (a fresh one by default), with request logging off. */
export async function startDecibel(env: Record<string, string> = {}, dataDir?: string): Promise<Started> {
  dataDir ??= await dataFolder();
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []), path.join(ROOT, 'dist/main.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DECIBEL_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/healthz`, child);
  return { url };
}

export type Backend = 'sqlite' | 'postgres';

/** How Decibel is started for `backend`: nothing extra for SQLite; a fresh database (dropped afterwards) and Redis for PostgreSQL. */
export async function backendEnv(backend: Backend): Promise<Record<string, string>> {
  if (backend === 'sqlite') return {};
  const database = await createScratchDatabase(process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'decibel_bench');
  cleanups.push(() => database.drop());
  return {
    DATABASE_URL: database.url,
    REDIS_URL: process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379',
    DECIBEL_REDIS_PREFIX: database.name,
  };
}

/**
 * A server answering every request with `body` (same bytes and content type as Decibel's): the bare
 * node:http baseline, or bare Fastify for reference.
 */
export async function startBaseline(
  body: string,
  contentType: string,
  kind: 'node-http' | 'fastify' | 'mercurius' = 'node-http',
  env: Record<string, string> = {},
): Promise<Started> {
  const file = path.join(os.tmpdir(), `decibel-bench-body-${process.pid}-${kind}.json`);
  await fs.writeFile(file, body);
  cleanups.push(() => fs.rm(file, { force: true }));
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [path.join(ROOT, `bench/${kind === 'node-http' ? 'baseline' : kind}-server.mjs`)], {
      env: { ...process.env, PORT: String(port), BODY_FILE: file, CONTENT_TYPE: contentType, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/healthz`, child);
  return { url };
}

export async function stopAll(): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all([...children].map((child) => new Promise((resolve) => child.once('exit', resolve))));
  for (const cleanup of cleanups.splice(0)) await cleanup();
}
