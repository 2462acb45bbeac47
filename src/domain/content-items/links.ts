/**
 * Links between content items, read from bodies on every write: content links and content references
 * (objects whose `_meta.schema` is the vendor's `content-link` or `content-reference` definition, with
 * the target's `id`), and the hierarchy parent in `_meta.hierarchy.parentId`.
 */
import { CORE_SCHEMA_ID } from '../schemas/core-schema.js';

export type ContentLinkKind = 'content-link' | 'content-reference' | 'hierarchy' | 'localization';

/** The kinds read from bodies (and rewritten with every write); `localization` joins a variant to its source. */
export const BODY_LINK_KINDS: readonly ContentLinkKind[] = ['content-link', 'content-reference', 'hierarchy'];

export interface ContentLink {
  /** The item whose body holds the link (for `hierarchy`: the child). */
  fromId: string;
  /** The item linked to (for `hierarchy`: the parent; for `localization`: the source of the variant). */
  toId: string;
  kind: ContentLinkKind;
}

const LINK_SCHEMAS: Record<string, ContentLinkKind> = {
  [`${CORE_SCHEMA_ID}#/definitions/content-link`]: 'content-link',
  [`${CORE_SCHEMA_ID}#/definitions/content-reference`]: 'content-reference',
};

const normalize = (uri: string) => uri.replace(/^https:/, 'http:');

/** Every link in `body` of item `fromId`, each once; links to the item itself are left out. */
export function linksIn(fromId: string, body: Record<string, unknown>): ContentLink[] {
  const found = new Map<string, ContentLink>();
  const add = (toId: unknown, kind: ContentLinkKind) => {
    if (typeof toId === 'string' && toId !== '' && toId !== fromId) found.set(`${kind}:${toId}`, { fromId, toId, kind });
  };
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const meta = record._meta as Record<string, unknown> | undefined;
    const kind = typeof meta?.schema === 'string' ? LINK_SCHEMAS[normalize(meta.schema)] : undefined;
    if (kind) add(record.id, kind);
    for (const [key, child] of Object.entries(record)) if (key !== '_meta') walk(child);
  };
  walk(body);
  const hierarchy = (body._meta as { hierarchy?: { parentId?: unknown } } | undefined)?.hierarchy;
  if (hierarchy) add(hierarchy.parentId, 'hierarchy');
  return [...found.values()];
}

/** A copy of `body` whose content links and references point where `ids` maps them (others unchanged). */
export function rewriteLinks(body: Record<string, unknown>, ids: ReadonlyMap<string, string>): Record<string, unknown> {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const meta = record._meta as Record<string, unknown> | undefined;
    const isLink = typeof meta?.schema === 'string' && LINK_SCHEMAS[normalize(meta.schema)] !== undefined;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) result[key] = key === '_meta' ? child : copy(child);
    if (isLink && typeof record.id === 'string' && ids.has(record.id)) result.id = ids.get(record.id);
    return result;
  };
  return copy(body) as Record<string, unknown>;
}
