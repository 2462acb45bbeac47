/**
 * Content items through the official management SDK (dc-management-sdk-js, unmodified): create, read,
 * list, update, archive, versions — the calls import scripts and webhook handlers make.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentItem, Folder, WorkflowState, type ContentRepository, type DynamicContent, type Hub } from 'dc-management-sdk-js';
import { HUB_NAME, schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

const SCHEMA_ID = 'https://schema.example.com/article.json';
const articleSchema = schemaBody(SCHEMA_ID, {
  title: { type: 'string', minLength: 1 },
  views: { type: 'integer' },
});

let server: TestServer;
let dc: DynamicContent;
let repository: ContentRepository;
let hub: Hub;

const article = (title: unknown, extra: Record<string, unknown> = {}) =>
  new ContentItem({ label: `Article ${String(title)}`, body: { _meta: { name: 'article', schema: SCHEMA_ID, ...extra }, title } });

beforeAll(async () => {
  server = await startTestServer();
  dc = server.sdk();
  hub = (await dc.hubs.list()).getItems().find((h) => h.name === HUB_NAME)!;
  await server.api(`/hubs/${hub.id}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA_ID, body: articleSchema } });
  const type = (await (await server.api(`/hubs/${hub.id}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA_ID } })).json()) as { id: string };
  repository = (await hub.related.contentRepositories.list()).getItems().find((r) => r.name === 'content')!;
  await repository.related.contentTypes.assign(type.id);
  repository = await dc.contentRepositories.get(repository.id!);
});
afterAll(() => server.close());

describe('content items through the SDK', () => {
  it('creates an item in a repository and reads it back by id', async () => {
    const created = await repository.related.contentItems.create(article('first'));
    expect(created).toMatchObject({ version: 1, status: 'ACTIVE', label: 'Article first', contentRepositoryId: repository.id });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.deliveryId).toBe(created.id);
    const fetched = await dc.contentItems.get(created.id!);
    expect(fetched.body).toEqual({ _meta: { name: 'article', schema: SCHEMA_ID }, title: 'first' });
    expect((await fetched.related.contentRepository()).id).toBe(repository.id);
  });

  it('refuses a body that fails the content type schema with a 400 naming the path, unless told to ignore validation', async () => {
    await expect(repository.related.contentItems.create(article(''))).rejects.toMatchObject({
      response: { status: 400, data: { errors: [{ property: 'body.title', message: expect.stringMatching(/body\.title/) }] } },
    });
    const ignored = await repository.related.contentItems.create(article(''), { ignoreSchemaValidation: true });
    expect(ignored.version).toBe(1);
  });

  it('updates with the current version (a new version each time) and keeps every version', async () => {
    const created = await repository.related.contentItems.create(article('draft'));
    const updated = await created.related.update(
      new ContentItem({ ...created.toJSON(), label: 'Article final', body: { ...created.body, title: 'final' } }),
    );
    expect(updated.version).toBe(2);
    expect(updated.body.title).toBe('final');
    const first = await updated.related.contentItemVersion(1);
    expect(first).toMatchObject({ version: 1, label: 'Article draft', body: { title: 'draft' } });

    // Based on version 1 again: stale, refused, nothing changes.
    await expect(created.related.update(new ContentItem({ label: 'Lost update', version: 1 }))).rejects.toMatchObject({ response: { status: 409 } });
    expect((await dc.contentItems.get(created.id!)).label).toBe('Article final');
  });

  it('does not make a new version for an update that changes nothing', async () => {
    const created = await repository.related.contentItems.create(article('same'));
    const again = await created.related.update(new ContentItem({ ...created.toJSON() }));
    expect(again.version).toBe(1);
  });

  it('archives and unarchives, and lists by status', async () => {
    const created = await repository.related.contentItems.create(article('archived'));
    const archived = await created.related.archive();
    expect(archived).toMatchObject({ status: 'ARCHIVED', version: 2 });
    const archivedList = await repository.related.contentItems.list({ status: 'ARCHIVED', size: 100 } as never);
    expect(archivedList.getItems().map((i) => i.id)).toContain(created.id);
    const activeList = await repository.related.contentItems.list({ status: 'ACTIVE', size: 100 } as never);
    expect(activeList.getItems().map((i) => i.id)).not.toContain(created.id);
    const unarchived = await archived.related.unarchive();
    expect(unarchived).toMatchObject({ status: 'ACTIVE', version: 3 });
  });

  it('lists a folder of items through the folder', async () => {
    const folder = await repository.related.folders.create(new Folder({ name: 'news' }));
    const inFolder = await repository.related.contentItems.create(new ContentItem({ ...article('in folder').toJSON(), folderId: folder.id }));
    expect(inFolder.folderId).toBe(folder.id);
    const items = await folder.related.contentItems.list();
    expect(items.getItems().map((i) => i.id)).toEqual([inFolder.id]);
  });

  it('pages through a repository with page, size and sort', async () => {
    const page = await repository.related.contentItems.list({ page: 0, size: 2, sort: 'createdDate,asc' });
    expect(page.getItems()).toHaveLength(2);
    expect(page.page).toMatchObject({ number: 0, size: 2 });
    expect(page.page!.totalElements).toBeGreaterThan(2);
  });
});

describe('publishing, workflow and locale through the SDK', () => {
  it('publishes: 204 with a Location the SDK follows to a publishing job that reaches COMPLETED', async () => {
    const item = await repository.related.contentItems.create(article('published'));
    const location = await item.related.publish();
    expect(location.location).toMatch(/\/publishing-jobs\/[0-9a-f]{24}$/);
    let job = await location.related.publishingJob();
    while (job.state !== 'COMPLETED' && job.state !== 'FAILED') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await dc.publishingJob.get(job.id!);
    }
    expect(job.state).toBe('COMPLETED');
    const published = await dc.contentItems.get(item.id!);
    expect(published).toMatchObject({ lastPublishedVersion: 1, publishingStatus: 'LATEST' });
    expect((published as unknown as { lastPublishedDate: unknown }).lastPublishedDate).toEqual(expect.any(String));

    const edited = await published.related.update(new ContentItem({ label: 'edited after publishing', version: 1 }));
    expect(edited.publishingStatus).toBe('EARLY');
    await edited.related.unpublish();
    await expect.poll(async () => (await dc.contentItems.get(item.id!)).publishingStatus, { interval: 20 }).toBe('UNPUBLISHED');
  });

  it('assigns and unassigns a workflow state', async () => {
    const state = await hub.related.workflowStates.create(new WorkflowState({ label: 'Ready', color: 'rgb(0,200,0)' }));
    const item = await repository.related.contentItems.create(article('workflow'));
    const assigned = await item.related.assignWorkflowState(state);
    expect(assigned.workflow).toEqual({ state: state.id });
    expect(assigned.version).toBe(2);
    const unassigned = await assigned.related.unassignWorkflowState();
    expect(unassigned.workflow).toBeUndefined();
  });

  it('sets the locale', async () => {
    const item = await repository.related.contentItems.create(article('locale'));
    const localized = await item.related.setLocale('fr-FR');
    expect(localized).toMatchObject({ locale: 'fr-FR', version: 2 });
  });
});

describe('faceting through the SDK', () => {
  it('facets the hub\'s items by schema with a query, as dc-cli --facet does', async () => {
    const page = await hub.related.contentItems.facet(
      { fields: [{ facetAs: 'ENUM', field: 'schema', filter: { type: 'IN', values: [SCHEMA_ID] } }], returnEntities: true } as never,
      { query: `contentRepositoryId:"${repository.id}"status:"ACTIVE"`, size: 100 } as never,
    );
    const items = page.getItems();
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((item) => (item as unknown as { schema: string }).schema === SCHEMA_ID)).toBe(true);
    expect(items.every((item) => item.status === 'ACTIVE')).toBe(true);
  });
});

