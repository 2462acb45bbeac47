import { expect } from 'vitest';
import type { TestServer } from './server.js';

/** A GraphQL request that must succeed: 200 and no errors; returns `data`. */
export async function graphqlOk(server: TestServer, query: string, variables?: unknown) {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}
