import type { FastifyInstance } from 'fastify';
import { auditRoutes as r } from '../../../contract/audit.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './audit.service.js';

export async function auditModule(app: FastifyInstance, { database }: AppContext) {
  const admin = policy.roles('region_admin');
  defineRoute(app, r.list, admin, ({ actor, query }) => svc.listAudit(database, actor, query));
  defineRoute(app, r.facets, admin, ({ actor }) => svc.auditFacets(database, actor));
  defineRoute(app, r.exportCsv, admin, async ({ actor, query, reply }) => {
    const csv = await svc.exportAuditCsv(database, actor, query);
    const stamp = new Date().toISOString().slice(0, 10);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="jejak-audit-${stamp}.csv"`)
      .header('x-content-type-options', 'nosniff');
    return csv;
  });
}
