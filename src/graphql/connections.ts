/**
 * Relay connections over offset slices: opaque cursors, `first`/`after` forwards and `last`/`before`
 * backwards with the vendor's rules (`after` needs `first`; `first` does not go with `before`; `last`
 * needs `before`; no negative counts), and a default page size when neither is given.
 */
import type { Slice } from '../domain/ports.js';
import { DEFAULT_PAGE_SIZE } from './complexity.js';
import { badInput } from './ids.js';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The most nodes one connection page returns. */
export const MAX_PAGE_SIZE = 1000;

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');

function decodeCursor(cursor: string, argument: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw badInput(`${argument} is not a cursor this connection gave out`, argument);
  return Number(match[1]);
}

function count(value: number | null | undefined, argument: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0) throw badInput(`${argument} must not be negative`, argument);
  if (value > MAX_PAGE_SIZE) throw badInput(`${argument} must be at most ${MAX_PAGE_SIZE}`, argument);
  return value;
}

/** The window a connection's arguments ask for, given how many nodes there are (`total`). */
export function window(args: ConnectionArgs): { resolve(total: number): { offset: number; limit: number } } {
  const first = count(args.first, 'first');
  const last = count(args.last, 'last');
  if (args.after != null && first === undefined) throw badInput('after needs first', 'after');
  if (first !== undefined && args.before != null) throw badInput('first cannot be used with before', 'first');
  if (last !== undefined && args.before == null) throw badInput('last needs before', 'last');
  if (first !== undefined && last !== undefined) throw badInput('first and last cannot be used together', 'last');
  const after = args.after != null ? decodeCursor(args.after, 'after') + 1 : 0;
  const before = args.before != null ? decodeCursor(args.before, 'before') : undefined;
  return {
    resolve(total) {
      if (last !== undefined) {
        const end = Math.min(before!, total);
        return { offset: Math.max(end - last, 0), limit: Math.min(last, end) };
      }
      return { offset: after, limit: first ?? DEFAULT_PAGE_SIZE };
    },
  };
}

/**
 * A connection for `args` over `fetch`, which reads `limit` nodes from `offset` and says how many there
 * are in all. Backwards paging needs the total first, so it reads twice.
 */
export async function connection<T>(args: ConnectionArgs, fetch: (offset: number, limit: number) => Promise<Slice<T>>) {
  const wanted = window(args);
  let { offset, limit } = wanted.resolve(Number.MAX_SAFE_INTEGER);
  if (args.last != null) ({ offset, limit } = wanted.resolve((await fetch(0, 0)).total));
  const { items, total } = await fetch(offset, limit);
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    total,
    pageInfo: {
      hasNextPage: offset + items.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
