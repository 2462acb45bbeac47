/**
 * Issue 5: POST /graphql assetSearch over 100,000 assets; target p95 < 50 ms. `keyword: "*"` is measured
 * beside a bare server sending the same bytes (the usual share of its req/s); then each search alone, one
 * request at a time, for its own p95: everything, a prefix finding 1%, a word finding 4%, and one folder.
 */
import { connect } from '../lib/api.js';
import { measure, measureSideBySide, type Target } from '../lib/measure.js';
import { backendEnv, dataFolder, startBaseline, startDecibel, type Backend } from '../lib/processes.js';
import { compare, type Comparison } from '../lib/report.js';
import { seedAssets } from '../lib/seed-assets.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 100_000);
const P95_TARGET = 50;
const SELECTION = 'total pageInfo { hasNextPage endCursor } edges { cursor node { id assetId name label mimeType size updatedDate tags } }';

export async function graphqlSearch(backend: Backend): Promise<Comparison> {
  // 60 GraphQL requests a minute per client would turn most of the run into 429s.
  const env = { ...(await backendEnv(backend)), DECIBEL_GRAPHQL_RATE_LIMIT: '0' };
  const dataDir = await dataFolder();
  const seeded = await seedAssets({ ...env, DECIBEL_DATA_DIR: dataDir }, ASSETS);
  console.log(`  seeded ${ASSETS.toLocaleString('en')} assets in ${seeded.seconds.toFixed(1)} s`);
  const decibel = await startDecibel(env, dataDir);
  const api = await connect(decibel.url);
  const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' };
  const folder = seeded.folders[0]!;
  const folderId = Buffer.from(`AssetFolder:${folder.id}`).toString('base64');
  const searches = [
    { name: '"*"', args: 'keyword: "*"', total: ASSETS },
    { name: '"red*"', args: 'keyword: "red*"', total: seeded.words.get('red') ?? 0 },
    { name: '"chair"', args: 'keyword: "chair"', total: seeded.words.get('chair') ?? 0 },
    { name: '"*" in one folder', args: `keyword: "*", filters: { assetFolderId: ["${folderId}"] }`, total: folder.assets },
  ];
  const targets: Target[] = [];
  for (const search of searches) {
    const body = JSON.stringify({ query: `{ assetSearch(${search.args}, first: 100) { ${SELECTION} } }` });
    const answer = (await (await fetch(`${decibel.url}/graphql`, { method: 'POST', headers, body })).json()) as any;
    if (answer.errors || answer.data.assetSearch.total !== search.total) {
      throw new Error(`assetSearch ${search.name}: expected ${search.total} assets, got ${JSON.stringify(answer.errors ?? answer.data.assetSearch.total)}`);
    }
    console.log(`  assetSearch ${search.name} finds ${search.total} assets`);
    targets.push({ name: `Decibel ${search.name} (${backend})`, url: `${decibel.url}/graphql`, method: 'POST', headers, body });
  }
  const everything = targets[0]!;
  const sample = await fetch(everything.url, { method: 'POST', headers, body: everything.body });
  const text = await sample.text();
  const baseline = await startBaseline(text, sample.headers.get('content-type') ?? 'application/json');
  const [base, ours] = await measureSideBySide([{ ...everything, name: `node:http (${text.length} bytes)`, url: `${baseline.url}/graphql` }, everything]);
  const alone = [];
  for (const target of targets) alone.push(await measure(target, 1));
  for (const m of [ours, ...alone]) {
    if (m.non2xx > 0 || m.errors > 0) throw new Error(`${m.name}: Decibel answered ${m.non2xx} non-2xx and ${m.errors} errors`);
  }
  return compare(`POST /graphql assetSearch(first: 100) over ${ASSETS.toLocaleString('en')} assets on ${backend}`, base, ours, 0, [], {
    target: P95_TARGET,
    measurements: alone,
  });
}
