import { z } from 'zod';
import { employmentTypes, idParams, pageOf, pageQuery, text, versionSchema } from './common.js';
import { checkNip } from './nip.js';
import { route } from './route.js';

export const nipSchema = z
  .string({ message: 'NIP wajib diisi' })
  .transform((s) => s.replace(/\s+/g, ''))
  .superRefine((nip, ctx) => {
    const r = checkNip(nip);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export const civilServantSchema = z.object({
  id: z.uuid(),
  nip: z.string(),
  name: z.string(),
  rankGrade: z.string().nullable(),
  position: z.string().nullable(),
  workUnitId: z.uuid(),
  workUnitCode: z.string(),
  workUnitName: z.string(),
  employmentType: z.enum(employmentTypes),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CivilServant = z.infer<typeof civilServantSchema>;

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} paling banyak ${max} karakter`).nullable().optional();

export const civilServantBody = z
  .object({
    nip: nipSchema,
    name: text(150, 'Nama'),
    rankGrade: optionalText(60, 'Pangkat/golongan'),
    position: optionalText(200, 'Jabatan'),
    workUnitId: z.uuid({ message: 'Unit kerja wajib dipilih' }),
    employmentType: z.enum(employmentTypes, { message: 'Jenis kepegawaian harus PNS atau PPPK' }),
    email: z.email({ message: 'Alamat email tidak valid' }).max(200).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 \-]{6,20}$/, 'Nomor telepon tidak valid')
      .nullable()
      .optional(),
  })
  .strict();
export const updateCivilServantBody = civilServantBody
  .extend({ active: z.boolean(), version: versionSchema })
  .strict();

export const civilServantListQuery = pageQuery.extend({
  workUnitId: z.uuid().optional(),
  employmentType: z.enum(employmentTypes).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: z.enum(['name', 'nip', 'workUnit']).default('name'),
});

export const civilServantRoutes = {
  list: route({
    method: 'GET',
    path: '/api/civil-servants',
    summary: 'Daftar ASN',
    tag: 'civil-servants',
    query: civilServantListQuery,
    response: pageOf(civilServantSchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/civil-servants/:id',
    summary: 'Detail ASN',
    tag: 'civil-servants',
    params: idParams,
    response: civilServantSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/civil-servants',
    summary: 'Tambah ASN',
    tag: 'civil-servants',
    body: civilServantBody,
    response: civilServantSchema,
    status: 201,
  }),
  update: route({
    method: 'PUT',
    path: '/api/civil-servants/:id',
    summary: 'Ubah ASN',
    tag: 'civil-servants',
    params: idParams,
    body: updateCivilServantBody,
    response: civilServantSchema,
  }),
};
