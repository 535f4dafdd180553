import { z } from 'zod';
import { idParams, pageOf, pageQuery, text, versionSchema, workUnitKinds } from './common.js';
import { route } from './route.js';

export const workUnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(workUnitKinds),
  headCivilServantId: z.uuid().nullable(),
  headName: z.string().nullable(),
  active: z.boolean(),
  civilServantCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type WorkUnit = z.infer<typeof workUnitSchema>;

/** Unit codes follow the Kemendagri nomenclature style: digits and dots, e.g. 1.02.0.00.0.00.01. */
export const workUnitCode = z
  .string({ message: 'Kode unit wajib diisi' })
  .trim()
  .min(1, 'Kode unit wajib diisi')
  .max(40, 'Kode unit paling banyak 40 karakter')
  .regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/, 'Kode unit hanya boleh berisi huruf, angka, titik dan tanda hubung');

export const workUnitBody = z
  .object({
    code: workUnitCode,
    name: text(200, 'Nama unit'),
    kind: z.enum(workUnitKinds, { message: 'Jenis unit tidak dikenal' }),
    headCivilServantId: z.uuid({ message: 'Kepala unit tidak valid' }).nullable().optional(),
  })
  .strict();
export const updateWorkUnitBody = workUnitBody.extend({ version: versionSchema }).strict();
export const versionBody = z.object({ version: versionSchema }).strict();

export const workUnitListQuery = pageQuery.extend({
  kind: z.enum(workUnitKinds).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: z.enum(['code', 'name', 'kind']).default('code'),
});

export const workUnitRoutes = {
  list: route({
    method: 'GET',
    path: '/api/work-units',
    summary: 'Daftar perangkat daerah',
    tag: 'work-units',
    query: workUnitListQuery,
    response: pageOf(workUnitSchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/work-units/:id',
    summary: 'Detail perangkat daerah',
    tag: 'work-units',
    params: idParams,
    response: workUnitSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/work-units',
    summary: 'Tambah perangkat daerah',
    tag: 'work-units',
    body: workUnitBody,
    response: workUnitSchema,
    status: 201,
  }),
  update: route({
    method: 'PUT',
    path: '/api/work-units/:id',
    summary: 'Ubah perangkat daerah',
    tag: 'work-units',
    params: idParams,
    body: updateWorkUnitBody,
    response: workUnitSchema,
  }),
  deactivate: route({
    method: 'POST',
    path: '/api/work-units/:id/deactivate',
    summary: 'Nonaktifkan perangkat daerah',
    tag: 'work-units',
    params: idParams,
    body: versionBody,
    response: workUnitSchema,
  }),
  activate: route({
    method: 'POST',
    path: '/api/work-units/:id/activate',
    summary: 'Aktifkan kembali perangkat daerah',
    tag: 'work-units',
    params: idParams,
    body: versionBody,
    response: workUnitSchema,
  }),
};
