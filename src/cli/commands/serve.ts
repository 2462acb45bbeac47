import { parseArgs } from 'node:util';
import { DEFAULT_CLIENT_SECRET, type Config } from '../../config.js';
import { startServer, type RunningServer } from '../../server.js';
import type { Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  synopsis: '',
  summary: 'Run the server, as `npm start` does; SIGTERM or SIGINT lets in-flight requests finish, then stops.',
  options: [],
  async run(args, { config }) {
    parseArgs({ args, strict: true, options: {} });
    const server = await startServer(config);
    announce(server, config);
    return untilStopped(server);
  },
};

function announce(server: RunningServer, config: Config): void {
  const publicBase = config.publicUrl ?? server.url;
  server.app.log.info(
    {
      apiUrl: `${publicBase}/v2/content`,
      authUrl: publicBase,
      clientId: config.bootstrap.clientId,
      hub: config.bootstrap.hubName,
      dataDir: config.dataDir,
      database: config.databaseUrl ? 'postgres' : 'sqlite',
      rateLimits: config.redisUrl ? 'redis' : 'memory',
      blobs: config.blobs.kind === 's3' ? `s3://${config.blobs.bucket}/${config.blobs.prefix}` : (config.blobs.root ?? `${config.dataDir}/blobs`),
    },
    'Decibel is ready',
  );
  if (config.bootstrap.clientSecret === DEFAULT_CLIENT_SECRET) {
    server.app.log.warn(
      `the bootstrap client uses the documented default secret "${DEFAULT_CLIENT_SECRET}"; set DECIBEL_CLIENT_SECRET outside local development`,
    );
  }
}

/** Resolves with the exit code once a signal has stopped the server and closed the database. */
function untilStopped(server: RunningServer): Promise<number> {
  const { log } = server.app;
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      // A second Ctrl-C while draining is ignored, so it cannot cut in-flight requests short.
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down: finishing in-flight requests');
      server.close().then(
        () => {
          log.info('stopped; database closed');
          done(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          done(1);
        },
      );
    };
    const done = (code: number) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(code);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
