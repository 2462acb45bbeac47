#!/usr/bin/env node
/** `npm start`: load the configuration once, open the store, serve, and shut down cleanly on a signal. */
import { ConfigError, DEFAULT_CLIENT_SECRET, loadConfig, type Config } from './config.js';
import { startServer } from './server.js';

export async function serve(config: Config): Promise<void> {
  const server = await startServer(config);
  const { app } = server;
  const publicBase = config.publicUrl ?? server.url;
  app.log.info(
    {
      apiUrl: `${publicBase}/v2/content`,
      authUrl: publicBase,
      clientId: config.bootstrap.clientId,
      hub: config.bootstrap.hubName,
      dataDir: config.dataDir,
    },
    'Decibel is ready',
  );
  if (config.bootstrap.clientSecret === DEFAULT_CLIENT_SECRET) {
    app.log.warn(
      `the bootstrap client uses the documented default secret "${DEFAULT_CLIENT_SECRET}"; set DECIBEL_CLIENT_SECRET outside local development`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    server.close().then(
      () => {
        app.log.info('stopped; database closed');
        process.exit(0);
      },
      (error) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Decibel cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  await serve(config);
}

main().catch((error) => {
  process.stderr.write(`Decibel failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
