import type { FastifyInstance } from 'fastify';
import { importRoutes as r } from '../../../contract/imports.js';
import type { AppContext } from '../../app.js';
import { AppError } from '../../platform/errors.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './imports.service.js';

export async function importsModule(app: FastifyInstance, { database }: AppContext) {
  const importers = policy.roles('region_admin', 'hr_officer');
  defineRoute(app, r.upload, importers, async ({ actor, params, request }) => {
    if (!request.isMultipart())
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Kirim berkas sebagai multipart/form-data dengan kolom "file"',
      );
    const file = await request.file();
    if (!file || file.fieldname !== 'file')
      throw new AppError('VALIDATION_FAILED', 'Pilih berkas CSV atau XLSX', [
        { path: 'file', message: 'Pilih berkas CSV atau XLSX' },
      ]);
    const data = await file.toBuffer();
    return svc.previewImport(database, actor, params.kind, { name: file.filename || 'berkas', data });
  });
  defineRoute(app, r.list, importers, ({ actor, query }) =>
    svc.listBatches(database, actor, query.page, query.pageSize),
  );
  defineRoute(app, r.get, importers, ({ actor, params }) => svc.getBatch(database.db, actor, params.id));
  defineRoute(app, r.commit, importers, async ({ actor, params, request }) => {
    const { batch, done } = await svc.startCommit(database, actor, params.id);
    done.catch((err) => request.log.error({ err }, 'import commit failed'));
    return batch;
  });
  defineRoute(app, r.template, importers, async ({ params, reply }) => {
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="templat-${params.kind.replace('_', '-')}.csv"`);
    return svc.templateCsv(params.kind);
  });
}
