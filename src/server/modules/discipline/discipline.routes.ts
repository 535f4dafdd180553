import type { FastifyInstance } from 'fastify';
import { latenessRoutes as r } from '../../../contract/lateness.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as lateness from './lateness.service.js';

/**
 * Lateness: every ASN reads their own month; HR, the inspectorate (verifiers), the region admin and the
 * head of region read every ASN's and the recaps; an OPD head reads their own unit's (the service
 * applies the unit scope; another unit's ASN answers 404).
 */
export async function disciplineModule(app: FastifyInstance, { database }: AppContext) {
  const readers = policy.roles('region_admin', 'head_of_region', 'hr_officer', 'verifier', 'opd_head');
  defineRoute(app, r.mine, policy.anyUser(), ({ actor, query }) =>
    lateness.myMonth(database.db, actor, query.month),
  );
  defineRoute(app, r.servant, readers, ({ actor, params, query }) =>
    lateness.servantMonthOf(database.db, actor, params.id, query.month),
  );
  defineRoute(app, r.recap, readers, ({ actor, query }) => lateness.recap(database.db, actor, query));
  defineRoute(app, r.recapXlsx, readers, async ({ actor, query, reply }) => {
    const f = await lateness.recapXlsx(database.db, actor, query);
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${f.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    return f.data;
  });
}
