/**
 * Faceting (003 "Faceting Content Items with Search by Text"; the SDK's `facet-content-items`, dc-cli's
 * `--facet`): the hub's items matching an optional search query, narrowed by each field's filter, with
 * counts per value (ENUM) or per date range (DATE).
 *
 * A field's counts are taken over the items that pass every *other* field's filter, so a client sees
 * what choosing another value would give. Dates are `NOW`, `-7:DAYS` (MINUTES, HOURS, DAYS, WEEKS,
 * MONTHS, YEARS) or ISO-8601; a DATE filter value is two of them, `"-7:DAYS,NOW"`, in either order.
 */
import { invalid } from '../errors.js';
import type { ContentItem, Page, PageRequest } from '../model.js';
import type { Deps } from '../ports.js';
import { getHub } from '../hubs/queries.js';
import { resolveSearch, type ResolvedSearch } from './search.js';

/** The facts of an item that facets look at. */
export interface FacetRow {
  id: string;
  label: string;
  schema: string;
  locale: string | null;
  status: string;
  workflowState: string | null;
  assignees: string[];
  createdDate: string;
  lastModifiedDate: string;
}

const ENUM_FIELDS: Record<string, (row: FacetRow) => (string | null)[]> = {
  schema: (row) => [row.schema],
  locale: (row) => [row.locale],
  status: (row) => [row.status],
  assignees: (row) => row.assignees,
  'workflow.state': (row) => [row.workflowState],
};
const DATE_FIELDS: Record<string, (row: FacetRow) => string> = {
  lastModifiedDate: (row) => row.lastModifiedDate,
  createdDate: (row) => row.createdDate,
};

export interface FacetBucket {
  _id: string;
  count: number;
}

interface Field {
  name: string;
  counts(rows: FacetRow[]): FacetBucket[];
  /** Undefined when the field has no filter. */
  accepts?: (row: FacetRow) => boolean;
}

const fail = (message: string, invalidValue?: unknown) =>
  invalid({ entity: 'ContentItem', property: 'fields', ...(invalidValue === undefined ? {} : { invalidValue }), message });

const UNITS: Record<string, number> = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000, WEEKS: 7 * 86_400_000, MONTHS: 30 * 86_400_000, YEARS: 365 * 86_400_000 };

function instant(expression: string, now: number): number {
  const text = expression.trim().toUpperCase();
  if (text === 'NOW') return now;
  const relative = /^([+-]?\d+):([A-Z]+)$/.exec(text);
  if (relative && UNITS[relative[2]!]) return now + Number(relative[1]) * UNITS[relative[2]!]!;
  const parsed = Date.parse(expression);
  if (Number.isNaN(parsed)) throw fail(`${expression} is not a date: use NOW, -7:DAYS or an ISO-8601 date`, expression);
  return parsed;
}

function dateRange(value: string, now: number): [number, number] {
  const parts = value.split(',');
  if (parts.length !== 2) throw fail(`a date range is two dates separated by a comma, like -7:DAYS,NOW; got ${value}`, value);
  const [a, b] = parts.map((part) => instant(part, now)) as [number, number];
  return a <= b ? [a, b] : [b, a];
}

function field(spec: unknown, now: number): Field {
  if (spec === null || typeof spec !== 'object') throw fail('each field is an object {facetAs, field, filter?}');
  const { facetAs, field: fieldName, name, filter, range } = spec as Record<string, unknown>;
  if (typeof fieldName !== 'string') throw fail('each field names the field to facet on', fieldName);
  const label = typeof name === 'string' ? name : fieldName;
  const values = (filter as { values?: unknown } | undefined)?.values;
  const filterType = (filter as { type?: unknown } | undefined)?.type;
  if (filter !== undefined && (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))) {
    throw fail(`the filter of ${fieldName} needs a values array of strings`, filter);
  }
  if (facetAs === 'DATE') {
    const read = DATE_FIELDS[fieldName];
    if (!read) throw fail(`cannot facet ${fieldName} as DATE; date fields: ${Object.keys(DATE_FIELDS).join(', ')}`, fieldName);
    const rangeValue = range && typeof range === 'object' ? `${(range as { end?: string }).end},${(range as { start?: string }).start}` : undefined;
    const buckets = (values as string[] | undefined) ?? (rangeValue ? [rangeValue] : []);
    const ranges = buckets.map((bucket) => ({ bucket, span: dateRange(bucket, now) }));
    const within = (row: FacetRow, [from, to]: [number, number]) => {
      const at = Date.parse(read(row));
      return at >= from && at <= to;
    };
    return {
      name: label,
      counts: (rows) => ranges.map(({ bucket, span }) => ({ _id: bucket, count: rows.filter((row) => within(row, span)).length })),
      ...(filter === undefined ? {} : { accepts: (row: FacetRow) => ranges.some(({ span }) => within(row, span)) }),
    };
  }
  if (facetAs !== 'ENUM') throw fail('facetAs must be ENUM or DATE', facetAs ?? null);
  const read = ENUM_FIELDS[fieldName];
  if (!read) throw fail(`cannot facet ${fieldName} as ENUM; fields: ${Object.keys(ENUM_FIELDS).join(', ')}`, fieldName);
  const wanted = new Set(values as string[] | undefined);
  const accepts =
    filter === undefined
      ? undefined
      : filterType === 'IN' || filterType === 'EQ'
        ? (row: FacetRow) => read(row).some((value) => value !== null && wanted.has(value))
        : filterType === 'EXCLUDES'
          ? (row: FacetRow) => !read(row).some((value) => value !== null && wanted.has(value))
          : (() => {
              throw fail(`the filter of ${fieldName} must be of type IN, EQ or EXCLUDES`, filterType ?? null);
            })();
  return {
    name: label,
    counts(rows) {
      const counts = new Map<string, number>();
      for (const row of rows) for (const value of read(row)) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [...counts].map(([_id, count]) => ({ _id, count })).sort((a, b) => b.count - a.count || a._id.localeCompare(b._id));
    },
    ...(accepts ? { accepts } : {}),
  };
}

const SORTS: Record<string, (row: FacetRow) => string> = {
  label: (row) => row.label.toLowerCase(),
  createdDate: (row) => row.createdDate,
  lastModifiedDate: (row) => row.lastModifiedDate,
};
export const FACET_SORT_FIELDS = ['relevance', ...Object.keys(SORTS)] as const;

export interface FacetResult {
  page: Page<ContentItem>;
  facets: Record<string, FacetBucket[]>;
}

export async function facetContentItems(
  deps: Deps,
  hubId: string,
  request: Record<string, unknown>,
  options: { query?: string; page: PageRequest },
): Promise<FacetResult> {
  await getHub(deps, hubId);
  const now = Date.parse(deps.clock.now());
  if (!Array.isArray(request.fields)) throw fail('fields must be an array of facets');
  const fields = request.fields.map((spec) => field(spec, now));
  const search: ResolvedSearch = options.query ? resolveSearch(hubId, options.query) : { hubId, clauses: [] };
  const rows = await deps.store.contentItems.facetRows(search);

  const facets: Record<string, FacetBucket[]> = {};
  for (const current of fields) {
    const others = fields.filter((other) => other !== current && other.accepts);
    facets[current.name] = current.counts(rows.filter((row) => others.every((other) => other.accepts!(row))));
  }
  const matching = rows.filter((row) => fields.every((f) => !f.accepts || f.accepts(row)));
  const sort = options.page.sort.filter((order) => order.field !== 'relevance');
  const orders = sort.length > 0 ? sort : [{ field: 'lastModifiedDate', direction: 'desc' as const }];
  matching.sort((a, b) => {
    for (const { field: name, direction } of orders) {
      const [x, y] = [SORTS[name]!(a), SORTS[name]!(b)];
      if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
    }
    return a.id < b.id ? -1 : 1;
  });
  const { page: number, size } = options.page;
  const slice = request.returnEntities === false ? [] : matching.slice(number * size, (number + 1) * size);
  const items = await deps.store.contentItems.getMany(slice.map((row) => row.id));
  return { page: { items, total: matching.length, request: options.page }, facets };
}
