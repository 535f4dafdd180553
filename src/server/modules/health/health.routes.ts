import type { FastifyInstance } from 'fastify';
import { healthRoutes } from '../../../contract/health.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';

export async function healthModule(app: FastifyInstance, { database }: AppContext) {
  defineRoute(
    app,
    healthRoutes.health,
    policy.public('load balancers and monitoring probe it'),
    async ({ reply }) => {
      const up = await database.ping();
      if (!up) reply.status(503);
      return {
        status: up ? 'ok' : 'degraded',
        database: { engine: database.engine, status: up ? 'up' : 'down' },
        version: '0.1.0',
      } as const;
    },
  );
}
