import type { FastifyInstance } from 'fastify';
import { sessionRoutes as r } from '../../../contract/sessions.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import { READERS } from './proposals.policy.js';
import * as svc from './sessions.service.js';

export async function sessionsModule(app: FastifyInstance, { database }: AppContext) {
  // Panelists see the sessions they sit on, units the sessions of their proposals (service scope).
  defineRoute(app, r.list, policy.roles(...READERS), ({ actor, query }) =>
    svc.listSessions(database, actor, query.cycleId),
  );
  defineRoute(app, r.get, policy.roles(...READERS), ({ actor, params }) =>
    svc.getSession(database.db, actor, params.id),
  );
  defineRoute(app, r.create, policy.roles('region_admin'), ({ actor, body }) =>
    svc.createSession(database, actor, body),
  );
  defineRoute(app, r.open, policy.roles('region_admin', 'head_of_region'), ({ actor, params, body }) =>
    svc.openSession(database, actor, params.id, body.version),
  );
  defineRoute(app, r.cancel, policy.roles('region_admin'), ({ actor, params, body }) =>
    svc.cancelSession(database, actor, params.id, body),
  );
  defineRoute(app, r.update, policy.roles('region_admin'), ({ actor, params, body }) =>
    svc.updateSession(database, actor, params.id, body),
  );
}
