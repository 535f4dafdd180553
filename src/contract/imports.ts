import { z } from 'zod';
import { idParams, pageOf, pageQuery } from './common.js';
import { route } from './route.js';

export const importKinds = ['work_units', 'civil_servants', 'excuses'] as const;
export type ImportKind = (typeof importKinds)[number];

/** Columns of each import file, by their Indonesian header; English headers are accepted too. */
export const importColumns: Record<
  ImportKind,
  { key: string; header: string; aliases: string[]; required: boolean }[]
> = {
  work_units: [
    { key: 'code', header: 'kode', aliases: ['code', 'kode_unit'], required: true },
    { key: 'name', header: 'nama', aliases: ['name', 'nama_unit'], required: true },
    { key: 'kind', header: 'jenis', aliases: ['kind', 'jenis_unit'], required: true },
    { key: 'headNip', header: 'nip_kepala', aliases: ['head_nip'], required: false },
  ],
  civil_servants: [
    { key: 'nip', header: 'nip', aliases: [], required: true },
    { key: 'name', header: 'nama', aliases: ['name'], required: true },
    { key: 'rankGrade', header: 'pangkat_golongan', aliases: ['rank_grade', 'golongan'], required: false },
    { key: 'position', header: 'jabatan', aliases: ['position'], required: false },
    { key: 'workUnitCode', header: 'kode_unit', aliases: ['work_unit_code', 'unit'], required: true },
    { key: 'employmentType', header: 'jenis_kepegawaian', aliases: ['employment_type'], required: true },
    { key: 'email', header: 'email', aliases: [], required: false },
    { key: 'phone', header: 'telepon', aliases: ['phone', 'hp'], required: false },
  ],
  /** Leave, sick days and official travel of ASN (HR's excuses): cancel lateness on those days. */
  excuses: [
    { key: 'nip', header: 'nip', aliases: [], required: true },
    { key: 'kind', header: 'jenis', aliases: ['kind', 'keterangan'], required: true },
    { key: 'start', header: 'mulai', aliases: ['start', 'tanggal_mulai', 'dari'], required: true },
    { key: 'end', header: 'selesai', aliases: ['end', 'tanggal_selesai', 'sampai'], required: true },
    { key: 'note', header: 'catatan', aliases: ['note'], required: false },
  ],
};

export const importErrorSchema = z.object({
  /** Line in the file, counting the header as line 1. */
  line: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importStatuses = ['previewed', 'committing', 'committed', 'failed', 'rejected'] as const;

export const importBatchSchema = z.object({
  id: z.uuid(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  fileSha256: z.string(),
  status: z.enum(importStatuses),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (at most 500) in file order. */
  errors: z.array(importErrorSchema),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  /** Rows written so far while committing. */
  progressDone: z.number().int(),
  sample: z.array(z.record(z.string(), z.string().nullable())),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const importKindParams = z.object({ kind: z.enum(importKinds) });

export const importRoutes = {
  upload: route({
    method: 'POST',
    path: '/api/imports/:kind',
    summary: 'Unggah berkas CSV/XLSX untuk pratinjau (multipart, field "file")',
    tag: 'imports',
    params: importKindParams,
    response: importBatchSchema,
    status: 201,
  }),
  get: route({
    method: 'GET',
    path: '/api/imports/batch/:id',
    summary: 'Status impor',
    tag: 'imports',
    params: idParams,
    response: importBatchSchema,
  }),
  list: route({
    method: 'GET',
    path: '/api/imports',
    summary: 'Riwayat impor',
    tag: 'imports',
    query: pageQuery,
    response: pageOf(importBatchSchema),
  }),
  commit: route({
    method: 'POST',
    path: '/api/imports/batch/:id/commit',
    summary: 'Simpan hasil impor (semua baris atau tidak sama sekali)',
    tag: 'imports',
    params: idParams,
    response: importBatchSchema,
    status: 202,
  }),
  template: route({
    method: 'GET',
    path: '/api/imports/:kind/template.csv',
    summary: 'Templat CSV',
    tag: 'imports',
    params: importKindParams,
    response: z.string(),
  }),
};
