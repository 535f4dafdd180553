import type { FastifyInstance, FastifyReply } from 'fastify';
import { disciplineRoutes as d } from '../../../contract/discipline.js';
import { latenessRoutes as r } from '../../../contract/lateness.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import { evidenceUpload } from '../monitoring/monitoring.routes.js';
import * as cases from './cases.service.js';
import * as evaluation from './evaluation.service.js';
import * as lateness from './lateness.service.js';
import * as dashboards from './dashboard.service.js';
import * as roster from './roster.service.js';
import * as rules from './rules.service.js';

/**
 * Lateness, the rules of the regulation, evaluation runs, sanctions and rewards, the morning roster and
 * the discipline dashboard.
 *
 * Lateness: every ASN reads their own month; HR, the inspectorate (verifiers), the region admin and the
 * head of region read every ASN's and the recaps; an OPD head reads their own unit's (the service
 * applies the unit scope; another unit's ASN answers 404).
 *
 * Cases: every user may ask; the service answers the region's readers (admin, head of region, HR,
 * inspectorate) every case, a unit head their unit's and their own, anyone else only their own (others
 * 404). Who may move a case is decided by the due-process machine (sanction.domain.ts).
 */
export async function disciplineModule(app: FastifyInstance, { database, config }: AppContext) {
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
    return sendFile(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      f.fileName,
      f.data,
    );
  });

  const ruleReaders = policy.roles('region_admin', 'head_of_region', 'hr_officer', 'verifier');
  const admin = policy.roles('region_admin');
  const evaluators = policy.roles('region_admin', 'hr_officer');
  defineRoute(app, d.rules, ruleReaders, ({ actor }) => rules.listRules(database.db, actor));
  defineRoute(app, d.ruleVersions, ruleReaders, ({ actor, params }) =>
    rules.ruleVersions(database.db, actor, params.code),
  );
  defineRoute(app, d.createRule, admin, ({ actor, body }) => rules.createRule(database, actor, body));
  defineRoute(app, d.updateRule, admin, ({ actor, params, body }) =>
    rules.updateRule(database, actor, params.code, body),
  );
  defineRoute(app, d.retireRule, admin, ({ actor, params, body }) =>
    rules.retireRule(database, actor, params.code, body),
  );
  defineRoute(app, d.preview, evaluators, ({ actor, body }) =>
    evaluation.preview(database.db, actor.regionId, body.periodKey),
  );
  defineRoute(app, d.commit, evaluators, ({ actor, body }) =>
    evaluation.commit(database, actor, actor.regionId, body.periodKey),
  );
  defineRoute(app, d.runs, evaluators, ({ actor, query }) => evaluation.listRuns(database.db, actor, query));

  const anyone = policy.anyUser();
  defineRoute(app, d.sanctions, anyone, ({ actor, query }) => cases.listSanctions(database.db, actor, query));
  defineRoute(app, d.sanction, anyone, ({ actor, params }) => cases.getSanction(database, actor, params.id));
  defineRoute(app, d.sanctionTransition, anyone, ({ actor, params, body }) =>
    cases.transitionSanctionCase(database, actor, params.id, body),
  );
  defineRoute(
    app,
    d.appealFile,
    anyone,
    async ({ actor, params, request }) => {
      const file = await evidenceUpload(request, config.EVIDENCE_MAX_MB);
      return cases.uploadAppealFile(database, config, actor, params.id, file);
    },
    { bodyLimit: (config.EVIDENCE_MAX_MB + 1) * 1024 * 1024 },
  );
  defineRoute(app, d.appealFileDownload, anyone, async ({ actor, params, reply }) => {
    const { file, data } = await cases.downloadAppealFile(database, config, actor, params.id, params.fileId);
    return sendFile(reply, file.contentType, file.originalName, data);
  });
  defineRoute(app, d.decree, anyone, async ({ actor, params, reply }) => {
    const f = await cases.decreeFile(database, actor, params.id);
    return sendFile(reply, 'application/pdf', f.fileName, f.data);
  });
  defineRoute(app, d.rewards, anyone, ({ actor, query }) => cases.listRewards(database.db, actor, query));
  defineRoute(app, d.reward, anyone, ({ actor, params }) => cases.getReward(database.db, actor, params.id));
  defineRoute(app, d.rewardTransition, anyone, ({ actor, params, body }) =>
    cases.transitionRewardCase(database, actor, params.id, body),
  );
  defineRoute(app, d.certificate, anyone, async ({ actor, params, reply }) => {
    const f = await cases.certificateFile(database, actor, params.id);
    return sendFile(reply, 'application/pdf', f.fileName, f.data);
  });

  const rosterReaders = policy.roles('region_admin', 'head_of_region', 'hr_officer', 'verifier', 'opd_head');
  defineRoute(app, d.roster, rosterReaders, ({ actor, query }) =>
    roster.roster(database.db, actor, query.date),
  );
  defineRoute(app, d.rosterPdf, rosterReaders, async ({ actor, query, reply }) => {
    const f = await roster.rosterFile(database.db, actor, query.date);
    return sendFile(reply, 'application/pdf', f.fileName, f.data);
  });
  defineRoute(app, d.recordDay, policy.roles('region_admin', 'hr_officer'), ({ actor, params, body }) =>
    roster.recordDay(database, actor, params.id, params.date, body),
  );
  defineRoute(
    app,
    d.dashboard,
    policy.roles('region_admin', 'head_of_region', 'hr_officer', 'verifier'),
    ({ actor, query }) => dashboards.dashboard(database.db, actor, query.year),
  );
  defineRoute(
    app,
    d.publicCounts,
    policy.public('aggregate counts only, no names (issue 5 item 8)'),
    ({ query }) => dashboards.publicCounts(database.db, query.region, query.year),
  );
}

/** A download: the type, a safe ASCII name plus the UTF-8 one, never sniffed, never cached. */
function sendFile(reply: FastifyReply, type: string, name: string, data: Buffer) {
  reply
    .header('content-type', type)
    .header(
      'content-disposition',
      `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  return data;
}
