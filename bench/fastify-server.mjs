// A bare Fastify server sending the same object as Decibel's answer: no auth, hooks, validation or database.
// It shows how much of the node:http baseline the framework alone leaves (docs/benchmarks.md).
import fs from 'node:fs';
import Fastify from 'fastify';

const body = JSON.parse(fs.readFileSync(process.env.BODY_FILE, 'utf8'));
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/*', async (_request, reply) => reply.type(process.env.CONTENT_TYPE).send(body));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
