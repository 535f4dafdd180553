import type { FastifyInstance } from 'fastify';
import { scoringRoutes as r } from '../../../contract/scoring.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './scoring.service.js';

export async function scoringModule(app: FastifyInstance, { database }: AppContext) {
  // The session's panel and chair, the head of region and the admin; the service checks the seat.
  defineRoute(app, r.get, policy.roles('region_admin', 'head_of_region', 'panelist'), ({ actor, params }) =>
    svc.getScoring(database.db, actor, params.id),
  );
  defineRoute(app, r.save, policy.roles('panelist'), ({ actor, params, body }) =>
    svc.saveScores(database, actor, params.id, body),
  );
  defineRoute(app, r.conflict, policy.roles('panelist'), ({ actor, params, body }) =>
    svc.declareConflict(database, actor, params.id, body),
  );
}
