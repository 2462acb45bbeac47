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
  rounds: Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3)),
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
  return (await measureSideBySide([target], connections))[0]!;
}

/**
 * Targets compared with each other, measured in turns: each gets its warm-up, then `settings.rounds`
 * rounds of `duration / rounds` seconds, one target after another in every round. The VM's noise comes in
 * bursts of seconds; measured one after another for the whole duration, one target could take a burst
 * the others did not (a run gave node(id) 28% of node:http where the runs around it gave 41–47%). A
 * target's req/s is its median round; p95 is over every round's responses; the other percentiles are
 * the median round's (autocannon's own).
 */
export async function measureSideBySide<T extends Target[]>(
  targets: [...T],
  connections = settings.connections,
): Promise<{ [K in keyof T]: Measurement }> {
  if (settings.warmup > 0) for (const target of targets) await run(target, settings.warmup, connections);
  const rounds = targets.map(() => [] as { result: autocannon.Result; times: number[] }[]);
  const seconds = Math.max(1, Math.round(settings.duration / settings.rounds));
  for (let round = 0; round < settings.rounds; round++) {
    for (const [i, target] of targets.entries()) rounds[i]!.push(await run(target, seconds, connections));
  }
  const measured = targets.map((target, i): Measurement => {
    const runs = rounds[i]!;
    const median = [...runs].sort((a, b) => a.result.requests.average - b.result.requests.average)[Math.floor(runs.length / 2)]!.result;
    const sum = (pick: (result: autocannon.Result) => number) => runs.reduce((total, { result }) => total + pick(result), 0);
    return {
      name: target.name,
      requestsPerSecond: median.requests.average,
      latency: { p50: median.latency.p50, p95: percentile(runs.flatMap((r) => r.times), 95), p97_5: median.latency.p97_5, p99: median.latency.p99 },
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      total: sum((r) => r.requests.total),
      connections,
    };
  });
  return measured as { [K in keyof T]: Measurement };
}
