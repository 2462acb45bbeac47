/**
 * Localization (002 "Create localizations") through the SDK and raw HTTP: the four preconditions, a job
 * that runs in the background, variants of linked content with links pointing at the variants, and
 * variants placed in the repository that takes their locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Settings, type DynamicContent, type Hub } from 'dc-management-sdk-js';
import { schemaBody, startTestServer, type TestServer } from '../helpers/server.js';

const SCHEMA_ID = 'https://schema.example.com/localized.json';
const CORE = 'http://bigcontent.io/cms/schema/v1/core#/definitions';
let server: TestServer;
let dc: DynamicContent;
let hub: Hub;
let contentRepo: any;
let slotsRepo: any;

const json = async (response: Response) => (await response.json()) as any;
const link = (id: string) => ({ _meta: { schema: `${CORE}/content-link` }, contentType: SCHEMA_ID, id });
async function create(label: string, extra: Record<string, unknown> = {}, repositoryId = contentRepo.id) {
  const response = await server.api(`/content-repositories/${repositoryId}/content-items`, {
    method: 'POST',
    json: { label, locale: 'en-GB', body: { _meta: { schema: SCHEMA_ID }, title: label }, ...extra },
  });
  expect(response.status).toBe(201);
  return json(response);
}
const localize = (id: string, body: unknown) => server.api(`/content-items/${id}/localize`, { method: 'POST', json: body });
async function settled(jobId: string) {
  for (;;) {
    const job = await json(await server.api(`/localization-jobs/${jobId}`));
    if (job.status !== 'IN_PROGRESS') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const localizations = async (id: string) => (await json(await server.api(`/content-items/${id}/localizations?size=100`)))._embedded['content-items'];

beforeAll(async () => {
  server = await startTestServer();
  dc = server.sdk();
  hub = (await dc.hubs.list()).getItems()[0]!;
  await hub.related.settings.update(new Settings({ localization: { locales: ['en-GB', 'fr-FR', 'de-DE', 'es-ES'] } }));
  await server.api(`/hubs/${hub.id}/content-type-schemas`, { method: 'POST', json: { schemaId: SCHEMA_ID, body: schemaBody(SCHEMA_ID) } });
  const type = await json(await server.api(`/hubs/${hub.id}/content-types`, { method: 'POST', json: { contentTypeUri: SCHEMA_ID } }));
  const repos = (await json(await server.api(`/hubs/${hub.id}/content-repositories`)))._embedded['content-repositories'];
  contentRepo = repos.find((r: any) => r.name === 'content');
  slotsRepo = repos.find((r: any) => r.name === 'slots');
  for (const repo of [contentRepo, slotsRepo]) {
    await server.api(`/content-repositories/${repo.id}/content-types`, { method: 'POST', json: { contentTypeId: type.id } });
  }
});
afterAll(() => server.close());

describe('localize through the SDK', () => {
  it('answers with an IN_PROGRESS job that completes, after which the variants are listed', async () => {
    const created = await create('Winter banner');
    const item = await dc.contentItems.get(created.id);
    const job = await item.related.localize(['fr-FR', 'de-DE']);
    expect(job).toMatchObject({ status: 'IN_PROGRESS', requestedLocales: ['fr-FR', 'de-DE'], rootContentItem: { id: item.id, locale: 'en-GB' } });
    const done = await settled((job as any).id);
    expect(done.status).toBe('COMPLETED');

    const variants = await item.related.localizations();
    expect(variants.getItems().map((v) => v.locale).sort()).toEqual(['de-DE', 'fr-FR']);
    expect(variants.getItems().every((v) => v.label === 'Winter banner' && v.version === 1)).toBe(true);
    // A variant's localizations are the others of the group, the source included.
    const french = variants.getItems().find((v) => v.locale === 'fr-FR')!;
    expect((await localizations(french.id!)).map((v: any) => v.locale).sort()).toEqual(['de-DE', 'en-GB']);

    const jobs = await job.related.findByRootContentItem();
    expect(jobs.getItems().map((j: { status: string }) => j.status)).toEqual(['COMPLETED']);
  });
});

describe('the four preconditions of 002, each a 400 that names it', () => {
  it('1: the item must have a locale', async () => {
    const item = await create('No locale', { locale: undefined });
    const response = await localize(item.id, { locales: ['fr-FR'], version: 1 });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].message).toMatch(/^precondition 1 failed: .*locale/);
  });
  it('2: the locales must be supported by the hub', async () => {
    const item = await create('Unsupported');
    const response = await localize(item.id, { locales: ['fr-FR', 'ja-JP'], version: 1 });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0]).toMatchObject({ property: 'locales', invalidValue: ['ja-JP'], message: expect.stringMatching(/^precondition 2 failed/) });
  });
  it('3: no variant may exist yet in a requested locale (the item\'s own included)', async () => {
    const item = await create('Twice');
    await settled((await json(await localize(item.id, { locales: ['fr-FR'], version: 1 }))).id);
    for (const locales of [['fr-FR'], ['de-DE', 'fr-FR'], ['en-GB']]) {
      const response = await localize(item.id, { locales, version: 1 });
      expect(response.status, locales.join()).toBe(400);
      expect((await json(response)).errors[0].message).toMatch(/^precondition 3 failed/);
    }
  });
  it('4: the version must be the current one', async () => {
    const item = await create('Stale');
    const response = await localize(item.id, { locales: ['fr-FR'], version: 2 });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0]).toMatchObject({ property: 'version', message: expect.stringMatching(/^precondition 4 failed/) });
    expect(await localizations(item.id)).toEqual([]);
  });
});

describe('localizing linked content', () => {
  it('makes variants of linked items too, with links pointing at the variants', async () => {
    const child = await create('Slide');
    const parent = await create('Carousel', { body: { _meta: { schema: SCHEMA_ID }, title: 'Carousel', slides: [link(child.id)] } });
    const job = await json(await localize(parent.id, { locales: ['es-ES'], version: 1 }));
    expect((await settled(job.id)).status).toBe('COMPLETED');
    const [parentVariant] = await localizations(parent.id);
    const [childVariant] = await localizations(child.id);
    expect(parentVariant).toMatchObject({ locale: 'es-ES', label: 'Carousel' });
    expect(childVariant).toMatchObject({ locale: 'es-ES', label: 'Slide' });
    expect(parentVariant.body.slides[0].id).toBe(childVariant.id);
  });

  it('puts a variant in the repository that takes its locale, replicating the folder path when asked', async () => {
    await server.api(`/content-repositories/${contentRepo.id}`, { method: 'PATCH', json: { itemLocales: ['en-GB'] } });
    await server.api(`/content-repositories/${slotsRepo.id}`, { method: 'PATCH', json: { itemLocales: ['de-DE'] } });
    try {
      const folder = await json(await server.api(`/content-repositories/${contentRepo.id}/folders`, { method: 'POST', json: { name: 'campaigns' } }));
      const item = await create('Grouped', { folderId: folder.id });
      const job = await json(await localize(item.id, { locales: ['de-DE'], version: 1, replicateFolderStructure: true }));
      expect((await settled(job.id)).status).toBe('COMPLETED');
      const [variant] = await localizations(item.id);
      expect(variant.contentRepositoryId).toBe(slotsRepo.id);
      const replicated = await json(await server.api(`/folders/${variant.folderId}`));
      expect(replicated.name).toBe('campaigns');

      // No repository takes es-ES now: the job fails, saying why, and makes nothing.
      const other = await create('Nowhere');
      const failed = await settled((await json(await localize(other.id, { locales: ['es-ES'], version: 1 }))).id);
      expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/no repository of the hub takes locale es-ES/) });
      expect(await localizations(other.id)).toEqual([]);
    } finally {
      await server.api(`/content-repositories/${contentRepo.id}`, { method: 'PATCH', json: { itemLocales: [] } });
      await server.api(`/content-repositories/${slotsRepo.id}`, { method: 'PATCH', json: { itemLocales: [] } });
    }
  });
});
