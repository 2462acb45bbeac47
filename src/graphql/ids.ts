/**
 * Relay global ids as the vendor writes them: standard base64, with padding, of `<Type>:<uuid>`
 * (graphql-dam.md §1: byte-identical to graphql-relay-js's toGlobalId). Where ids are taken, a raw UUID
 * is accepted too.
 */
import { GraphQLError } from 'graphql';

export type NodeType = 'MediaHub' | 'AssetRepository' | 'AssetFolder' | 'Asset' | 'Organization';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "No folder": the top of a repository, as a folder id (graphql-dam.md §1). */
export const NO_FOLDER = '00000000-0000-0000-0000-000000000000';

export const toGlobalId = (type: NodeType, id: string): string => Buffer.from(`${type}:${id}`, 'utf8').toString('base64');

/** The type and raw id a global id names, or undefined when it is not one. */
export function fromGlobalId(globalId: string): { type: string; id: string } | undefined {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Only what decodes and encodes back to the same text (padding aside) is a global id.
  const canonical = (text: string) => text.replace(/=+$/, '');
  if (colon <= 0 || canonical(Buffer.from(decoded, 'utf8').toString('base64')) !== canonical(globalId)) return undefined;
  return { type: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

export const badInput = (message: string, argument?: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });

/** The raw UUID behind `value`, a global id of `type` or a raw UUID; a BAD_USER_INPUT error otherwise. */
export function rawId(value: string, type: NodeType, argument: string): string {
  if (UUID.test(value)) return value.toLowerCase();
  const decoded = fromGlobalId(value);
  if (decoded?.type === type && UUID.test(decoded.id)) return decoded.id.toLowerCase();
  throw badInput(`${argument} must be a ${type} id (a global id or a UUID), got ${JSON.stringify(value)}`, argument);
}
