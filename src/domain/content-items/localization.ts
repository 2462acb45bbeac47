/**
 * Localization (002 "Create localizations"): `localize` checks the four preconditions — each refused
 * with a 400 that names it — and queues a localization job; the job makes one variant per requested
 * locale of the item and of every item it links to (recursively), with links in the variants pointing
 * at the variants. A variant goes in the item's own repository when that repository takes the locale,
 * else in a repository of the hub that does (the vendor's "localization group"). Variants are joined to
 * the item they were made from, which is how `localizations` finds them.
 */
import { invalid, notFound } from '../errors.js';
import { requireLocales } from '../fields.js';
import type { ContentItem, ContentRepository, Folder, LocalizationJob, Page, PageRequest } from '../model.js';
import type { Actor, Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';
import { authorize, repositoryScope, type Access } from '../access/access.js';
import { inTransaction } from '../transaction.js';
import { ENTITY, getContentItem } from './items.js';
import { withLinkedChildren } from './linked.js';
import { linksIn, rewriteLinks } from './links.js';

export const LOCALIZE_JOB = 'localize';

const precondition = (n: number, invalidValue: unknown, message: string) =>
  invalid({ entity: ENTITY, property: n === 2 || n === 3 ? 'locales' : n === 4 ? 'version' : 'locale', invalidValue, message: `precondition ${n} failed: ${message}` });

/** The item a variant was made from, or the item itself when it is not a variant. */
async function sourceOf(deps: Deps, id: string): Promise<string> {
  const [link] = await deps.store.contentItems.links([id], 'from', ['localization']);
  return link?.toId ?? id;
}

/** The item's localization group: its source and all variants of that source, the item included. */
async function group(deps: Deps, item: ContentItem): Promise<ContentItem[]> {
  const source = await sourceOf(deps, item.id);
  const variants = (await deps.store.contentItems.links([source], 'to', ['localization'])).map((link) => link.fromId);
  return deps.store.contentItems.getMany([source, ...variants]);
}

/** GET …/localizations (`localizations`): the other items of the item's localization group. */
export async function listLocalizations(deps: Deps, id: string, page: PageRequest): Promise<Page<ContentItem>> {
  const item = await getContentItem(deps, id);
  const others = (await group(deps, item)).filter((member) => member.id !== item.id);
  return { items: others.slice(page.page * page.size, (page.page + 1) * page.size), total: others.length, request: page };
}

export async function getLocalizationJob({ store }: Deps, id: string): Promise<LocalizationJob> {
  const job = await store.localizationJobs.get(id);
  if (!job) throw notFound('LocalizationJob', id);
  return job;
}

/** `findByRootContentItem`: the localization jobs of an item, newest first. */
export async function listLocalizationJobs(deps: Deps, rootId: string, page: PageRequest): Promise<Page<LocalizationJob>> {
  await getContentItem(deps, rootId);
  return deps.store.localizationJobs.listByRoot(rootId, page);
}

/** POST …/localize `{locales, version, replicateFolderStructure?}` → the queued job (202). */
export async function requestLocalization(
  deps: Deps,
  actor: Actor,
  access: Access,
  id: string,
  request: Record<string, unknown>,
): Promise<LocalizationJob> {
  const item = await getContentItem(deps, id);
  const locales = requireLocales(ENTITY, 'locales', request.locales);
  if (locales.length === 0) throw invalid({ entity: ENTITY, property: 'locales', invalidValue: locales, message: 'locales must name at least one locale' });
  if (request.version !== item.version) {
    throw precondition(4, request.version ?? null, `version must be the item's current version (${item.version})`);
  }
  if (!item.locale) throw precondition(1, null, 'the content item must have a locale; give it one with set-locale first');
  const hub = await getHub(deps, item.hubId);
  const supported = ((hub.settings.localization as { locales?: string[] } | undefined)?.locales ?? []) as string[];
  const unsupported = locales.filter((locale) => !supported.includes(locale));
  if (unsupported.length > 0) {
    throw precondition(2, unsupported, `the hub does not support ${unsupported.join(', ')} (its locales: ${supported.join(', ') || 'none'}); add them to the hub's localization settings`);
  }
  const existing = (await group(deps, item)).filter((member) => member.locale !== null && locales.includes(member.locale));
  if (existing.length > 0) {
    throw precondition(3, existing.map((member) => member.locale), `a variant already exists in ${existing.map((m) => `${m.locale} (${m.id})`).join(', ')}`);
  }
  await requireEditWhereVariantsGo(deps, access, item, locales);
  const now = deps.clock.now();
  const job: LocalizationJob = {
    id: deps.ids.objectId(),
    hubId: item.hubId,
    rootContentItem: { id: item.id, label: item.label, locale: item.locale },
    version: item.version,
    requestedLocales: locales,
    replicateFolderStructure: request.replicateFolderStructure === true,
    status: 'IN_PROGRESS',
    error: null,
    createdBy: actor.sid,
    createdDate: now,
    lastModifiedDate: now,
  };
  await inTransaction(deps, async (tx) => {
    await tx.store.localizationJobs.insert(job);
    await tx.store.jobs.enqueue({ id: tx.ids.uuid(), kind: LOCALIZE_JOB, payload: { localizationJobId: job.id }, createdDate: now });
  });
  deps.jobs.queued();
  return job;
}

/**
 * The route checked EDIT on the item's repository; variants may also go to other repositories of the hub
 * (for the item or for items it links to), and the job makes them as the caller, so EDIT is needed there
 * too, before anything is queued (docs/permissions.md).
 */
async function requireEditWhereVariantsGo(deps: Deps, access: Access, item: ContentItem, locales: string[]): Promise<void> {
  const repositories = await hubRepositories(deps, item.hubId);
  const targets = new Set<string>();
  for (const source of await withLinkedChildren(deps, item.id)) {
    for (const locale of locales) {
      // A locale no repository takes fails the job itself, as before; it needs no permission.
      const target = targetRepository(repositories, source, locale);
      if (target) targets.add(target.id);
    }
  }
  for (const target of targets) {
    authorize(access, repositoryScope(item.hubId, target), { acl: 'EDIT' }, { entity: 'ContentRepository', id: target });
  }
}

/** The hub's repositories, by id: where variants may go. */
async function hubRepositories(deps: Deps, hubId: string): Promise<Map<string, ContentRepository>> {
  const { items } = await deps.store.contentRepositories.list({ hubId }, { page: 0, size: 1000, sort: [] });
  return new Map(items.map((repository) => [repository.id, repository]));
}

/**
 * The repository a variant in `locale` of `source` goes to: the item's own when it takes the locale (or
 * any locale), else one of the hub's that takes the locale and the item's content type; none if no
 * repository does.
 */
function targetRepository(repositories: Map<string, ContentRepository>, source: ContentItem, locale: string): ContentRepository | undefined {
  const own = repositories.get(source.contentRepositoryId);
  if (own && (own.itemLocales.length === 0 || own.itemLocales.includes(locale))) return own;
  return [...repositories.values()].find((c) => c.itemLocales.includes(locale) && c.contentTypes.some((t) => t.contentTypeUri === source.schema));
}

/** The folder of the same path (by names) in `target`, made where missing. */
async function replicateFolder(deps: Deps, actor: string, folderId: string | null, target: ContentRepository): Promise<string | null> {
  const names: string[] = [];
  for (let id = folderId; id; ) {
    const folder = await deps.store.folders.get(id);
    if (!folder) break;
    names.unshift(folder.name);
    id = folder.parentId;
  }
  let parentId: string | null = null;
  for (const name of names) {
    const siblings: Folder[] = (await deps.store.folders.list({ repositoryId: target.id, parentId }, { page: 0, size: 1000, sort: [] })).items;
    let folder: Folder | undefined = siblings.find((s) => s.name === name);
    if (!folder) {
      const now = deps.clock.now();
      folder = { id: deps.ids.objectId(), hubId: target.hubId, repositoryId: target.id, parentId, name, createdBy: actor, createdDate: now, lastModifiedBy: actor, lastModifiedDate: now };
      await deps.store.folders.insert(folder);
    }
    parentId = folder.id;
  }
  return parentId;
}

/** The queue's handler: makes the variants of one job, all or none, and records how it ended. */
export async function runLocalizationJob(deps: Deps, localizationJobId: string): Promise<void> {
  const job = await deps.store.localizationJobs.get(localizationJobId);
  if (!job || job.status !== 'IN_PROGRESS') return;
  try {
    await inTransaction(deps, async (tx) => {
      const tree = await withLinkedChildren(tx, job.rootContentItem.id);
      const repositories = await hubRepositories(tx, job.hubId);
      for (const locale of job.requestedLocales) {
        // Items that already have a variant in this locale keep it; links point at it.
        const variantIds = new Map<string, string>();
        const toMake: ContentItem[] = [];
        for (const item of tree) {
          const existing = (await group(tx, item)).find((member) => member.locale === locale);
          if (existing) variantIds.set(item.id, existing.id);
          else {
            variantIds.set(item.id, tx.ids.uuid());
            toMake.push(item);
          }
        }
        for (const source of toMake) {
          const target = targetRepository(repositories, source, locale);
          if (!target) throw new Error(`no repository of the hub takes locale ${locale} for content type ${source.schema}`);
          const folderId =
            target.id === source.contentRepositoryId ? source.folderId : job.replicateFolderStructure ? await replicateFolder(tx, job.createdBy, source.folderId, target) : null;
          const { deliveryKey: _key, ...meta } = source.body._meta as Record<string, unknown>;
          const now = tx.clock.now();
          const variant: ContentItem = {
            ...source,
            id: variantIds.get(source.id)!,
            contentRepositoryId: target.id,
            folderId,
            locale,
            body: rewriteLinks({ ...source.body, _meta: meta }, variantIds),
            deliveryKey: null,
            version: 1,
            status: 'ACTIVE',
            workflowState: null,
            assignees: [],
            assignedDate: null,
            lastPublishedVersion: null,
            lastPublishedDate: null,
            lastUnpublishedDate: null,
            createdBy: job.createdBy,
            createdDate: now,
            lastModifiedBy: job.createdBy,
            lastModifiedDate: now,
          };
          await tx.store.contentItems.insert(variant, 'LOCALIZE', linksIn(variant.id, variant.body));
          await tx.store.contentItems.addVariant(variant.id, await sourceOf(tx, source.id));
        }
      }
      await tx.store.localizationJobs.finish(job.id, { status: 'COMPLETED' }, tx.clock.now());
    });
  } catch (error) {
    await deps.store.localizationJobs.finish(job.id, { status: 'FAILED', error: (error as Error).message }, deps.clock.now());
  }
}
