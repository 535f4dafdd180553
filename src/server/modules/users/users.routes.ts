import type { FastifyInstance } from 'fastify';
import { userRoutes as r } from '../../../contract/users.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './users.service.js';

export async function usersModule(app: FastifyInstance, { database, config }: AppContext) {
  const admin = policy.roles('region_admin');
  defineRoute(app, r.list, admin, ({ actor, query }) => svc.listUsers(database, actor, query));
  defineRoute(app, r.get, admin, ({ actor, params }) => svc.getUser(database.db, actor, params.id));
  defineRoute(app, r.create, admin, ({ actor, body }) => svc.createUser(database, config, actor, body));
  defineRoute(app, r.update, admin, ({ actor, params, body }) =>
    svc.updateUser(database, actor, params.id, body),
  );
  defineRoute(app, r.deactivate, admin, ({ actor, params, body }) =>
    svc.setUserActive(database, actor, params.id, body.version, false),
  );
  defineRoute(app, r.activate, admin, ({ actor, params, body }) =>
    svc.setUserActive(database, actor, params.id, body.version, true),
  );
  defineRoute(app, r.resetPassword, admin, ({ actor, params, body }) =>
    svc.resetPassword(database, config, actor, params.id, body.newPassword, body.version),
  );
}
