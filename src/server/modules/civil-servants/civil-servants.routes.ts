import type { FastifyInstance } from 'fastify';
import { civilServantRoutes as r } from '../../../contract/civil-servants.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import { REGION_READERS, UNIT_READERS, WRITERS } from './civil-servants.policy.js';
import * as svc from './civil-servants.service.js';

export async function civilServantsModule(app: FastifyInstance, { database }: AppContext) {
  const readers = policy.roles(...REGION_READERS, ...UNIT_READERS);
  const writers = policy.roles(...WRITERS);
  defineRoute(app, r.list, readers, ({ actor, query }) => svc.listCivilServants(database, actor, query));
  defineRoute(app, r.get, readers, ({ actor, params }) => svc.getCivilServant(database.db, actor, params.id));
  defineRoute(app, r.create, writers, ({ actor, body }) => svc.createCivilServant(database, actor, body));
  defineRoute(app, r.update, writers, ({ actor, params, body }) =>
    svc.updateCivilServant(database, actor, params.id, body),
  );
}
