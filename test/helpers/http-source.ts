/** A local HTTP server for ingestion tests to download from (opened to Decibel with DECIBEL_INGEST_ALLOW). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpSource {
  url: string;
  close(): Promise<void>;
}

export async function startHttpSource(handler: http.RequestListener): Promise<HttpSource> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
