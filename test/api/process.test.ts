/** The real entry point as a process: start-up refusals name the variable; SIGTERM finishes in-flight work. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../helpers/server.js';
import { startDecibelProcess } from '../helpers/process.js';

describe('decibel process', () => {
  it('refuses to start on a bad setting, naming the variable', async () => {
    const { exited, output } = startDecibelProcess({ PORT: 'eighty' });
    expect(await exited).toBe(2);
    expect(output()).toContain('PORT: must be a whole number');
  });

  it('stops on SIGTERM after answering the requests in flight, and starts again on the same data', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'decibel-process-'));
    // In the PostgreSQL project, the same database too.
    const database = await freshPostgresDatabase();
    const env = { PORT: '0', DECIBEL_DATA_DIR: dataDir, ...(database ? { DATABASE_URL: database.url } : {}) };
    try {
      const first = startDecibelProcess(env);
      const url = await first.ready();
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

      const second = startDecibelProcess(env);
      await second.ready();
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      await database?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
