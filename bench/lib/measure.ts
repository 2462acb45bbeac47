/** autocannon runs with one set of settings for every target in a run. */
import autocannon from 'autocannon';

export interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST' | 'PATCH';
  headers?: Record<string, string>;
  body?: string;
}

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
  total: number;
}

export const settings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  warmup: Number(process.env.BENCH_WARMUP ?? 2),
};

function run(target: Target, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    connections: settings.connections,
    duration,
  });
}

export async function measure(target: Target): Promise<Measurement> {
  if (settings.warmup > 0) await run(target, settings.warmup);
  const result = await run(target, settings.duration);
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    latency: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
