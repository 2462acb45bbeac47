import { notFound } from '../errors.js';
import type { Hub, Page, PageRequest } from '../model.js';
import type { Deps } from '../ports.js';
import type { Access } from '../access/access.js';

export async function getHub({ store }: Deps, id: string): Promise<Hub> {
  const hub = await store.hubs.get(id);
  if (!hub) throw notFound('Hub', id);
  return hub;
}

/** The hubs the member sees ("hub resources shared with your client credentials", the SDK says). */
export function listHubs({ store }: Deps, access: Access, page: PageRequest): Promise<Page<Hub>> {
  return store.hubs.list(page, access.visible('hubs'));
}

export const HUB_SORT_FIELDS = ['name', 'label', 'createdDate', 'lastModifiedDate'] as const;
