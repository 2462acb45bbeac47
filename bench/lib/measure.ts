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
  /** Milliseconds. autocannon's own percentiles, and p95 from every 2xx response's time (autocannon has none). */
  latency: { p50: number; p95: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
  total: number;
  connections: number;
}

export const settings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  warmup: Number(process.env.BENCH_WARMUP ?? 2),
};

function run(target: Target, duration: number, connections: number): Promise<{ result: autocannon.Result; times: number[] }> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const options = { url: target.url, method: target.method ?? 'GET', headers: target.headers, body: target.body, connections, duration };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, times })));
    instance.on('response', (_client, status, _bytes, time) => {
      if (status >= 200 && status < 300) times.push(time);
    });
  });
}

/** The nearest-rank percentile of `times`. */
function percentile(times: number[], p: number): number {
  if (times.length === 0) return NaN;
  const sorted = Float64Array.from(times).sort();
  return Math.round(sorted[Math.ceil((p / 100) * sorted.length) - 1]! * 100) / 100;
}

/** `connections` 1 sends one request at a time: each request's own latency, with no queueing behind others. */
export async function measure(target: Target, connections = settings.connections): Promise<Measurement> {
  if (settings.warmup > 0) await run(target, settings.warmup, connections);
  const { result, times } = await run(target, settings.duration, connections);
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    latency: { p50: result.latency.p50, p95: percentile(times, 95), p97_5: result.latency.p97_5, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
    connections,
  };
}
