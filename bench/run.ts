/**
 * `npm run bench [scenario]`: builds Decibel, runs each scenario against it and against a bare node:http
 * server in the same run, and reports Decibel's throughput as a share of the baseline's (docs/benchmarks.md).
 */
import { execSync } from 'node:child_process';
import path from 'node:path';
import { stopAll } from './lib/processes.js';
import { report, type Comparison } from './lib/report.js';
import { hubGet } from './scenarios/hub-get.js';
import { itemGet } from './scenarios/item-get.js';
import { graphqlNode } from './scenarios/graphql-node.js';
import { graphqlSearch } from './scenarios/graphql-search.js';

const scenarios: Record<string, () => Promise<Comparison>> = {
  'hub-get': () => hubGet('sqlite'),
  'hub-get-postgres': () => hubGet('postgres'),
  'item-get': () => itemGet('sqlite'),
  'item-get-postgres': () => itemGet('postgres'),
  'graphql-node': () => graphqlNode('sqlite'),
  'graphql-search': () => graphqlSearch('sqlite'),
  'graphql-search-postgres': () => graphqlSearch('postgres'),
};

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in scenarios));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}`);
  execSync('npm run build --silent', { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  const results: Comparison[] = [];
  for (const name of wanted.length > 0 ? wanted : Object.keys(scenarios)) {
    console.log(`running ${name} …`);
    results.push(await scenarios[name]!());
    await stopAll();
  }
  await report(results);
}

process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
main().then(
  () => stopAll(),
  async (error) => {
    console.error(error);
    await stopAll();
    process.exitCode = 1;
  },
);
