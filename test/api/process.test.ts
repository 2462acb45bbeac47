/** The real entry point as a process: start-up refusals name the variable; SIGTERM finishes in-flight work. */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(__dirname, '../../src/main.ts');
const TSX = path.resolve(__dirname, '../../node_modules/tsx/dist/cli.mjs');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, MAIN], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, exited, output: () => output };
}

async function waitFor(predicate: () => boolean, what: string, ms = 20_000) {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('decibel process', () => {
  it('refuses to start on a bad setting, naming the variable', async () => {
    const { exited, output } = start({ PORT: 'eighty' });
    expect(await exited).toBe(2);
    expect(output()).toContain('PORT: must be a whole number');
  });

  it('stops on SIGTERM after answering the requests in flight, and starts again on the same data', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-process-'));
    const env = { PORT: '0', DECIBEL_DATA_DIR: dataDir };
    try {
      const first = start(env);
      await waitFor(() => first.output().includes('Decibel is ready'), 'start-up');
      const url = /"authUrl":"([^"]+)"/.exec(first.output())![1]!;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const tokenResponse = fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=decibel&client_secret=decibel-secret',
      });
      // The token call spends time in scrypt: signal while it is in flight.
      await new Promise((resolve) => setTimeout(resolve, 5));
      first.child.kill('SIGTERM');
      expect((await tokenResponse).status).toBe(200);
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('database closed');

      const second = start(env);
      await waitFor(() => second.output().includes('Decibel is ready'), 'restart');
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
