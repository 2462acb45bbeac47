import { notFound } from '../errors.js';
import type { ContentRepository, Page, PageRequest } from '../model.js';
import type { Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';

export async function getRepository({ store }: Deps, id: string): Promise<ContentRepository> {
  const repository = await store.contentRepositories.get(id);
  if (!repository) throw notFound('ContentRepository', id);
  return repository;
}

export async function listRepositories(
  deps: Deps,
  hubId: string,
  page: PageRequest,
  filter: { feature?: string } = {},
): Promise<Page<ContentRepository>> {
  await getHub(deps, hubId);
  return deps.store.contentRepositories.list({ hubId, ...filter }, page);
}

export const REPOSITORY_SORT_FIELDS = ['name', 'label', 'createdDate', 'lastModifiedDate'] as const;
