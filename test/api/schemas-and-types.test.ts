/** Content type schemas and content types over raw HTTP: the rules the SDK does not exercise. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let hubId: string;
const json = async (response: Response) => (await response.json()) as any;
const post = (path: string, body: unknown) => server.api(path, { method: 'POST', json: body });

beforeAll(async () => {
  server = await startTestServer();
  hubId = (await json(await server.api('/hubs')))._embedded.hubs[0].id;
});
afterAll(() => server.close());

const createSchema = (schemaId: string, body = schemaBody(schemaId)) =>
  post(`/hubs/${hubId}/content-type-schemas`, { schemaId, body, validationLevel: 'CONTENT_TYPE' });

describe('content type schemas', () => {
  it('creates version 1 with 201 and a Location', async () => {
    const response = await createSchema('https://s.example.com/one.json');
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(response.headers.get('location')).toBe(body._links.self.href);
    expect(body).toMatchObject({ version: 1, status: 'ACTIVE', validationLevel: 'CONTENT_TYPE' });
    expect(body.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it.each([
    ['a body that is not JSON', '{not json', /not valid JSON/],
    ['a body that is not a schema', JSON.stringify({ $id: 'https://s.example.com/bad.json', type: 12 }), /not a valid JSON Schema/],
    ['an unknown $schema', JSON.stringify({ $schema: 'http://example.com/meta', $id: 'https://s.example.com/bad.json' }), /unsupported \$schema/],
    ['an id that differs from schemaId', schemaBody('https://s.example.com/elsewhere.json'), /must equal schemaId/],
  ])('refuses %s with 400 naming the body, and stores nothing', async (_name, body, message) => {
    const before = (await json(await server.api(`/hubs/${hubId}/content-type-schemas`))).page.totalElements;
    const response = await createSchema('https://s.example.com/bad.json', body);
    expect(response.status).toBe(400);
    const [error] = (await json(response)).errors;
    expect(error).toMatchObject({ entity: 'ContentTypeSchema', property: 'body' });
    expect(error.message).toMatch(message);
    expect((await json(await server.api(`/hubs/${hubId}/content-type-schemas`))).page.totalElements).toBe(before);
  });

  it('refuses a duplicate schemaId with 409', async () => {
    await createSchema('https://s.example.com/dup.json');
    const response = await createSchema('https://s.example.com/dup.json');
    expect(response.status).toBe(409);
    expect((await json(response)).errors[0]).toMatchObject({ property: 'schemaId', invalidValue: 'https://s.example.com/dup.json' });
  });

  it('versions updates, refuses stale versions, and keeps history', async () => {
    const id = (await json(await createSchema('https://s.example.com/versions.json'))).id;
    const v2body = schemaBody('https://s.example.com/versions.json', { v2: { type: 'string' } });
    const v2 = await json(await server.api(`/content-type-schemas/${id}`, { method: 'PATCH', json: { body: v2body, version: 1 } }));
    expect(v2.version).toBe(2);

    const stale = await server.api(`/content-type-schemas/${id}`, { method: 'PATCH', json: { body: schemaBody('https://s.example.com/versions.json', { x: {} }), version: 1 } });
    expect(stale.status).toBe(409);
    expect((await json(stale)).errors[0]).toMatchObject({ property: 'version', invalidValue: 1 });
    expect((await json(await server.api(`/content-type-schemas/${id}`))).version).toBe(2);

    // An update that changes nothing makes no version (dc-cli decides what to republish by versions).
    const same = await json(await server.api(`/content-type-schemas/${id}`, { method: 'PATCH', json: { body: v2body, version: 2 } }));
    expect(same.version).toBe(2);

    const history = await json(await server.api(`/content-type-schemas/${id}/history`));
    expect(history._embedded['content-type-schemas'].map((s: any) => s.version)).toEqual([2, 1]);
    expect((await json(await server.api(`/content-type-schemas/${id}/1`))).body).toBe(schemaBody('https://s.example.com/versions.json'));
    expect((await server.api(`/content-type-schemas/${id}/3`)).status).toBe(404);
  });

  it('refuses updates while archived and filters lists by status', async () => {
    const schema = await json(await createSchema('https://s.example.com/archived.json'));
    await post(`/content-type-schemas/${schema.id}/archive`, { version: 1 });
    const refused = await server.api(`/content-type-schemas/${schema.id}`, {
      method: 'PATCH',
      json: { body: schemaBody('https://s.example.com/archived.json', { y: {} }), version: 1 },
    });
    expect(refused.status).toBe(409);
    const archived = await json(await server.api(`/hubs/${hubId}/content-type-schemas?status=ARCHIVED`));
    expect(archived._embedded['content-type-schemas'].map((s: any) => s.id)).toEqual([schema.id]);
    const active = await json(await server.api(`/hubs/${hubId}/content-type-schemas?status=ACTIVE`));
    expect(active._embedded['content-type-schemas'].map((s: any) => s.id)).not.toContain(schema.id);
  });

  it('resolves $refs to other schemas of the hub', async () => {
    const base = 'https://s.example.com/shared.json';
    await createSchema(base, JSON.stringify({ $id: base, definitions: { title: { type: 'string' } } }));
    const ok = await createSchema('https://s.example.com/uses.json', schemaBody('https://s.example.com/uses.json', { t: { $ref: `${base}#/definitions/title` } }));
    expect(ok.status).toBe(201);
    const broken = await createSchema('https://s.example.com/broken.json', schemaBody('https://s.example.com/broken.json', { t: { $ref: `${base}#/definitions/nope` } }));
    expect(broken.status).toBe(400);
  });
});

describe('content types', () => {
  it('needs the schema to exist in the hub', async () => {
    const response = await post(`/hubs/${hubId}/content-types`, { contentTypeUri: 'https://s.example.com/missing.json', settings: { label: 'x' } });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0]).toMatchObject({ property: 'contentTypeUri' });
  });

  it('registers once per URI, ignoring echoed fields such as repositories and status', async () => {
    const uri = 'https://s.example.com/type.json';
    await createSchema(uri);
    const first = await post(`/hubs/${hubId}/content-types`, { contentTypeUri: uri, settings: { label: 'T' }, repositories: ['content'], status: 'ARCHIVED', hubId: 'x' });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ status: 'ACTIVE', settings: { label: 'T' } });
    const again = await post(`/hubs/${hubId}/content-types`, { contentTypeUri: uri, settings: { label: 'T' } });
    expect(again.status).toBe(409);
  });

  it('assigns only types of the same hub and 404s unassigning a type that is not assigned', async () => {
    const repos = (await json(await server.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'];
    const repo = repos[0];
    const unknown = await post(`/content-repositories/${repo.id}/content-types`, { contentTypeId: '000000000000000000000000' });
    expect(unknown.status).toBe(400);
    const uri = 'https://s.example.com/assign.json';
    await createSchema(uri);
    const type = await json(await post(`/hubs/${hubId}/content-types`, { contentTypeUri: uri }));
    const once = await json(await post(`/content-repositories/${repo.id}/content-types`, { contentTypeId: type.id }));
    const twice = await json(await post(`/content-repositories/${repo.id}/content-types`, { contentTypeId: type.id }));
    expect(twice.contentTypes).toEqual(once.contentTypes);
    expect((await server.api(`/content-repositories/${repo.id}/content-types/${type.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await server.api(`/content-repositories/${repo.id}/content-types/${type.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('folders and workflow states', () => {
  it('refuses to delete a folder that is not empty, then deletes it once empty', async () => {
    const repo = (await json(await server.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'][0];
    const parent = await json(await post(`/content-repositories/${repo.id}/folders`, { name: 'parent' }));
    const child = await json(await post(`/folders/${parent.id}/folders`, { name: 'child' }));
    const refused = await server.api(`/folders/${parent.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect((await server.api(`/folders/${parent.id}`)).status).toBe(200);
    expect((await server.api(`/folders/${child.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await server.api(`/folders/${parent.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await server.api(`/folders/${parent.id}`)).status).toBe(404);
  });

  it('renames a folder with PATCH and refuses a blank name', async () => {
    const repo = (await json(await server.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'][0];
    const folder = await json(await post(`/content-repositories/${repo.id}/folders`, { name: 'old' }));
    expect((await json(await server.api(`/folders/${folder.id}`, { method: 'PATCH', json: { name: 'new' } }))).name).toBe('new');
    expect((await server.api(`/folders/${folder.id}`, { method: 'PATCH', json: { name: '  ' } })).status).toBe(400);
  });

  it.each(['red', 'rgb(300,0,0)', '#ff0000'])('refuses the colour %s', async (color) => {
    const response = await post(`/hubs/${hubId}/workflow-states`, { label: 'x', color });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0]).toMatchObject({ property: 'color' });
  });
});
