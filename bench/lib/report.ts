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
}

const row = (m: Measurement) =>
  `${m.name.padEnd(34)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(m.latency.p50).padStart(4)} ms   p97.5 ${String(
    m.latency.p97_5,
  ).padStart(4)} ms   p99 ${String(m.latency.p99).padStart(4)} ms`;

export function compare(scenario: string, baseline: Measurement, decibel: Measurement, target: number, references: Measurement[] = []): Comparison {
  return { scenario, baseline, decibel, references, ratio: (decibel.requestsPerSecond / baseline.requestsPerSecond) * 100, target };
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
  }
  const file = path.resolve(import.meta.dirname, '../results/latest.json');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify({ machine, settings, comparisons }, null, 2)}\n`);
  console.log(`results written to ${path.relative(process.cwd(), file)}`);
}
