import type { FastifyInstance } from 'fastify';
import { workUnitRoutes as r } from '../../../contract/work-units.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './work-units.service.js';

export async function workUnitsModule(app: FastifyInstance, { database }: AppContext) {
  const admin = policy.roles('region_admin');
  // The organisation chart is not secret inside the region: every signed-in user may read it.
  defineRoute(app, r.list, policy.anyUser(), ({ actor, query }) => svc.listWorkUnits(database, actor, query));
  defineRoute(app, r.get, policy.anyUser(), ({ actor, params }) =>
    svc.getWorkUnit(database.db, actor, params.id),
  );
  defineRoute(app, r.create, admin, ({ actor, body }) => svc.createWorkUnit(database, actor, body));
  defineRoute(app, r.update, admin, ({ actor, params, body }) =>
    svc.updateWorkUnit(database, actor, params.id, body),
  );
  defineRoute(app, r.deactivate, admin, ({ actor, params, body }) =>
    svc.setWorkUnitActive(database, actor, params.id, body.version, false),
  );
  defineRoute(app, r.activate, admin, ({ actor, params, body }) =>
    svc.setWorkUnitActive(database, actor, params.id, body.version, true),
  );
}
