/**
 * Issue 6: permissions on the Management API. Two clients with different rights over two hubs and their
 * repositories, through the official SDK and raw HTTP: 404 where the caller cannot see, 403 where it sees
 * but may not act, 200 where it may; refused calls change nothing; relations are offered by permission;
 * grants and revocations count from the next request. Plus 003's access and module operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentItem, type DynamicContent } from 'dc-management-sdk-js';
import { CLIENT_ID, schemaBody, startTestServer, type TestServer } from '../helpers/server.js';
import { createClient, createPat } from '../../src/auth/clients.js';
import { createHub } from '../../src/domain/hubs/create-hub.js';
import { DEFAULT_REPOSITORIES } from '../../src/bootstrap.js';
import { addAcl, addFunctional, grantRole } from '../../src/domain/access/members.js';
import { FUNCTIONAL, MODULES } from '../../src/domain/access/permissions.js';

const SECRET = 'secret-for-tests';
const SCHEMA = 'https://schema.example.com/permissions.json';

interface HubFixture {
  id: string;
  content: string;
  slots: string;
  schemaId: string;
  typeId: string;
  folderId: string;
  stateId: string;
  /** An item in `content` and one in `slots`. */
  contentItem: string;
  slotsItem: string;
}

let server: TestServer;
let one: HubFixture;
let two: HubFixture;

/** A caller with its own token: raw HTTP against /v2/content. */
interface Caller {
  sid: string;
  sdk: DynamicContent;
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

async function caller(sid: string): Promise<Caller> {
  const response = await fetch(`${server.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sid, client_secret: sid === CLIENT_ID ? 'test-secret-123' : SECRET }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return {
    sid,
    sdk: server.sdk({ client_id: sid, client_secret: sid === CLIENT_ID ? 'test-secret-123' : SECRET }),
    api: (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(/^https?:/.test(path) ? path : `${server.apiUrl}${path}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
    },
  };
}

let admin: Caller;
let alice: Caller;
let bob: Caller;

const json = async (response: Response | Promise<Response>) => (await (await response).json()) as any;

async function seedHub(hubId: string): Promise<HubFixture> {
  const repos = (await json(admin.api(`/hubs/${hubId}/content-repositories`)))._embedded['content-repositories'] as { id: string; name: string }[];
  const content = repos.find((r) => r.name === 'content')!.id;
  const slots = repos.find((r) => r.name === 'slots')!.id;
  const schema = await json(admin.api(`/hubs/${hubId}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA, body: schemaBody(SCHEMA), validationLevel: 'CONTENT_TYPE' } }));
  const type = await json(admin.api(`/hubs/${hubId}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA, settings: { label: 'P' } } }));
  for (const repo of [content, slots]) await admin.api(`/content-repositories/${repo}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
  const folder = await json(admin.api(`/content-repositories/${content}/folders`, { method: 'POST', json: { name: 'f' } }));
  const state = await json(admin.api(`/hubs/${hubId}/workflow-states`, { method: 'POST', json: { label: 'Review', color: 'rgb(1,2,3)' } }));
  const item = async (repo: string) =>
    (await json(admin.api(`/content-repositories/${repo}/content-items`, { method: 'POST', json: { label: 'seed', body: { _meta: { name: 'seed', schema: SCHEMA }, title: 'x' } } }))).id as string;
  return { id: hubId, content, slots, schemaId: schema.id, typeId: type.id, folderId: folder.id, stateId: state.id, contentItem: await item(content), slotsItem: await item(slots) };
}

const newItem = { label: 'new', body: { _meta: { name: 'new', schema: SCHEMA }, title: 'y' } };

beforeAll(async () => {
  server = await startTestServer();
  admin = await caller(CLIENT_ID);
  const hubOne = (await json(admin.api('/hubs')))._embedded.hubs[0].id as string;
  const hubTwo = (await createHub(server.deps, { sid: 'test' }, { name: 'hub-two', repositories: DEFAULT_REPOSITORIES, admins: [CLIENT_ID], modules: MODULES })).id;
  one = await seedHub(hubOne);
  two = await seedHub(hubTwo);
  for (const sid of ['alice', 'bob']) await createClient(server.deps, { clientId: sid, secret: SECRET });
  // alice: an author of hub one; nothing on hub two.
  await grantRole(server.deps, 'alice', 'author', { type: 'hubs', id: one.id });
  // bob: a reader of hub one; on hub two READ, and EDIT on its content repository only.
  await grantRole(server.deps, 'bob', 'reader', { type: 'hubs', id: one.id });
  await addAcl(server.deps, 'bob', 'hubs', two.id, ['READ']);
  await addAcl(server.deps, 'bob', 'content-repositories', two.content, ['EDIT']);
  await addFunctional(server.deps, 'bob', [FUNCTIONAL.CONTENT_ITEM_CREATE, FUNCTIONAL.CONTENT_ITEM_EDIT]);
  alice = await caller('alice');
  bob = await caller('bob');
});
afterAll(() => server.close());

/** Every GET a member of `hub` could make on its resources, by what they are. */
const reads = (h: HubFixture) => [
  `/hubs/${h.id}`,
  `/hubs/${h.id}/content-repositories`,
  `/hubs/${h.id}/content-type-schemas`,
  `/hubs/${h.id}/content-types`,
  `/hubs/${h.id}/workflow-states`,
  `/hubs/${h.id}/content-items/find?q=seed`,
  `/content-repositories/${h.content}`,
  `/content-repositories/${h.content}/folders`,
  `/content-repositories/${h.content}/content-items`,
  `/folders/${h.folderId}`,
  `/content-type-schemas/${h.schemaId}`,
  `/content-types/${h.typeId}`,
  `/workflow-states/${h.stateId}`,
  `/content-items/${h.contentItem}`,
  `/content-items/${h.contentItem}/versions`,
  `/content-items/search/findByIdWithChildren?id=${h.contentItem}`,
  `/localization-jobs/search/findByRootContentItem?id=${h.contentItem}`,
];

describe('visibility', () => {
  it('lists only the hubs a client may read, through the SDK', async () => {
    expect((await admin.sdk.hubs.list()).getItems().map((h) => h.id).sort()).toEqual([one.id, two.id].sort());
    expect((await alice.sdk.hubs.list()).getItems().map((h) => h.id)).toEqual([one.id]);
    expect((await bob.sdk.hubs.list()).getItems().map((h) => h.id).sort()).toEqual([one.id, two.id].sort());
  });

  it('answers 404 for everything in a hub the caller cannot read, with the body of a missing resource', async () => {
    for (const path of reads(two)) {
      const response = await alice.api(path);
      expect(response.status, path).toBe(404);
    }
    const hidden = await json(alice.api(`/hubs/${two.id}`));
    const missing = await json(alice.api('/hubs/0123456789abcdef01234567'));
    expect(hidden.errors[0]).toEqual({ ...missing.errors[0], invalidValue: two.id });
    await expect(alice.sdk.hubs.get(two.id)).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('answers 200 for the same reads in a hub the caller may read', async () => {
    for (const path of reads(one)) expect((await alice.api(path)).status, path).toBe(200);
    for (const path of [...reads(one), ...reads(two)]) expect((await bob.api(path)).status, path).toBe(200);
  });

  it('refuses writes to an invisible hub with 404 before looking at the body, changing nothing', async () => {
    const before = await json(admin.api(`/content-items/${two.contentItem}`));
    expect((await alice.api(`/content-items/${two.contentItem}`, { method: 'PATCH', json: { version: before.version, label: 'hijacked' } })).status).toBe(404);
    expect((await alice.api(`/content-items/${two.contentItem}`, { method: 'PATCH', json: 'not even an object' })).status).toBe(404);
    expect((await alice.api(`/content-repositories/${two.content}/content-items`, { method: 'POST', json: newItem })).status).toBe(404);
    expect((await alice.api(`/hubs/${two.id}`, { method: 'PATCH', json: { label: 'mine' } })).status).toBe(404);
    expect((await alice.api(`/content-items/${two.contentItem}/publish`, { method: 'POST', json: {} })).status).toBe(404);
    const after = await json(admin.api(`/content-items/${two.contentItem}`));
    expect(after).toEqual(before);
    expect((await json(admin.api(`/content-repositories/${two.content}/content-items`))).page.totalElements).toBe(1);
  });
});

describe('visible but not allowed', () => {
  it('refuses with 403 naming what is missing, and changes nothing', async () => {
    const item = await json(admin.api(`/content-items/${one.contentItem}`));
    const refused = await bob.api(`/content-items/${one.contentItem}`, { method: 'PATCH', json: { version: item.version, label: 'changed' } });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as any;
    // bob holds the functional permission (for hub two): only the ACL is missing here.
    expect(body.errors[0]).toEqual({ entity: 'ContentItem', invalidValue: one.contentItem, message: 'bob lacks ContentRepository - EDIT for this ContentItem' });
    const functional = await alice.api(`/content-items/${one.contentItem}/publish`, { method: 'POST', json: {} });
    expect(((await functional.json()) as any).errors[0].message).toBe(`alice lacks ${FUNCTIONAL.CONTENT_ITEM_PUBLISH} for this ContentItem`);
    expect(refused.headers.get('content-type')).toContain('application/hal+json');
    expect((await bob.api(`/content-repositories/${one.content}/content-items`, { method: 'POST', json: newItem })).status).toBe(403);
    expect((await bob.api(`/hubs/${one.id}/content-types`, { method: 'POST', json: { contentTypeUri: 'https://x.example.com/t.json' } })).status).toBe(403);
    expect(await json(admin.api(`/content-items/${one.contentItem}`))).toEqual(item);
    expect((await json(admin.api(`/content-repositories/${one.content}/content-items`))).page.totalElements).toBe(1);
  });

  it('a reader is refused every write of every endpoint group with 403, and the hub is unchanged', async () => {
    const snapshot = async () =>
      Promise.all(reads(one).map(async (path) => [path, await json(admin.api(path))])).then((entries) => JSON.stringify(entries));
    const before = await snapshot();
    const item = await json(admin.api(`/content-items/${one.contentItem}`));
    const writes: [string, string, unknown][] = [
      ['PATCH', `/hubs/${one.id}`, { label: 'x' }],
      ['PATCH', `/hubs/${one.id}/settings`, { devices: [] }],
      ['POST', `/hubs/${one.id}/content-repositories`, { name: 'extra', label: 'Extra' }],
      ['PATCH', `/content-repositories/${one.content}`, { label: 'x' }],
      ['POST', `/content-repositories/${one.content}/content-types`, { contentTypeId: one.typeId }],
      ['DELETE', `/content-repositories/${one.content}/content-types/${one.typeId}`, undefined],
      ['POST', `/content-repositories/${one.content}/folders`, { name: 'g' }],
      ['POST', `/folders/${one.folderId}/folders`, { name: 'g' }],
      ['PATCH', `/folders/${one.folderId}`, { name: 'g' }],
      ['DELETE', `/folders/${one.folderId}`, undefined],
      ['POST', `/hubs/${one.id}/content-type-schemas`, { schemaId: 'https://x.example.com/s.json', body: schemaBody('https://x.example.com/s.json'), validationLevel: 'CONTENT_TYPE' }],
      ['PATCH', `/content-type-schemas/${one.schemaId}`, { body: schemaBody(SCHEMA), version: 1 }],
      ['POST', `/content-type-schemas/${one.schemaId}/archive`, { version: 1 }],
      ['POST', `/hubs/${one.id}/content-types`, { contentTypeUri: 'https://x.example.com/s.json' }],
      ['PATCH', `/content-types/${one.typeId}`, { settings: { label: 'x' } }],
      ['PATCH', `/content-types/${one.typeId}/schema`, {}],
      ['POST', `/hubs/${one.id}/workflow-states`, { label: 'x', color: 'rgb(0,0,0)' }],
      ['PATCH', `/workflow-states/${one.stateId}`, { label: 'x' }],
      ['POST', `/content-repositories/${one.content}/content-items`, newItem],
      ['PATCH', `/content-items/${one.contentItem}`, { version: item.version, label: 'x' }],
      ['PATCH', '/content-items', [{ id: one.contentItem, version: item.version, label: 'x' }]],
      ['POST', `/content-items/${one.contentItem}/archive`, { version: item.version }],
      ['POST', `/content-items/${one.contentItem}/restore`, { version: item.version, restoreVersion: 1 }],
      ['PUT', `/content-items/${one.contentItem}/delivery-key`, { version: item.version, deliveryKey: 'k' }],
      ['PATCH', `/content-items/${one.contentItem}/workflow`, { version: item.version, state: one.stateId }],
      ['POST', `/content-items/${one.contentItem}/locale`, { version: item.version, locale: 'en-GB' }],
      ['POST', `/content-items/${one.contentItem}/localize`, { version: item.version, locales: ['fr-FR'] }],
      ['POST', `/content-items/${one.contentItem}/publish`, {}],
      ['POST', `/content-items/${one.contentItem}/unpublish`, {}],
    ];
    for (const [method, path, body] of writes) {
      expect((await bob.api(path, { method, json: body })).status, `${method} ${path}`).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it('an author edits content but not the hub, its types or its repositories, and does not publish', async () => {
    const dc = alice.sdk;
    const hub = await dc.hubs.get(one.id);
    expect((await alice.api(`/hubs/${one.id}`, { method: 'PATCH', json: { label: 'renamed' } })).status).toBe(403);
    expect((await alice.api(`/hubs/${one.id}/settings`, { method: 'PATCH', json: { devices: [] } })).status).toBe(403);
    expect((await alice.api(`/hubs/${one.id}/content-repositories`, { method: 'POST', json: { name: 'more', label: 'More' } })).status).toBe(403);
    expect((await alice.api(`/hubs/${one.id}/workflow-states`, { method: 'POST', json: { label: 'Done', color: 'rgb(0,0,0)' } })).status).toBe(403);
    expect((await alice.api(`/content-types/${one.typeId}/archive`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await alice.api(`/content-repositories/${one.content}`, { method: 'PATCH', json: { label: 'x' } })).status).toBe(403);
    expect((await alice.api(`/hubs/${one.id}`)).status).toBe(200);
    // The SDK finds no relation for what is not allowed …
    expect(hub._links).not.toHaveProperty('update');
    expect(hub._links).not.toHaveProperty('register-content-type');
    expect(hub._links).not.toHaveProperty('create-content-repository');
    expect(hub._links).not.toHaveProperty('share');
    await expect(hub.related.contentTypes.register({ contentTypeUri: 'https://x.example.com/t.json' } as never)).rejects.toBe(
      'The register-content-type action is not available, ensure you have permission to perform this action.',
    );
    // … and follows the ones that are.
    const repository = await dc.contentRepositories.get(one.content);
    const created = await repository.related.contentItems.create(new ContentItem(newItem));
    expect(created.version).toBe(1);
    const updated = await created.related.update(new ContentItem({ ...created.toJSON(), label: 'edited by alice' }));
    expect(updated.label).toBe('edited by alice');
    expect(updated._links).not.toHaveProperty('publish');
    await expect(updated.related.publish()).rejects.toBe('The publish action is not available, ensure you have permission to perform this action.');
    expect((await alice.api(`/content-items/${created.id}/publish`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await json(admin.api(`/content-items/${created.id}`))).publishingStatus).toBe('NONE');
  });

  it('repository EDIT counts in that repository only', async () => {
    const created = await bob.api(`/content-repositories/${two.content}/content-items`, { method: 'POST', json: newItem });
    expect(created.status).toBe(201);
    expect((await bob.api(`/content-repositories/${two.slots}/content-items`, { method: 'POST', json: newItem })).status).toBe(403);
    const content = await json(bob.api(`/content-repositories/${two.content}`));
    const slots = await json(bob.api(`/content-repositories/${two.slots}`));
    expect(content._links).toHaveProperty('create-content-item');
    expect(slots._links).not.toHaveProperty('create-content-item');
    expect(content._links).not.toHaveProperty('update');
    const list = await json(bob.api(`/content-repositories/${two.slots}/content-items`));
    expect(list._embedded['content-items'][0]._links).not.toHaveProperty('update');
    expect(list._embedded['content-items'][0]._links).toHaveProperty('self');
  });

  it('a bulk update with one item the caller may not edit changes none of them', async () => {
    const mine = await json(bob.api(`/content-items/${two.contentItem}`));
    const theirs = await json(bob.api(`/content-items/${two.slotsItem}`));
    const response = await bob.api('/content-items', {
      method: 'PATCH',
      json: [
        { id: mine.id, version: mine.version, label: 'bulk' },
        { id: theirs.id, version: theirs.version, label: 'bulk' },
      ],
    });
    expect(response.status).toBe(403);
    expect((await json(admin.api(`/content-items/${two.contentItem}`))).label).toBe(mine.label);
    expect((await json(admin.api(`/content-items/${two.slotsItem}`))).label).toBe(theirs.label);
  });

  it('localizing needs EDIT on every repository the variants go to, checked before a job is queued', async () => {
    // In hub two, bob may edit `content` only; French variants go to `slots`.
    await admin.api(`/hubs/${two.id}/settings`, { method: 'PATCH', json: { localization: { locales: ['en-GB', 'fr-FR'] } } });
    await admin.api(`/content-repositories/${two.content}`, { method: 'PATCH', json: { itemLocales: ['en-GB'] } });
    await admin.api(`/content-repositories/${two.slots}`, { method: 'PATCH', json: { itemLocales: ['fr-FR'] } });
    const source = await json(admin.api(`/content-repositories/${two.content}/content-items`, { method: 'POST', json: newItem }));
    const located = await json(admin.api(`/content-items/${source.id}/locale`, { method: 'POST', json: { locale: 'en-GB', version: source.version } }));
    const jobs = async () => (await json(admin.api(`/localization-jobs/search/findByRootContentItem?id=${source.id}`))).page.totalElements;
    try {
      const refused = await bob.api(`/content-items/${source.id}/localize`, { method: 'POST', json: { locales: ['fr-FR'], version: located.version } });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as any).errors[0]).toEqual({
        entity: 'ContentRepository',
        invalidValue: two.slots,
        message: 'bob lacks ContentRepository - EDIT for this ContentRepository',
      });
      expect(await jobs()).toBe(0);

      await addAcl(server.deps, 'bob', 'content-repositories', two.slots, ['EDIT']);
      const accepted = await bob.api(`/content-items/${source.id}/localize`, { method: 'POST', json: { locales: ['fr-FR'], version: located.version } });
      expect(accepted.status).toBe(202);
      expect(await jobs()).toBe(1);
    } finally {
      expect((await admin.api(`/access/content-repositories/${two.slots}/members/bob/permissions/EDIT`, { method: 'DELETE' })).status).toBe(204);
      await admin.api(`/content-repositories/${two.content}`, { method: 'PATCH', json: { itemLocales: [] } });
      await admin.api(`/content-repositories/${two.slots}`, { method: 'PATCH', json: { itemLocales: [] } });
    }
  });

  it('localizing also needs EDIT where the variants of linked items go', async () => {
    // Bob may edit `content` in hub two; the linked child sits in `slots`, where its variant is made too.
    await admin.api(`/hubs/${two.id}/settings`, { method: 'PATCH', json: { localization: { locales: ['en-GB', 'fr-FR'] } } });
    const child = await json(admin.api(`/content-repositories/${two.slots}/content-items`, { method: 'POST', json: newItem }));
    const link = { _meta: { schema: 'http://bigcontent.io/cms/schema/v1/core#/definitions/content-link' }, contentType: SCHEMA, id: child.id };
    const parent = await json(
      admin.api(`/content-repositories/${two.content}/content-items`, {
        method: 'POST',
        json: { label: 'parent', locale: 'en-GB', body: { _meta: { name: 'parent', schema: SCHEMA }, title: 'p', related: link } },
      }),
    );
    expect(parent.locale).toBe('en-GB');
    const refused = await bob.api(`/content-items/${parent.id}/localize`, { method: 'POST', json: { locales: ['fr-FR'], version: parent.version } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0]).toMatchObject({ entity: 'ContentRepository', invalidValue: two.slots });
    expect((await json(admin.api(`/localization-jobs/search/findByRootContentItem?id=${parent.id}`))).page.totalElements).toBe(0);
  });

  it('a personal access token acts with its client’s rights', async () => {
    const pat = await createPat(server.deps, { clientId: 'alice' });
    const dc = server.sdk({ patToken: pat.token });
    expect((await dc.hubs.list()).getItems().map((h) => h.id)).toEqual([one.id]);
    await expect(dc.hubs.get(two.id)).rejects.toMatchObject({ response: { status: 404 } });
  });
});

describe('access management (003 "Manage Access to Resources")', () => {
  const access = (h: HubFixture) => `/access/hubs/${h.id}`;

  it('lists the operations and members of a hub with their permissions', async () => {
    const root = await json(admin.api('/admin'));
    expect(Object.keys(root._links).sort()).toEqual(['access', 'modules', 'self']);
    const hub = await json(admin.api(`/hubs/${one.id}`));
    expect(hub._links.share.href).toBe(`${server.apiUrl}${access(one)}`);
    const operations = await json(admin.api(hub._links.share.href));
    expect(Object.keys(operations._links).sort()).toEqual(['grant-permission', 'member', 'members', 'revoke-permission', 'self']);
    const members = await json(admin.api(`${access(one)}/members`));
    const bySid = Object.fromEntries(members._embedded.members.map((m: any) => [m.sid, m.permissions]));
    expect(bySid).toEqual({ [CLIENT_ID]: ['READ', 'EDIT', 'MANAGE_ACCESS'], alice: ['READ', 'EDIT'], bob: ['READ'] });
    expect(members.page).toMatchObject({ totalElements: 3, number: 0 });
    const member = await json(admin.api(`${access(one)}/members/alice`));
    expect(member).toMatchObject({ sid: 'alice', permissions: ['READ', 'EDIT'] });
    expect(member._links['revoke-permission']).toEqual({ href: `${server.apiUrl}${access(one)}/members/alice/permissions/{permissions}`, templated: true });
    expect((await admin.api(`${access(one)}/members/nobody`)).status).toBe(404);
    const repository = await json(admin.api(`/access/content-repositories/${two.content}/members`));
    expect(repository._embedded.members).toEqual([expect.objectContaining({ sid: 'bob', permissions: ['EDIT'] })]);
  });

  it('refuses members without MANAGE_ACCESS (403) and hubs they cannot see (404)', async () => {
    expect((await alice.api(`${access(one)}/members`)).status).toBe(403);
    expect((await alice.api(`${access(two)}/members`)).status).toBe(404);
    expect((await alice.api(`${access(one)}/members/bob/permissions/READ`, { method: 'DELETE' })).status).toBe(403);
    expect((await alice.api(`${access(one)}/members/alice/permissions/MANAGE_ACCESS`, { method: 'PUT' })).status).toBe(403);
    expect((await alice.api(`/access/widgets/${one.id}`)).status).toBe(400);
    expect((await json(admin.api(`${access(one)}/members/alice`))).permissions).toEqual(['READ', 'EDIT']);
  });

  it('a revoked permission counts from the next request, and so does a grant', async () => {
    const item = await json(bob.api(`/content-items/${two.contentItem}`));
    expect((await bob.api(`/content-items/${two.contentItem}`, { method: 'PATCH', json: { version: item.version, label: 'before revoke' } })).status).toBe(200);
    expect((await admin.api(`/access/content-repositories/${two.content}/members/bob/permissions/EDIT`, { method: 'DELETE' })).status).toBe(204);
    expect((await bob.api(`/content-items/${two.contentItem}`, { method: 'PATCH', json: { version: item.version + 1, label: 'after revoke' } })).status).toBe(403);
    expect((await json(admin.api(`/content-items/${two.contentItem}`))).label).toBe('before revoke');
    // Revoking again is harmless (clients retry).
    expect((await admin.api(`/access/content-repositories/${two.content}/members/bob/permissions/EDIT`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin.api(`/access/content-repositories/${two.content}/members/bob/permissions/EDIT`, { method: 'PUT' })).status).toBe(204);
    expect((await bob.api(`/content-items/${two.contentItem}`, { method: 'PATCH', json: { version: item.version + 1, label: 'after grant' } })).status).toBe(200);
  });

  it('revokes several comma-separated permissions at once; the hub disappears for that member', async () => {
    await createClient(server.deps, { clientId: 'carol', secret: SECRET });
    expect((await admin.api(`${access(one)}/members/carol/permissions/READ,EDIT`, { method: 'PUT' })).status).toBe(204);
    const carol = await caller('carol');
    expect((await carol.api(`/hubs/${one.id}`)).status).toBe(200);
    expect((await json(admin.api(`${access(one)}/members/carol`))).permissions).toEqual(['READ', 'EDIT']);
    expect((await admin.api(`${access(one)}/members/carol/permissions/READ,EDIT`, { method: 'DELETE' })).status).toBe(204);
    expect((await carol.api(`/hubs/${one.id}`)).status).toBe(404);
    expect((await admin.api(`${access(one)}/members/carol`)).status).toBe(404);
  });

  it('refuses unknown permissions and members without changing anything', async () => {
    const bad = await admin.api(`${access(one)}/members/alice/permissions/READ,FLY`, { method: 'DELETE' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0]).toMatchObject({ property: 'permissions', invalidValue: 'READ,FLY' });
    expect((await admin.api(`${access(one)}/members/nobody/permissions/READ`, { method: 'PUT' })).status).toBe(400);
    expect((await admin.api(`${access(one)}/members/nobody/permissions/READ`, { method: 'DELETE' })).status).toBe(404);
    expect((await json(admin.api(`${access(one)}/members/alice`))).permissions).toEqual(['READ', 'EDIT']);
  });
});

describe('modules (003 "Manage Modules on Resources")', () => {
  let bare: string;
  beforeAll(async () => {
    bare = (await createHub(server.deps, { sid: 'test' }, { name: 'bare-hub', repositories: DEFAULT_REPOSITORIES, admins: [CLIENT_ID] })).id;
  });

  it('lists a hub’s modules with links to enable the ones that are off', async () => {
    const hub = await json(admin.api(`/hubs/${bare}`));
    const modules = await json(admin.api(hub._links.modules.href));
    expect(modules.modules).toEqual([
      { name: 'search-index', enabled: false },
      { name: 'content-delivery-2', enabled: false },
    ]);
    expect(Object.keys(modules._links).sort()).toEqual(['enable-content-delivery-2', 'enable-search-index', 'hub', 'self']);
    const bootstrap = await json(admin.api(`/modules/hubs/${one.id}`));
    expect(bootstrap.modules.every((m: any) => m.enabled)).toBe(true);
    expect(Object.keys(bootstrap._links).sort()).toEqual(['hub', 'self']);
    expect((await json(alice.api(`/modules/hubs/${one.id}`)))._links).not.toHaveProperty('enable-search-index');
    expect((await alice.api(`/modules/hubs/${one.id}/search-index`, { method: 'POST' })).status).toBe(403);
    expect((await alice.api(`/modules/hubs/${bare}`)).status).toBe(404);
  });

  it('allows delivery keys only once Content Delivery 2 is enabled', async () => {
    const repos = (await json(admin.api(`/hubs/${bare}/content-repositories`)))._embedded['content-repositories'];
    const content = repos.find((r: any) => r.name === 'content').id;
    await admin.api(`/hubs/${bare}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA, body: schemaBody(SCHEMA), validationLevel: 'CONTENT_TYPE' } });
    const type = await json(admin.api(`/hubs/${bare}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA } }));
    await admin.api(`/content-repositories/${content}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
    const keyed = { label: 'k', body: { _meta: { name: 'k', schema: SCHEMA, deliveryKey: 'home/page' }, title: 'z' } };
    const refused = await admin.api(`/content-repositories/${content}/content-items`, { method: 'POST', json: keyed });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].message).toContain('Content Delivery 2');
    expect((await json(admin.api(`/content-repositories/${content}/content-items`))).page.totalElements).toBe(0);
    const plain = await json(admin.api(`/content-repositories/${content}/content-items`, { method: 'POST', json: newItem }));
    expect((await admin.api(`/content-items/${plain.id}/delivery-key`, { method: 'PUT', json: { deliveryKey: 'home', version: 1 } })).status).toBe(400);
    // Echoing the whole item back (no key) is still fine.
    expect((await admin.api(`/content-items/${plain.id}`, { method: 'PATCH', json: { ...plain, label: 'still fine' } })).status).toBe(200);

    const enabled = await admin.api(`/modules/hubs/${bare}/content-delivery-2`, { method: 'POST' });
    expect(enabled.status).toBe(200);
    expect(((await enabled.json()) as any).modules).toContainEqual(expect.objectContaining({ name: 'content-delivery-2', enabled: true }));
    expect((await admin.api(`/modules/hubs/${bare}/content-delivery-2`, { method: 'POST' })).status).toBe(200);
    expect((await admin.api(`/content-repositories/${content}/content-items`, { method: 'POST', json: keyed })).status).toBe(201);
    expect((await admin.api(`/content-items/${plain.id}/delivery-key`, { method: 'PUT', json: { deliveryKey: 'home', version: 2 } })).status).toBe(200);
  });
});
