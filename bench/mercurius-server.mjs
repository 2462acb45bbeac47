// A bare Fastify + mercurius (jit) server answering the graphql-node query with the same bytes as Decibel:
// no auth, permissions, limits or database. It shows how much of the node:http baseline the GraphQL stack
// alone leaves (docs/benchmarks.md).
import Fastify from 'fastify';
import mercurius from 'mercurius';

const app = Fastify({ logger: false });
const schema = `
  interface Node { id: ID! }
  type AssetRepository implements Node { id: ID! label: String! }
  type Query { node(id: ID!): Node }
`;
const resolvers = { Query: { node: async (_root, { id }) => ({ __typename: 'AssetRepository', id, label: process.env.LABEL }) } };
app.get('/healthz', async () => ({ status: 'ok' }));
await app.register(mercurius, { schema, resolvers, jit: 1, path: '/graphql' });
app.graphql.addHook('onResolution', async (execution) => {
  execution.extensions = { cost: { points: 1, limit: 10000 } };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
