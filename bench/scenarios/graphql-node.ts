/**
 * Issue 5: POST /graphql `node(id:)` beside a bare server sending the same bytes; target >= 40%. Until
 * assets can be ingested over the API, the node read is the bootstrap asset repository.
 */
import { connect } from '../lib/api.js';
import { measureSideBySide } from '../lib/measure.js';
import { backendEnv, startBaseline, startDecibel, type Backend } from '../lib/processes.js';
import { compare, type Comparison } from '../lib/report.js';

export async function graphqlNode(backend: Backend): Promise<Comparison> {
  // 60 GraphQL requests a minute per client would turn most of the run into 429s.
  const decibel = await startDecibel({ ...(await backendEnv(backend)), DECIBEL_GRAPHQL_RATE_LIMIT: '0' });
  const api = await connect(decibel.url);
  const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' };
  const post = (query: string) => fetch(`${decibel.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const listing = (await (await post('{ viewer { mediaHubs { edges { node { assetRepositories(first: 1) { edges { node { id } } } } } } } }')).json()) as any;
  const id = listing.data.viewer.mediaHubs.edges[0].node.assetRepositories.edges[0].node.id;
  const body = JSON.stringify({ query: `{ node(id: "${id}") { id ... on AssetRepository { label } } }` });
  const sample = await fetch(`${decibel.url}/graphql`, { method: 'POST', headers, body });
  const text = await sample.text();
  const contentType = sample.headers.get('content-type') ?? 'application/json';
  const baseline = await startBaseline(text, contentType);
  const label = (JSON.parse(text) as { data: { node: { label: string } } }).data.node.label;
  const graphqlAlone = await startBaseline(text, contentType, 'mercurius', { LABEL: label });
  const [base, stack, ours] = await measureSideBySide([
    { name: `node:http (${text.length} bytes)`, url: `${baseline.url}/graphql`, method: 'POST', headers, body },
    { name: 'bare Fastify + mercurius', url: `${graphqlAlone.url}/graphql`, method: 'POST', headers, body },
    { name: `Decibel node(id) (${backend})`, url: `${decibel.url}/graphql`, method: 'POST', headers, body },
  ]);
  if (ours.non2xx > 0 || ours.errors > 0) throw new Error(`Decibel answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
  return compare(`POST /graphql node(id) on ${backend}`, base, ours, 40, [stack]);
}
