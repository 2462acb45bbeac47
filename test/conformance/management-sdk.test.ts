/**
 * The official management SDK (dc-management-sdk-js, unmodified) walks a Decibel hub the way users'
 * scripts do: token, hubs, repositories, folders, schemas, content types, workflow states, settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentType, ContentTypeSchema, Folder, Settings, ValidationLevel, WorkflowState, type DynamicContent, type Hub } from 'dc-management-sdk-js';
import { HUB_NAME, schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let dc: DynamicContent;
let hub: Hub;

beforeAll(async () => {
  server = await startTestServer();
  dc = server.sdk();
  const hubs = await dc.hubs.list();
  hub = hubs.getItems().find((h) => h.name === HUB_NAME)!;
});
afterAll(() => server.close());

describe('hubs', () => {
  it('lists and gets the bootstrap hub', async () => {
    expect(hub).toBeDefined();
    const fetched = await dc.hubs.get(hub.id!);
    expect(fetched.name).toBe(HUB_NAME);
    expect(fetched.status).toBe('ACTIVE');
    const page = await dc.hubs.list({ page: 0, size: 1 });
    expect(page.page).toMatchObject({ number: 0, size: 1, totalElements: 1, totalPages: 1 });
  });

  it('updates settings through update-settings', async () => {
    const settings = await hub.related.settings.update(
      new Settings({ localization: { locales: ['en-GB', 'fr-FR'] }, applications: [{ name: 'web', templatedUri: 'http://web/{{contentItemId}}' }] }),
    );
    expect(settings.localization?.locales).toEqual(['en-GB', 'fr-FR']);
    const fetched = await dc.hubs.get(hub.id!);
    expect(fetched.settings?.localization?.locales).toEqual(['en-GB', 'fr-FR']);
    expect(fetched.settings?.applications).toEqual([{ name: 'web', templatedUri: 'http://web/{{contentItemId}}' }]);
    // Sections not named are kept (003 PATCH guidance).
    expect(fetched.settings?.devices?.length).toBe(3);
  });
});

describe('repositories, schemas, content types', () => {
  it('walks repositories, registers a type from a schema and assigns it', async () => {
    const repos = await hub.related.contentRepositories.list();
    const names = repos.getItems().map((r) => r.name).sort();
    expect(names).toEqual(['content', 'slots']);
    const slots = await hub.related.contentRepositories.findByFeature('slots');
    expect(slots.getItems().map((r) => r.name)).toEqual(['slots']);

    const schemaId = 'https://schema.example.com/banner.json';
    const schema = await hub.related.contentTypeSchema.create(
      new ContentTypeSchema({ schemaId, body: schemaBody(schemaId), validationLevel: ValidationLevel.CONTENT_TYPE }),
    );
    expect(schema.version).toBe(1);
    expect(schema.schemaId).toBe(schemaId);
    expect(typeof schema.body).toBe('string');

    const fetchedSchema = await dc.contentTypeSchemas.get(schema.id!);
    expect(fetchedSchema.body).toBe(schema.body);
    const updated = await fetchedSchema.related.update(
      new ContentTypeSchema({ body: schemaBody(schemaId, { heading: { type: 'string' } }), validationLevel: ValidationLevel.CONTENT_TYPE, version: 1 }),
    );
    expect(updated.version).toBe(2);
    const v1 = await dc.contentTypeSchemas.getByVersion(schema.id!, 1);
    expect(JSON.parse(v1.body!).properties).toHaveProperty('title');
    const list = await hub.related.contentTypeSchema.list();
    expect(list.getItems().map((s) => s.schemaId)).toContain(schemaId);

    const type = await hub.related.contentTypes.register(
      new ContentType({ contentTypeUri: schemaId, settings: { label: 'Banner', icons: [], visualizations: [] } }),
    );
    expect(type.contentTypeUri).toBe(schemaId);
    const cached = await type.related.contentTypeSchema.get();
    expect(cached.cachedSchema).toMatchObject({ $id: schemaId });
    const synced = await type.related.contentTypeSchema.update();
    expect(synced.cachedSchema).toMatchObject({ properties: { heading: { type: 'string' } } });

    const content = repos.getItems().find((r) => r.name === 'content')!;
    const assigned = await content.related.contentTypes.assign(type.id!);
    expect(assigned.contentTypes).toEqual([{ hubContentTypeId: type.id, contentTypeUri: schemaId }]);
    const types = await hub.related.contentTypes.list({ status: 'ACTIVE' } as never);
    expect(types.getItems().map((t) => t.id)).toContain(type.id);

    await assigned.related.contentTypes.unassign(type.id!);
    expect((await dc.contentRepositories.get(content.id!)).contentTypes).toEqual([]);

    const archived = await type.related.archive();
    expect(archived.status).toBe('ARCHIVED');
    await expect(archived.related.update(new ContentType({ settings: { label: 'x' } }))).rejects.toMatch(/update action is not available/);
    const unarchived = await archived.related.unarchive();
    expect(unarchived.status).toBe('ACTIVE');
    const renamed = await unarchived.related.update(new ContentType({ settings: { label: 'Hero banner' } }));
    expect(renamed.settings?.label).toBe('Hero banner');

    const archivedSchema = await updated.related.archive();
    expect(archivedSchema.status).toBe('ARCHIVED');
    expect((await archivedSchema.related.unarchive()).status).toBe('ACTIVE');
  });
});

describe('folders', () => {
  it('creates, nests, lists, renames and navigates folders', async () => {
    const repo = (await hub.related.contentRepositories.list()).getItems().find((r) => r.name === 'content')!;
    const root = await repo.related.folders.create(new Folder({ name: 'Campaigns' }));
    const child = await root.related.folders.create(new Folder({ name: 'Summer' }));
    expect((await repo.related.folders.list()).getItems().map((f) => f.name)).toEqual(['Campaigns']);
    expect((await root.related.folders.list()).getItems().map((f) => f.name)).toEqual(['Summer']);
    expect((await child.related.folders.parent()).id).toBe(root.id);
    expect((await child.related.contentRepository()).id).toBe(repo.id);
    const fetched = await dc.folders.get(child.id!);
    expect(fetched.name).toBe('Summer');
  });
});

describe('workflow states', () => {
  it('creates, lists, gets and updates workflow states', async () => {
    const state = await hub.related.workflowStates.create(new WorkflowState({ label: 'Todo', color: 'rgb(1,2,3)' }));
    expect(state.label).toBe('Todo');
    const listed = await hub.related.workflowStates.list();
    expect(listed.getItems().map((s) => s.id)).toContain(state.id);
    const fetched = await dc.workflowStates.get(state.id!);
    const updated = await fetched.related.update(new WorkflowState({ label: 'Done' }));
    expect(updated).toMatchObject({ label: 'Done', color: 'rgb(1,2,3)' });
    expect((await updated.related.hub()).id).toBe(hub.id);
  });
});

describe('authentication modes', () => {
  it('rejects a wrong secret: the SDK goes on with "bearer undefined" and gets a 401', async () => {
    const bad = server.sdk({ client_id: 'test-client', client_secret: 'wrong-secret' });
    await expect(bad.hubs.list()).rejects.toMatchObject({ response: { status: 401 } });
  });
});
