import type { FastifyInstance } from 'fastify';
import { proposalRoutes as r } from '../../../contract/proposals.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import { DRAFTERS, READERS } from './proposals.policy.js';
import * as svc from './proposals.service.js';

export async function proposalsModule(app: FastifyInstance, { database }: AppContext) {
  // Object scope (own unit, collaborations) is applied by the service: other units' drafts answer 404.
  defineRoute(app, r.list, policy.roles(...READERS), ({ actor, query }) =>
    svc.listProposals(database, actor, query),
  );
  defineRoute(app, r.get, policy.roles(...READERS), ({ actor, params }) =>
    svc.getProposal(database.db, actor, params.id),
  );
  defineRoute(app, r.create, policy.roles(...DRAFTERS), ({ actor, body }) =>
    svc.createProposal(database, actor, body),
  );
  defineRoute(app, r.save, policy.roles(...DRAFTERS), ({ actor, params, body }) =>
    svc.saveProposal(database, actor, params.id, body.document, body.version),
  );
  defineRoute(app, r.submit, policy.roles('opd_head'), ({ actor, params, body }) =>
    svc.moveProposal(database, actor, params.id, 'submit', body.version),
  );
  defineRoute(app, r.withdraw, policy.roles('opd_head'), ({ actor, params, body }) =>
    svc.moveProposal(database, actor, params.id, 'withdraw', body.version),
  );
  defineRoute(app, r.reopen, policy.roles('region_admin'), ({ actor, params, body }) =>
    svc.moveProposal(database, actor, params.id, 'reopen', body.version),
  );
}
