import type { FastifyInstance } from 'fastify';
import { regionRoutes as r } from '../../../contract/region.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './region.service.js';

export async function regionModule(app: FastifyInstance, { database }: AppContext) {
  const admin = policy.roles('region_admin');
  const ok = { ok: true as const };
  // Every signed-in user of the region reads its profile and the missions (they frame every program).
  defineRoute(app, r.getRegion, policy.anyUser(), ({ actor }) => svc.getRegion(database, actor));
  defineRoute(app, r.updateRegion, admin, ({ actor, body }) => svc.updateRegion(database, actor, body));
  defineRoute(app, r.listMissions, policy.anyUser(), ({ actor }) => svc.listMissions(database, actor));
  defineRoute(app, r.createMission, admin, ({ actor, body }) => svc.createMission(database, actor, body));
  defineRoute(app, r.updateMission, admin, ({ actor, params, body }) =>
    svc.updateMission(database, actor, params.id, body),
  );
  defineRoute(
    app,
    r.deleteMission,
    admin,
    async ({ actor, params, body }) => (
      await svc.deleteMission(database, actor, params.id, body.version),
      ok
    ),
  );
  defineRoute(app, r.createGoal, admin, ({ actor, params, body }) =>
    svc.createGoal(database, actor, params.id, body),
  );
  defineRoute(app, r.updateGoal, admin, ({ actor, params, body }) =>
    svc.updateGoal(database, actor, params.id, body),
  );
  defineRoute(
    app,
    r.deleteGoal,
    admin,
    async ({ actor, params, body }) => (await svc.deleteGoal(database, actor, params.id, body.version), ok),
  );
  defineRoute(app, r.createTarget, admin, ({ actor, params, body }) =>
    svc.createTarget(database, actor, params.id, body),
  );
  defineRoute(app, r.updateTarget, admin, ({ actor, params, body }) =>
    svc.updateTarget(database, actor, params.id, body),
  );
  defineRoute(
    app,
    r.deleteTarget,
    admin,
    async ({ actor, params, body }) => (await svc.deleteTarget(database, actor, params.id, body.version), ok),
  );
}
