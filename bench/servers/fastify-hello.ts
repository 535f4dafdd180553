import Fastify from 'fastify';
import { announce } from './protocol.js';

// B1: a bare Fastify 5 hello-world route (no plugins, no logger, no response schema).
const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'ok' }));

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
announce(typeof address === 'object' && address ? address.port : 0, () => app.close(), {
  fastify: app.version,
});
