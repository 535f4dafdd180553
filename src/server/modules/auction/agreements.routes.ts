import type { FastifyInstance } from 'fastify';
import { agreementRoutes as r } from '../../../contract/agreements.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as contractsSvc from './contracts.service.js';
import { CONTRACT_READERS } from './contracts.service.js';
import * as negotiation from './negotiation.service.js';
import * as pacts from './pacts.service.js';
import { READERS } from './proposals.policy.js';

/**
 * Negotiation, integrity pact and contract routes. The route policy names the roles; the services
 * apply object scope (the proposal's unit, the panel's chair), so another unit's proposal answers 404.
 */
export async function agreementsModule(app: FastifyInstance, { database, config }: AppContext) {
  const parties = policy.roles('head_of_region', 'opd_head');
  defineRoute(app, r.negotiation, policy.roles(...READERS), ({ actor, params }) =>
    negotiation.getNegotiation(database, actor, params.id),
  );
  defineRoute(app, r.offer, parties, ({ actor, params, body }) =>
    negotiation.makeOffer(database, actor, params.id, body),
  );
  defineRoute(app, r.accept, parties, ({ actor, params, body }) =>
    negotiation.acceptOffer(database, actor, params.id, body),
  );
  defineRoute(app, r.refuse, policy.roles('opd_head'), ({ actor, params, body }) =>
    negotiation.refuseOffer(database, actor, params.id, body),
  );
  defineRoute(app, r.agreeAsIs, policy.roles('head_of_region'), ({ actor, params, body }) =>
    negotiation.agreeAsIs(database, actor, params.id, body.version),
  );
  defineRoute(app, r.extend, policy.roles('region_admin'), ({ actor, params, body }) =>
    negotiation.extendDeadline(database, actor, params.id, body),
  );
  defineRoute(app, r.pact, policy.roles(...READERS), ({ actor, params }) =>
    pacts.getPact(database.db, actor, config, params.id),
  );
  defineRoute(app, r.pactPdf, policy.roles(...READERS), async ({ actor, params, reply }) => {
    const { number, pdf } = await pacts.pactPdf(database.db, actor, config, params.id);
    reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="pakta-${number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf"`,
      )
      .header('x-content-type-options', 'nosniff');
    return pdf;
  });
  // Re-entering the password is a login in all but name: the same per-IP limit.
  defineRoute(
    app,
    r.sign,
    parties,
    ({ actor, params, body }) => pacts.sign(database, actor, config, params.id, body),
    { rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 } },
  );
  defineRoute(
    app,
    r.verify,
    policy.public('anyone checks a printed pact by its code'),
    ({ params }) => pacts.verifyPact(database.db, params.code),
    { rateLimit: { max: 60, timeWindow: 60_000 } },
  );
  defineRoute(app, r.contracts, policy.roles(...CONTRACT_READERS), ({ actor, query }) =>
    contractsSvc.listContracts(database, actor, query),
  );
  defineRoute(app, r.contract, policy.roles(...CONTRACT_READERS), ({ actor, params }) =>
    contractsSvc.getContract(database.db, actor, params.id),
  );
  const amenders = policy.roles('opd_head', 'region_admin', 'head_of_region');
  defineRoute(app, r.amend, amenders, ({ actor, params, body }) =>
    contractsSvc.proposeAmendment(database, actor, params.id, body),
  );
  defineRoute(app, r.approveAmendment, policy.roles('head_of_region'), ({ actor, params, body }) =>
    contractsSvc.decideAmendment(database, actor, params.id, params.amendmentId, 'approve', body),
  );
  defineRoute(app, r.rejectAmendment, policy.roles('head_of_region'), ({ actor, params, body }) =>
    contractsSvc.decideAmendment(database, actor, params.id, params.amendmentId, 'reject', body),
  );
  defineRoute(app, r.withdrawAmendment, amenders, ({ actor, params, body }) =>
    contractsSvc.decideAmendment(database, actor, params.id, params.amendmentId, 'withdraw', body),
  );
}
