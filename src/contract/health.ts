import { z } from 'zod';
import { route } from './route.js';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), status: z.enum(['up', 'down']) }),
  version: z.string(),
});

export const healthRoutes = {
  health: route({
    method: 'GET',
    path: '/api/health',
    summary: 'Status layanan',
    tag: 'health',
    response: healthSchema,
  }),
};
