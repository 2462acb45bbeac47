/** HAL building blocks: links (plain or RFC 6570 templated), collection pages, the API base URL. */
import type { FastifyRequest } from 'fastify';
import type { Page } from '../domain/model.js';

export interface Link {
  href: string;
  templated?: true;
}
export type Links = Record<string, Link>;

/** A link; marked templated when the href holds an RFC 6570 expression, as clients expand only those. */
export const link = (href: string): Link => (href.includes('{') ? { href, templated: true } : { href });

export const API_PREFIX = '/v2/content';

/**
 * The absolute base of every href: the configured public URL, or the origin the client used
 * (`X-Forwarded-Proto`/`-Host` when present), then `/v2/content`. Relative hrefs would be resolved
 * against the SDK's apiUrl and double the prefix (management-sdk.md §2), so hrefs are always absolute.
 */
export function apiBase(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicOrigin(request, publicUrl) + API_PREFIX;
}

/** The configured public URL, or the origin the client used; what every absolute URL starts with. */
export const publicOrigin = (request: FastifyRequest, publicUrl: string | undefined): string =>
  publicUrl ?? `${request.protocol}://${request.host}`;

/**
 * A collection page in the vendor's shape: `_embedded.<key>` (always present, even empty),
 * `page` with a zero-based `number`, and self/first/prev/next/last links that keep the request's
 * other query parameters.
 */
export function pageBody<T>(
  key: string,
  page: Page<T>,
  render: (item: T) => unknown,
  selfUrl: string,
  query: Record<string, unknown>,
) {
  const { size, page: number } = page.request;
  const totalPages = Math.ceil(page.total / size);
  const at = (n: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (name === 'page' || name === 'size' || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
    }
    params.set('page', String(n));
    params.set('size', String(size));
    return { href: `${selfUrl}?${params}` };
  };
  const links: Links = { self: at(number), first: at(0) };
  if (number > 0) links.prev = at(Math.min(number - 1, Math.max(totalPages - 1, 0)));
  if (number + 1 < totalPages) links.next = at(number + 1);
  links.last = at(Math.max(totalPages - 1, 0));
  return {
    _embedded: { [key]: page.items.map(render) },
    _links: links,
    page: { size, totalElements: page.total, totalPages, number },
  };
}

/** The absolute URL of the collection being listed, without its query (the base of its page links). */
export function collectionUrl(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '';
  return request.base + path.slice(API_PREFIX.length);
}

/** Renders a list response for `request`. */
export function listBody<T>(request: FastifyRequest, key: string, page: Page<T>, render: (base: string, item: T) => unknown) {
  return pageBody(key, page, (item) => render(request.base, item), collectionUrl(request), request.query as Record<string, unknown>);
}
