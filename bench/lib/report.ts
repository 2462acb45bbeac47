import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Measurement } from './measure.js';
import { settings } from './measure.js';

export interface Comparison {
  scenario: string;
  baseline: Measurement;
  decibel: Measurement;
  /** Other servers measured for context (not part of the ratio). */
  references: Measurement[];
  /** Decibel's req/s as a share of the baseline's, in percent. */
  ratio: number;
  target: number;
  /** Measurements of Decibel alone judged by their p95 latency (ms) rather than by a share of the baseline. */
  latency?: { target: number; measurements: Measurement[] };
}

const ms = (value: number) => `${String(value).padStart(6)} ms`;
const row = (m: Measurement) =>
  `${m.name.padEnd(34)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${ms(m.latency.p50)}   p95 ${ms(m.latency.p95)}   p97.5 ${ms(
    m.latency.p97_5,
  )}   p99 ${ms(m.latency.p99)}`;

export function compare(
  scenario: string,
  baseline: Measurement,
  decibel: Measurement,
  target: number,
  references: Measurement[] = [],
  latency?: Comparison['latency'],
): Comparison {
  return { scenario, baseline, decibel, references, ratio: (decibel.requestsPerSecond / baseline.requestsPerSecond) * 100, target, latency };
}

const share = (m: Measurement, baseline: Measurement) => `${((m.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(1)}%`;

export async function report(comparisons: Comparison[]): Promise<void> {
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() };
  console.log(`\n${machine.date}  ${machine.cpus} cores  node ${machine.node}  ${settings.connections} connections, ${settings.duration} s each\n`);
  for (const c of comparisons) {
    console.log(`${c.scenario}`);
    console.log(`  ${row(c.baseline)}`);
    for (const reference of c.references) console.log(`  ${row(reference)}   (${share(reference, c.baseline)}, for reference)`);
    console.log(`  ${row(c.decibel)}`);
    console.log(`  ratio ${c.ratio.toFixed(1)}% of the baseline (target >= ${c.target}%): ${c.ratio >= c.target ? 'PASS' : 'BELOW'}\n`);
    if (!c.latency) continue;
    console.log(`  p95 latency, target < ${c.latency.target} ms:`);
    for (const m of c.latency.measurements) {
      console.log(`  ${row(m)}   ${m.connections} conn.   ${m.latency.p95 < c.latency.target ? 'PASS' : 'ABOVE'}`);
    }
    console.log('');
  }
  const file = path.resolve(import.meta.dirname, '../results/latest.json');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify({ machine, settings, comparisons }, null, 2)}\n`);
  console.log(`results written to ${path.relative(process.cwd(), file)}`);
}
