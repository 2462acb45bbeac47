import type { SelectQueryBuilder } from 'kysely';
import type { Page, PageRequest } from '../domain/model.js';

/**
 * Runs `query` as one page: a count and a slice, ordered by the requested sort (logical field → column
 * through `columns`) and then by `id` so that pages never overlap.
 */
export async function fetchPage<DB, TB extends keyof DB, Row, T>(
  query: SelectQueryBuilder<DB, TB, object>,
  request: PageRequest,
  columns: Record<string, string>,
  map: (row: Row) => T,
): Promise<Page<T>> {
  const counted = await (query as SelectQueryBuilder<any, any, object>)
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirst();
  const total = Number(counted?.total ?? 0);
  if (total === 0 || request.page * request.size >= total) return { items: [], total, request };
  let rows = (query as SelectQueryBuilder<any, any, object>).selectAll();
  for (const order of request.sort) {
    const column = columns[order.field];
    if (column) rows = rows.orderBy(column, order.direction);
  }
  const result = await rows.orderBy('id', 'asc').limit(request.size).offset(request.page * request.size).execute();
  return { items: result.map((row) => map(row as Row)), total, request };
}
