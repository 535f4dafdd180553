import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { attendanceRoutes as r, type attendanceFileQuery } from '../../../contract/attendance.js';
import { latenessRulesRoutes as lr } from '../../../contract/lateness-rules.js';
import type { AppContext } from '../../app.js';
import { AppError } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http.js';
import { policy, type Actor } from '../../platform/policy.js';
import type { PunchColumnMapping } from '../discipline/attlog.domain.js';
import * as pins from './device-pins.service.js';
import * as excuses from './excuses.service.js';
import * as imports from './import.service.js';
import * as latenessRules from './lateness-rules.service.js';
import * as schedule from './schedule.service.js';

/**
 * Attendance data, HR's work (domain.md section 2: `hr_officer` keeps attendance imports and the
 * calendars) with the region admin: imports, device PINs, excuses and the schedules. Everything here
 * is personal data (NIPs, punches, sick leave) except the schedules and the lateness bands and
 * weights, which every signed-in user of the region may read (the ASN see which hours and rules they
 * are held to).
 */
export async function attendanceModule(app: FastifyInstance, { database }: AppContext) {
  const hr = policy.roles('hr_officer', 'region_admin');

  defineRoute(app, r.preview, hr, async ({ actor, query, request }) =>
    imports.previewImport(database, importerOf(actor), await uploadedFile(request), optionsOf(query)),
  );
  defineRoute(app, r.commit, hr, async ({ actor, query, request, reply }) => {
    const started = await imports.startImport(
      database,
      importerOf(actor),
      await uploadedFile(request),
      optionsOf(query),
    );
    if (!started.created) {
      // The same file again: the earlier import is the answer, 200 rather than 202 (nothing started).
      await reply.code(200).send(started.import);
      return reply;
    }
    started.done.catch((e) =>
      request.log.error(
        { importId: started.import.id, err: imports.loggableError(e) },
        'attendance import failed',
      ),
    );
    return started.import;
  });
  defineRoute(app, r.listImports, hr, ({ actor, query }) =>
    imports.listImports(database.db, actor.regionId, query.page, query.pageSize),
  );
  defineRoute(app, r.getImport, hr, ({ actor, params }) =>
    imports.getImport(database.db, actor.regionId, params.id),
  );

  defineRoute(app, r.devicePins, hr, ({ actor, query }) => pins.listDevicePins(database.db, actor, query));
  defineRoute(app, r.setDevicePin, hr, ({ actor, body }) => pins.setDevicePin(database, actor, body));
  defineRoute(app, r.deleteDevicePin, hr, ({ actor, params, body }) =>
    pins.deleteDevicePin(database, actor, params.id, body.version),
  );
  defineRoute(app, r.uploadDevicePins, hr, async ({ actor, query, request }) =>
    pins.uploadDevicePins(database, actor, await uploadedFile(request), query),
  );

  defineRoute(app, r.excuses, hr, ({ actor, query }) => excuses.listExcuses(database.db, actor, query));
  defineRoute(app, r.createExcuse, hr, ({ actor, body }) => excuses.createExcuse(database, actor, body));
  defineRoute(app, r.updateExcuse, hr, ({ actor, params, body }) =>
    excuses.updateExcuse(database, actor, params.id, body),
  );
  defineRoute(app, r.deleteExcuse, hr, ({ actor, params, body }) =>
    excuses.deleteExcuse(database, actor, params.id, body.version),
  );

  defineRoute(app, r.schedule, policy.anyUser(), ({ actor }) => schedule.getSchedule(database.db, actor));
  defineRoute(app, r.updateSchedule, hr, ({ actor, body }) => schedule.updateSchedule(database, actor, body));

  // The lateness bands and weights: a regulation every ASN is judged by, read like the schedules.
  defineRoute(app, lr.get, policy.anyUser(), ({ actor }) =>
    latenessRules.getLatenessRules(database.db, actor),
  );
  defineRoute(app, lr.update, hr, ({ actor, body }) =>
    latenessRules.updateLatenessRules(database, actor, body),
  );
}

const importerOf = (actor: Actor): imports.Importer => ({
  regionId: actor.regionId,
  userId: actor.userId,
  fullName: actor.fullName,
});

/** The query's column names as attlog.domain's mapping, or null when none was given. */
function optionsOf(q: z.output<typeof attendanceFileQuery>): imports.ImportOptions {
  const col = (v: string | undefined) => (v && v !== '' ? v : null);
  const given = [q.pinColumn, q.nipColumn, q.dateColumn, q.timeColumn, q.datetimeColumn].some((v) => col(v));
  const mapping: PunchColumnMapping | null = given
    ? {
        pin: col(q.pinColumn),
        nip: col(q.nipColumn),
        date: col(q.dateColumn),
        time: col(q.timeColumn),
        datetime: col(q.datetimeColumn),
        dateFormat: q.dateFormat ?? 'YYYY-MM-DD',
        status: col(q.statusColumn),
        verify: col(q.verifyColumn),
      }
    : null;
  return { device: col(q.device), mapping, skipInvalid: q.skipInvalid ?? false };
}

/** The one file of a multipart request (field "file"); the upload limit applies while reading. */
async function uploadedFile(request: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!request.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Kirim berkas sebagai multipart/form-data dengan kolom "file"',
    );
  const file = await request.file();
  if (!file || file.fieldname !== 'file')
    throw new AppError('VALIDATION_FAILED', 'Pilih berkas kehadiran', [
      { path: 'file', message: 'Pilih berkas kehadiran' },
    ]);
  const data = await file.toBuffer();
  return { name: file.filename || 'berkas', data };
}
