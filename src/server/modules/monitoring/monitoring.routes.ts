import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { monitoringRoutes as r } from '../../../contract/monitoring.js';
import type { AppContext } from '../../app.js';
import { AppError } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import { CONTRACT_READERS } from '../auction/contracts.service.js';
import * as calendar from './calendar.service.js';
import * as dashboards from './dashboards.service.js';
import * as reports from './reports.service.js';
import { dashboardRoutes as dr } from '../../../contract/dashboards.js';
import * as milestones from './milestones.service.js';
import * as notes from './notifications.service.js';
import * as svc from './realizations.service.js';
import { calendarRoutes as cr } from '../../../contract/calendar.js';

/**
 * Realizations: the unit enters (operator, head) and submits (head); verifiers of other units verify
 * or return; the admin closes and reopens periods. Object scope (the contract's unit, the verifier's
 * own unit) is applied by the service.
 */
export async function monitoringModule(app: FastifyInstance, { database, config }: AppContext) {
  const unit = policy.roles('opd_head', 'opd_operator');
  defineRoute(
    app,
    r.todo,
    policy.roles('opd_head', 'opd_operator', 'region_admin', 'head_of_region', 'verifier'),
    ({ actor, query }) => svc.todo(database, actor, query),
  );
  defineRoute(app, r.realization, policy.roles(...CONTRACT_READERS), ({ actor, params }) =>
    svc.getRealization(database.db, actor, params),
  );
  defineRoute(app, r.save, unit, ({ actor, params, body }) =>
    svc.saveRealization(database, actor, params, body),
  );
  defineRoute(app, r.submit, policy.roles('opd_head'), ({ actor, params, body }) =>
    svc.submitRealization(database, actor, params, body.version),
  );
  defineRoute(app, r.verify, policy.roles('verifier'), ({ actor, params, body }) =>
    svc.decideRealization(database, actor, params, 'verify', body),
  );
  defineRoute(app, r.return, policy.roles('verifier'), ({ actor, params, body }) =>
    svc.decideRealization(database, actor, params, 'return', body),
  );
  defineRoute(
    app,
    r.upload,
    unit,
    async ({ actor, params, request }) => {
      const file = await evidenceUpload(request, config.EVIDENCE_MAX_MB);
      return svc.uploadEvidence(database, config, actor, params, file);
    },
    { bodyLimit: (config.EVIDENCE_MAX_MB + 1) * 1024 * 1024 },
  );
  defineRoute(app, r.evidence, policy.roles(...CONTRACT_READERS), async ({ actor, params, reply }) => {
    const { file, data } = await svc.downloadEvidence(database, config, actor, params.id);
    reply
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        `attachment; filename="bukti"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    return data;
  });
  defineRoute(app, r.removeEvidence, unit, ({ actor, params }) =>
    svc.deleteEvidence(database, config, actor, params.id),
  );
  defineRoute(app, r.queue, policy.roles('verifier', 'region_admin'), ({ actor, query }) =>
    svc.queue(database, actor, query),
  );
  defineRoute(app, r.closePeriod, policy.roles('region_admin'), ({ actor, params }) =>
    svc.closePeriod(database, actor, params.periodKey),
  );
  defineRoute(app, r.reopenPeriod, policy.roles('region_admin'), ({ actor, params, body }) =>
    svc.reopenPeriod(database, actor, params.periodKey, body.reason),
  );
  // The calendar and the monitoring settings are read by every signed-in user (deadlines and
  // working days are shown everywhere); the admin edits them.
  defineRoute(app, cr.year, policy.anyUser(), ({ actor, query }) =>
    calendar.getCalendarYear(database.db, actor, query.year),
  );
  defineRoute(app, cr.add, policy.roles('region_admin'), ({ actor, body }) =>
    calendar.addCalendarEntry(database, actor, body),
  );
  defineRoute(app, cr.remove, policy.roles('region_admin'), ({ actor, body }) =>
    calendar.removeCalendarEntry(database, actor, body),
  );
  defineRoute(app, cr.settings, policy.anyUser(), ({ actor }) =>
    calendar.getMonitoringSettings(database.db, actor),
  );
  defineRoute(app, cr.updateSettings, policy.roles('region_admin'), ({ actor, body }) =>
    calendar.updateMonitoringSettings(database, actor, body),
  );
  defineRoute(app, r.milestones, policy.roles(...CONTRACT_READERS), ({ actor, params }) =>
    milestones.listMilestones(database.db, actor, params.id),
  );
  defineRoute(app, r.markMilestone, unit, ({ actor, params, body }) =>
    milestones.markMilestone(database, actor, params.id, params.key, body),
  );
  defineRoute(
    app,
    r.uploadMilestoneEvidence,
    unit,
    async ({ actor, params, request }) => {
      const file = await evidenceUpload(request, config.EVIDENCE_MAX_MB);
      return milestones.uploadMilestoneEvidence(database, config, actor, params.id, params.key, file);
    },
    { bodyLimit: (config.EVIDENCE_MAX_MB + 1) * 1024 * 1024 },
  );
  // The region overview is the city's shared picture (OPD ranking and predicates, no personal data).
  defineRoute(
    app,
    dr.overview,
    policy.roles('region_admin', 'head_of_region', 'verifier', 'opd_head', 'opd_operator', 'national_viewer'),
    ({ actor, query }) => dashboards.overview(database.db, actor, query.year),
  );
  defineRoute(app, dr.scorecard, policy.roles(...CONTRACT_READERS), ({ actor, params, query }) =>
    dashboards.scorecard(database.db, actor, params.id, query.year),
  );
  const send = (reply: FastifyReply, f: reports.ReportFile) => {
    reply
      .header('content-type', f.contentType)
      .header('content-disposition', `attachment; filename="${f.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    return f.data;
  };
  const regionReaders = policy.roles('region_admin', 'head_of_region', 'verifier');
  defineRoute(app, dr.unitMonev, policy.roles(...CONTRACT_READERS), async ({ actor, params, query, reply }) =>
    send(reply, await reports.unitMonevPdf(database.db, actor, params.id, query.year, query.quarter)),
  );
  defineRoute(
    app,
    dr.unitMonevXlsx,
    policy.roles(...CONTRACT_READERS),
    async ({ actor, params, query, reply }) =>
      send(reply, await reports.unitMonevXlsx(database.db, actor, params.id, query.year, query.quarter)),
  );
  defineRoute(app, dr.lkjip, policy.roles(...CONTRACT_READERS), async ({ actor, params, query, reply }) =>
    send(reply, await reports.lkjipPdf(database.db, actor, params.id, query.year)),
  );
  defineRoute(app, dr.regionMonev, regionReaders, async ({ actor, query, reply }) =>
    send(reply, await reports.regionMonevPdf(database.db, actor, query.year, query.quarter)),
  );
  defineRoute(app, dr.regionMonevXlsx, regionReaders, async ({ actor, query, reply }) =>
    send(reply, await reports.regionMonevXlsx(database.db, actor, query.year, query.quarter)),
  );
  // Every signed-in user reads and clears their own reminders.
  defineRoute(app, r.notifications, policy.anyUser(), ({ actor, query }) =>
    notes.listNotifications(database.db, actor, query.page, query.pageSize),
  );
  defineRoute(app, r.readNotification, policy.anyUser(), ({ actor, params }) =>
    notes.markRead(database, actor, params.id),
  );
  defineRoute(app, r.readAllNotifications, policy.anyUser(), ({ actor }) =>
    notes.markRead(database, actor, null),
  );
}

/** The one file of a multipart evidence upload (field `file`), within the size limit. */
export async function evidenceUpload(request: FastifyRequest, maxMb: number) {
  if (!request.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Kirim berkas sebagai multipart/form-data dengan kolom "file"',
    );
  const file = await request.file({ limits: { fileSize: maxMb * 1024 * 1024 } });
  if (!file || file.fieldname !== 'file')
    throw new AppError('VALIDATION_FAILED', 'Pilih berkas bukti', [
      { path: 'file', message: 'Pilih berkas bukti' },
    ]);
  const data = await file.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `Berkas bukti paling besar ${maxMb} MB`);
    throw err;
  });
  return { name: file.filename || 'bukti', data };
}
