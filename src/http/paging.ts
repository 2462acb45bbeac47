/** The `page`, `size` and `sort` query parameters of every collection (003 "Usage"; Spring Data style). */
import { invalid } from '../domain/errors.js';
import type { PageRequest, SortOrder } from '../domain/model.js';

export const DEFAULT_PAGE_SIZE = 20;

/** JSON Schema for the paging part of a collection's querystring; `maxSize` comes from the configuration. */
export function pagingQuery(maxSize: number, extra: Record<string, object> = {}) {
  return {
    type: 'object',
    properties: {
      page: { type: 'integer', minimum: 0, maximum: 1_000_000 },
      size: { type: 'integer', minimum: 1, maximum: maxSize },
      sort: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
      ...extra,
    },
  } as const;
}

export interface PagingQuery {
  page?: number;
  size?: number;
  sort?: string | string[];
}

/** `sort=field,asc|desc` (repeatable); fields outside `sortable` are refused with a 400 that lists the allowed ones. */
export function pageRequest(query: PagingQuery, sortable: readonly string[]): PageRequest {
  const sort: SortOrder[] = [];
  const raw = query.sort === undefined ? [] : Array.isArray(query.sort) ? query.sort : [query.sort];
  for (const entry of raw) {
    const [field = '', direction = 'asc', ...rest] = entry.split(',').map((part) => part.trim());
    const dir = direction.toLowerCase();
    if (!sortable.includes(field) || (dir !== 'asc' && dir !== 'desc') || rest.length > 0) {
      throw invalid({
        property: 'sort',
        invalidValue: entry,
        message: `sort must be field,asc or field,desc with a field of: ${sortable.join(', ')}`,
      });
    }
    sort.push({ field, direction: dir });
  }
  return { page: query.page ?? 0, size: query.size ?? DEFAULT_PAGE_SIZE, sort };
}
