/**
 * Content items over raw HTTP: the rules the SDK does not cover — errors and their bodies, failed calls
 * that change nothing, delivery keys, batch updates, history, restore and concurrent writers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

const SCHEMA_ID = 'https://schema.example.com/card.json';
const OTHER_SCHEMA_ID = 'https://schema.example.com/unassigned.json';

let server: TestServer;
let hubId: string;
let repositoryId: string;
let slotsRepositoryId: string;

const json = async (response: Response) => (await response.json()) as any;
const card = (title: string, meta: Record<string, unknown> = {}) => ({ _meta: { name: title, schema: SCHEMA_ID, ...meta }, title });

async function create(input: Record<string, unknown>, repository = repositoryId) {
  return server.api(`/content-repositories/${repository}/content-items`, { method: 'POST', json: input });
}
async function createOk(title: string, extra: Record<string, unknown> = {}) {
  const response = await create({ label: title, body: card(title), ...extra });
  expect(response.status).toBe(201);
  return json(response);
}
const patch = (id: string, body: unknown) => server.api(`/content-items/${id}`, { method: 'PATCH', json: body });
const itemCount = async () => (await json(await server.api(`/content-repositories/${repositoryId}/content-items?size=1`))).page.totalElements as number;

beforeAll(async () => {
  server = await startTestServer();
  hubId = (await json(await server.api('/hubs')))._embedded.hubs[0].id;
  for (const schemaId of [SCHEMA_ID, OTHER_SCHEMA_ID]) {
    await server.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId, body: schemaBody(schemaId) } });
    await server.api(`/hubs/${hubId}/content-types`, { method: 'POST', json: { contentTypeUri: schemaId } });
  }
  const types = (await json(await server.api(`/hubs/${hubId}/content-types`)))._embedded['content-types'];
  const repositories = (await json(await server.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'];
  repositoryId = repositories.find((r: any) => r.name === 'content').id;
  slotsRepositoryId = repositories.find((r: any) => r.name === 'slots').id;
  const cardType = types.find((t: any) => t.contentTypeUri === SCHEMA_ID);
  for (const repository of [repositoryId, slotsRepositoryId]) {
    await server.api(`/content-repositories/${repository}/content-types`, { method: 'POST', json: { contentTypeId: cardType.id } });
  }
});
afterAll(() => server.close());

describe('creating', () => {
  it.each([
    ['no label', { body: card('x') }, 'label'],
    ['a blank label', { label: '  ', body: card('x') }, 'label'],
    ['no body', { label: 'x' }, 'body'],
    ['no _meta.schema', { label: 'x', body: { _meta: { name: 'x' } } }, 'body._meta.schema'],
    ['a type not assigned to the repository', { label: 'x', body: { _meta: { schema: OTHER_SCHEMA_ID } } }, 'body._meta.schema'],
    ['a body failing the schema', { label: 'x', body: { ...card('x'), title: 42 } }, 'body.title'],
    ['an invalid delivery key', { label: 'x', body: card('x', { deliveryKey: 'bad//key' }) }, 'body._meta.deliveryKey'],
    ['a folder of another repository', { label: 'x', body: card('x'), folderId: '000000000000000000000000' }, 'folderId'],
    ['a malformed locale', { label: 'x', body: card('x'), locale: 'not a locale' }, 'locale'],
  ])('refuses %s with a 400 naming the property, and writes nothing', async (_name, input, property) => {
    const before = await itemCount();
    const response = await create(input);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.errors.map((e: any) => e.property)).toContain(property);
    expect(await itemCount()).toBe(before);
  });

  it('404s an unknown repository', async () => {
    expect((await create({ label: 'x', body: card('x') }, '0123456789abcdef01234567')).status).toBe(404);
  });

  it('answers 201 with Location and the item, ignoring an echoed empty id (dc-cli sends id:"")', async () => {
    const response = await create({ id: '', label: 'Located', body: card('located') });
    expect(response.status).toBe(201);
    const item = await json(response);
    expect(response.headers.get('location')).toBe(item._links.self.href);
    expect(item.id).not.toBe('');
    expect(item._links['content-item-version'].href).toMatch(/\/versions\{\/version\}$/);
  });

  it('leaves the body out with projection=basic', async () => {
    const item = await createOk('basic');
    const got = await json(await server.api(`/content-items/${item.id}?projection=basic`));
    expect(got.body).toBeUndefined();
    const listed = await json(await server.api(`/content-repositories/${repositoryId}/content-items?projection=basic&size=100`));
    expect(listed._embedded['content-items'].every((i: any) => i.body === undefined)).toBe(true);
  });
});

describe('updating', () => {
  it('requires a version, refuses a stale one with 409, and refuses archived items', async () => {
    const item = await createOk('versioned');
    expect((await patch(item.id, { label: 'no version' })).status).toBe(400);
    expect((await patch(item.id, { version: 1, label: 'second' })).status).toBe(200);
    const stale = await patch(item.id, { version: 1, label: 'stale' });
    expect(stale.status).toBe(409);
    expect((await json(stale)).errors[0]).toMatchObject({ property: 'version', invalidValue: 1 });
    await server.api(`/content-items/${item.id}/archive`, { method: 'POST', json: { version: 2 } });
    expect((await patch(item.id, { version: 3, label: 'archived' })).status).toBe(409);
    expect((await json(await server.api(`/content-items/${item.id}`))).label).toBe('second');
  });

  it('lets exactly one of many concurrent updates of one version win', async () => {
    const item = await createOk('raced');
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => patch(item.id, { version: 1, label: `racer ${i}` }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const versions = await json(await server.api(`/content-items/${item.id}/versions`));
    expect(versions._embedded['content-items'].map((v: any) => v.version)).toEqual([2, 1]);
  });

  it('updates many items at once, each on its own, reporting each', async () => {
    const [a, b] = [await createOk('batch a'), await createOk('batch b')];
    const response = await server.api('/content-items', {
      method: 'PATCH',
      json: [
        { id: a.id, version: 1, label: 'batch a2' },
        { id: b.id, version: 7, label: 'stale' },
        { id: '00000000-0000-0000-0000-000000000000', version: 1, label: 'missing' },
      ],
    });
    expect(response.status).toBe(200);
    const { results } = await json(response);
    expect(results.map((r: any) => r.status)).toEqual([200, 409, 404]);
    expect(results[0].contentItem).toMatchObject({ id: a.id, version: 2, label: 'batch a2' });
    expect(results[1].errors[0].property).toBe('version');
    expect((await json(await server.api(`/content-items/${b.id}`))).label).toBe('batch b');
    expect((await server.api('/content-items', { method: 'PATCH', json: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => ({ id: a.id, version: 2 }));
    expect((await server.api('/content-items', { method: 'PATCH', json: tooMany })).status).toBe(400);
  });
});

describe('versions, history and restore', () => {
  it('keeps every version, records who did what, and restores an old version as a new one', async () => {
    const item = await createOk('original');
    await patch(item.id, { version: 1, label: 'edited', body: card('edited') });
    await server.api(`/content-items/${item.id}/archive`, { method: 'POST', json: { version: 2 } });
    await server.api(`/content-items/${item.id}/unarchive`, { method: 'POST', json: { version: 3 } });

    const asOfOne = await json(await server.api(`/content-items/${item.id}?version=1`));
    expect(asOfOne).toMatchObject({ version: 1, label: 'original', body: { title: 'original' } });
    expect((await server.api(`/content-items/${item.id}/versions/9`)).status).toBe(404);

    const restored = await server.api(`/content-items/${item.id}/restore`, { method: 'POST', json: { version: 4, restoreVersion: 1 } });
    expect(restored.status).toBe(200);
    expect(await json(restored)).toMatchObject({ version: 5, label: 'original', body: { title: 'original' }, status: 'ACTIVE' });

    const history = await json(await server.api(`/content-items/${item.id}/history`));
    expect(history._embedded.history.map((h: any) => [h.version, h.action])).toEqual([
      [5, 'RESTORE'],
      [4, 'UNARCHIVE'],
      [3, 'ARCHIVE'],
      [2, 'UPDATE'],
      [1, 'CREATE'],
    ]);
    expect(history._embedded.history[0].actionedBy).toBe('test-client');
    const ofTwo = await json(await server.api(`/content-items/${item.id}/versions/2/history`));
    expect(ofTwo._embedded.history.map((h: any) => h.action)).toEqual(['UPDATE']);
  });
});

describe('delivery keys', () => {
  const assign = (id: string, deliveryKey: unknown, version: unknown) =>
    server.api(`/content-items/${id}/delivery-key`, { method: 'PUT', json: { deliveryKey, version } });

  it('assigns a key with the current version, mirrors it in the body, and finds the item by it', async () => {
    const item = await createOk('keyed');
    const response = await assign(item.id, 'promo/main-banner', 1);
    expect(response.status).toBe(200);
    const keyed = await json(response);
    expect(keyed).toMatchObject({ version: 2, deliveryKey: 'promo/main-banner', body: { _meta: { deliveryKey: 'promo/main-banner' } } });
    const found = await server.api(`/hubs/${hubId}/content-items/delivery-key?key=promo/main-banner`);
    expect((await json(found)).id).toBe(item.id);
    expect((await server.api(`/hubs/${hubId}/content-items/delivery-key?key=nothing-here`)).status).toBe(404);
  });

  it('refuses a stale version with 400 (003) and a key held by another item with 409 naming it', async () => {
    const holder = await createOk('holder', { body: card('holder', { deliveryKey: 'taken-key' }) });
    expect(holder.deliveryKey).toBe('taken-key');
    const other = await createOk('other');
    expect((await assign(other.id, 'fresh-key', 5)).status).toBe(400);
    const clash = await assign(other.id, 'taken-key', 1);
    expect(clash.status).toBe(409);
    expect((await json(clash)).errors[0].message).toContain(holder.id);
    // Also across repositories of the hub, and through the body.
    const elsewhere = await create({ label: 'slot', body: card('slot', { deliveryKey: 'taken-key' }) }, slotsRepositoryId);
    expect(elsewhere.status).toBe(409);
    expect((await json(await server.api(`/content-items/${other.id}`))).version).toBe(1);
  });

  it.each(['/lead', 'trail/', 'two//slashes', 'x'.repeat(151), 'sp ace'])('refuses the key %j with 400', async (key) => {
    const item = await createOk(`bad key ${key.length}`);
    expect((await assign(item.id, key, 1)).status).toBe(400);
  });

  it('gives a key to exactly one of two items asking at once', async () => {
    const [a, b] = [await createOk('race a'), await createOk('race b')];
    const statuses = (await Promise.all([assign(a.id, 'contested', 1), assign(b.id, 'contested', 1)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
  });

  it('keeps the key when a PATCH body leaves it out, removes it on null, and does not copy it', async () => {
    const item = await createOk('kept', { body: card('kept', { deliveryKey: 'kept-key' }) });
    const { deliveryKey: _k, ...metaWithoutKey } = item.body._meta;
    const kept = await json(await patch(item.id, { version: 1, body: { ...item.body, _meta: metaWithoutKey, title: 'kept 2' } }));
    expect(kept.deliveryKey).toBe('kept-key');
    const copy = await server.api(`/content-repositories/${repositoryId}/content-items?sourceContentItemId=${item.id}`, {
      method: 'POST',
      json: { label: 'The copy' },
    });
    expect(copy.status).toBe(201);
    const copied = await json(copy);
    expect(copied).toMatchObject({ label: 'The copy', body: { title: 'kept 2' } });
    expect(copied.deliveryKey).toBeUndefined();
    expect(copied.body._meta.deliveryKey).toBeUndefined();
    const removed = await json(await patch(item.id, { version: 2, body: { ...kept.body, _meta: { ...kept.body._meta, deliveryKey: null } } }));
    expect(removed.deliveryKey).toBeUndefined();
    expect((await assign(copied.id, 'kept-key', 1)).status).toBe(200);
  });
});

describe('folders', () => {
  it('refuses to delete a folder that holds items', async () => {
    const folder = await json(await server.api(`/content-repositories/${repositoryId}/folders`, { method: 'POST', json: { name: 'full' } }));
    await createOk('filed', { folderId: folder.id });
    const response = await server.api(`/folders/${folder.id}`, { method: 'DELETE' });
    expect(response.status).toBe(409);
    expect((await json(response)).errors[0].message).toMatch(/content item/);
  });
});

describe('publishing', () => {
  const publish = (target: TestServer, id: string) => target.api(`/content-items/${id}/publish`, { method: 'POST', json: {} });
  async function settle(target: TestServer, location: string) {
    for (;;) {
      const job = await json(await target.api(location));
      if (job.state === 'COMPLETED' || job.state === 'FAILED' || job.state === 'CANCELLED') return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('answers 204 with a Location, and the item records what was published', async () => {
    const item = await createOk('to publish');
    const response = await publish(server, item.id);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const job = await settle(server, response.headers.get('location')!);
    expect(job).toMatchObject({ state: 'COMPLETED', createdBy: 'test-client', _links: { cancel: expect.any(Object) } });
    const history = await json(await server.api(`/content-items/${item.id}/history`));
    expect(history._embedded.history.map((h: any) => h.action)).toEqual(['PUBLISH', 'CREATE']);
    expect((await json(await server.api(`/content-items/${item.id}`))).publishingStatus).toBe('LATEST');
  });

  it('finds the version live at a time (planned), and 404s before the first publication', async () => {
    const item = await createOk('planned v1');
    const before = new Date(Date.now() - 60_000).toISOString();
    await settle(server, (await publish(server, item.id)).headers.get('location')!);
    await patch(item.id, { version: 1, label: 'planned v2' });
    const now = await json(await server.api(`/content-items/${item.id}/planned`));
    expect(now).toMatchObject({ version: 1, label: 'planned v1' });
    expect((await server.api(`/content-items/${item.id}/planned?time=${encodeURIComponent(before)}`)).status).toBe(404);
    const epoch = Math.floor(Date.now() / 1000) + 60;
    expect((await json(await server.api(`/content-items/${item.id}/planned?epoch=${epoch}`))).version).toBe(1);
    expect((await server.api(`/content-items/${item.id}/planned?time=yesterday`)).status).toBe(400);
  });

  it('refuses to publish an archived item, and to cancel a finished job', async () => {
    const item = await createOk('archived publish');
    await server.api(`/content-items/${item.id}/archive`, { method: 'POST', json: { version: 1 } });
    expect((await publish(server, item.id)).status).toBe(409);
    const other = await createOk('finished');
    const location = (await publish(server, other.id)).headers.get('location')!;
    await settle(server, location);
    expect((await server.api(location, { method: 'PATCH', json: { state: 'CANCELLED' } })).status).toBe(409);
    expect((await publish(server, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('limits publish requests per client (DECIBEL_PUBLISH_RATE_LIMIT) with 429, Retry-After and nothing queued', async () => {
    const limited = await startTestServer({ DECIBEL_PUBLISH_RATE_LIMIT: '2' });
    try {
      const hub = (await json(await limited.api('/hubs')))._embedded.hubs[0];
      await limited.api(`/hubs/${hub.id}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA_ID, body: schemaBody(SCHEMA_ID) } });
      const type = await json(await limited.api(`/hubs/${hub.id}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA_ID } }));
      const repo = (await json(await limited.api(`/hubs/${hub.id}/content-repositories`)))._embedded['content-repositories'][0];
      await limited.api(`/content-repositories/${repo.id}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
      const item = await json(await limited.api(`/content-repositories/${repo.id}/content-items`, { method: 'POST', json: { label: 'x', body: card('x') } }));
      expect((await publish(limited, item.id)).status).toBe(204);
      expect((await publish(limited, item.id)).status).toBe(204);
      const refused = await publish(limited, item.id);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await json(refused)).errors[0].message).toMatch(/too many publish requests/);
      expect(refused.headers.get('location')).toBeNull();
      // Unpublishing is not publishing, and is not counted.
      expect((await limited.api(`/content-items/${item.id}/unpublish`, { method: 'POST', json: {} })).status).toBe(204);
    } finally {
      await limited.close();
    }
  });
});

describe('workflow and locale', () => {
  it('sets assignees with an update, dating the assignment, and clears them', async () => {
    const item = await createOk('assigned', { assignees: ['user-a'] });
    expect(item.assignees).toEqual(['user-a']);
    expect(item.assignedDate).toEqual(expect.any(String));
    const reassigned = await json(await patch(item.id, { version: 1, assignees: ['user-b', 'user-c'] }));
    expect(reassigned).toMatchObject({ version: 2, assignees: ['user-b', 'user-c'] });
    const cleared = await json(await patch(item.id, { version: 2, assignees: [] }));
    expect(cleared.assignees).toEqual([]);
    expect(cleared.assignedDate).toBeUndefined();
    expect((await patch(item.id, { version: 3, assignees: 'user-d' })).status).toBe(400);
  });

  it('refuses a workflow state that is not the hub\'s, and a locale the repository does not offer', async () => {
    const item = await createOk('refusals');
    const bogus = await server.api(`/content-items/${item.id}/workflow`, { method: 'PATCH', json: { version: 1, state: '000000000000000000000000' } });
    expect(bogus.status).toBe(400);
    expect((await json(bogus)).errors[0].property).toBe('state');
    await server.api(`/content-repositories/${repositoryId}`, { method: 'PATCH', json: { itemLocales: ['en-GB', 'de-DE'] } });
    try {
      const locale = await server.api(`/content-items/${item.id}/locale`, { method: 'POST', json: { version: 1, locale: 'fr-FR' } });
      expect(locale.status).toBe(400);
      expect((await json(locale)).errors[0].message).toMatch(/en-GB, de-DE/);
      expect((await json(await server.api(`/content-items/${item.id}/locale`, { method: 'POST', json: { version: 1, locale: 'de-DE' } }))).locale).toBe('de-DE');
    } finally {
      await server.api(`/content-repositories/${repositoryId}`, { method: 'PATCH', json: { itemLocales: [] } });
    }
  });
});
