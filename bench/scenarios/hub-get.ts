/**
 * Issue 2: an authenticated GET /v2/content/hubs/{id} beside a bare server sending the same bytes. Target >= 50%.
 * Issue 3: the same on the scale-out backends (PostgreSQL, with Redis for limits).
 */
import { connect } from '../lib/api.js';
import { measureSideBySide } from '../lib/measure.js';
import { backendEnv, startBaseline, startDecibel, type Backend } from '../lib/processes.js';
import { compare, type Comparison } from '../lib/report.js';

export async function hubGet(backend: Backend): Promise<Comparison> {
  const decibel = await startDecibel(await backendEnv(backend));
  const api = await connect(decibel.url);
  const hub = ((await (await api.get('/hubs')).json()) as any)._embedded.hubs[0];
  // A database that is not trivially empty.
  for (let i = 0; i < 20; i++) {
    await api.post(`/hubs/${hub.id}/content-repositories`, { name: `repo-${i}` });
    await api.post(`/hubs/${hub.id}/workflow-states`, { label: `State ${i}`, color: 'rgb(1,2,3)' });
  }
  const sample = await api.get(`/hubs/${hub.id}`);
  const body = await sample.text();
  const contentType = sample.headers.get('content-type') ?? 'application/json';
  const baseline = await startBaseline(body, contentType);
  const fastify = await startBaseline(body, contentType, 'fastify');

  const path = `/v2/content/hubs/${hub.id}`;
  const [base, framework, ours] = await measureSideBySide([
    { name: `node:http (${body.length} bytes)`, url: `${baseline.url}${path}` },
    { name: 'bare Fastify, same body', url: `${fastify.url}${path}` },
    { name: `Decibel GET /hubs/{id} (${backend})`, url: `${decibel.url}${path}`, headers: { authorization: `Bearer ${api.token}` } },
  ]);
  if (ours.non2xx > 0 || ours.errors > 0) throw new Error(`Decibel answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
  return compare(`GET /v2/content/hubs/{id} on ${backend}`, base, ours, 50, [framework]);
}
