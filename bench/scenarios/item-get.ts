/**
 * Issue 4: an authenticated GET /v2/content/content-items/{id} of an item with a body of a few KB, in a
 * repository of 500 items, beside a bare server sending the same bytes. No target of its own yet.
 */
import { connect } from '../lib/api.js';
import { measureSideBySide } from '../lib/measure.js';
import { backendEnv, startBaseline, startDecibel, type Backend } from '../lib/processes.js';
import { compare, type Comparison } from '../lib/report.js';

const SCHEMA_ID = 'https://schema.example.com/bench-article.json';

export async function itemGet(backend: Backend): Promise<Comparison> {
  const decibel = await startDecibel(await backendEnv(backend));
  const api = await connect(decibel.url);
  const hub = ((await (await api.get('/hubs')).json()) as any)._embedded.hubs[0];
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'Article',
    allOf: [{ $ref: 'http://bigcontent.io/cms/schema/v1/core#/definitions/content' }],
    type: 'object',
    properties: { title: { type: 'string' }, paragraphs: { type: 'array', items: { type: 'string' } } },
  };
  await api.post(`/hubs/${hub.id}/content-type-schemas`, { schemaId: SCHEMA_ID, body: JSON.stringify(schema) });
  const type = await api.post(`/hubs/${hub.id}/content-types`, { contentTypeUri: SCHEMA_ID });
  const repo = ((await (await api.get(`/hubs/${hub.id}/content-repositories`)).json()) as any)._embedded['content-repositories'][0];
  await api.post(`/content-repositories/${repo.id}/content-types`, { contentTypeId: type.id });
  let item: any;
  for (let i = 0; i < 500; i++) {
    item = await api.post(`/content-repositories/${repo.id}/content-items`, {
      label: `Article ${i}`,
      body: { _meta: { name: `article-${i}`, schema: SCHEMA_ID }, title: `Article ${i}`, paragraphs: Array.from({ length: 8 }, (_, p) => `Paragraph ${p} `.repeat(20)) },
    });
  }
  const path = `/v2/content/content-items/${item.id}`;
  const sample = await api.get(`/content-items/${item.id}`);
  const body = await sample.text();
  const baseline = await startBaseline(body, sample.headers.get('content-type') ?? 'application/json');
  const [base, ours] = await measureSideBySide([
    { name: `node:http (${body.length} bytes)`, url: `${baseline.url}${path}` },
    { name: `Decibel GET /content-items/{id} (${backend})`, url: `${decibel.url}${path}`, headers: { authorization: `Bearer ${api.token}` } },
  ]);
  if (ours.non2xx > 0 || ours.errors > 0) throw new Error(`Decibel answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
  return compare(`GET /v2/content/content-items/{id} on ${backend}`, base, ours, 0);
}
