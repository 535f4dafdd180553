import type { FastifyInstance } from 'fastify';
import { cycleRoutes as r } from '../../../contract/cycles.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './cycles.service.js';

export async function cyclesModule(app: FastifyInstance, { database }: AppContext) {
  const admin = policy.roles('region_admin');
  // Every unit drafts against the cycle's phases, rubric and themes, so every signed-in user reads them.
  defineRoute(app, r.list, policy.anyUser(), ({ actor }) => svc.listCycles(database, actor));
  defineRoute(app, r.get, policy.anyUser(), ({ actor, params }) =>
    svc.getCycle(database.db, actor, params.id),
  );
  defineRoute(app, r.create, admin, ({ actor, body }) => svc.createCycle(database, actor, body));
  defineRoute(app, r.update, admin, ({ actor, params, body }) =>
    svc.updateCycle(database, actor, params.id, body),
  );
  defineRoute(app, r.createTheme, admin, ({ actor, params, body }) =>
    svc.createTheme(database, actor, params.id, body),
  );
  defineRoute(app, r.updateTheme, admin, ({ actor, params, body }) =>
    svc.updateTheme(database, actor, params.id, body),
  );
  defineRoute(app, r.deleteTheme, admin, async ({ actor, params, body }) => {
    await svc.deleteTheme(database, actor, params.id, body.version);
    return { ok: true as const };
  });
  defineRoute(app, r.extend, admin, ({ actor, params, body }) =>
    svc.extendSubmission(database, actor, params.id, body),
  );
  defineRoute(app, r.revokeExtension, admin, ({ actor, params, body }) =>
    svc.revokeExtension(database, actor, params.id, params.extensionId, body.reason),
  );
}
