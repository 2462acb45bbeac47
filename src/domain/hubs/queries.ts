import { notFound } from '../errors.js';
import type { Hub, Page, PageRequest } from '../model.js';
import type { Deps } from '../ports.js';

export async function getHub({ store }: Deps, id: string): Promise<Hub> {
  const hub = await store.hubs.get(id);
  if (!hub) throw notFound('Hub', id);
  return hub;
}

export function listHubs({ store }: Deps, page: PageRequest): Promise<Page<Hub>> {
  return store.hubs.list(page);
}

export const HUB_SORT_FIELDS = ['name', 'label', 'createdDate', 'lastModifiedDate'] as const;
