import { z } from 'zod';
import { idParams, idSchema, okSchema, text, versionSchema } from './common.js';
import { route } from './route.js';

/** Polarity of an indicator: which way is better (domain.md section 3). */
export const polarities = ['higher_is_better', 'lower_is_better', 'range'] as const;

const day = z
  .string({ message: 'Tanggal wajib diisi' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Tanggal tidak valid',
  );

/** Calendar dates of the region; starts begin at 00:00 and deadlines end at 23:59:59 local time. */
export const phasesSchema = z
  .object({
    draftingStart: day,
    submissionDeadline: day,
    sessionsStart: day,
    sessionsEnd: day,
    negotiationDeadline: day,
    signingDeadline: day,
  })
  .strict();
export type PhaseDates = z.infer<typeof phasesSchema>;

export const rubricCriterionSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'Kode kriteria wajib diisi')
      .max(40, 'Kode kriteria paling banyak 40 karakter'),
    name: text(120, 'Nama kriteria'),
    weight: z.number({ message: 'Bobot wajib diisi' }),
  })
  .strict();

/** The default rubric of domain.md section 3 (Score), used when a cycle is opened without one. */
export const DEFAULT_RUBRIC: readonly { code: string; name: string; weight: number }[] = Object.freeze([
  Object.freeze({ code: 'baseline_data_quality', name: 'Kualitas data titik nol', weight: 25 }),
  Object.freeze({ code: 'target_ambition', name: 'Ambisi target', weight: 25 }),
  Object.freeze({ code: 'mission_alignment', name: 'Keselarasan dengan misi dan tema', weight: 20 }),
  Object.freeze({ code: 'feasibility_budget', name: 'Kelayakan dan kewajaran anggaran', weight: 15 }),
  Object.freeze({ code: 'integration', name: 'Integrasi dengan unit lain', weight: 15 }),
]);

export const budgetCeilingSchema = z
  .object({
    year: z.number({ message: 'Tahun wajib diisi' }),
    amount: z.number({ message: 'Pagu wajib diisi' }),
  })
  .strict();

export const themeSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  missionId: z.uuid(),
  missionNumber: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  outcomeIndicatorName: z.string(),
  outcomeIndicatorUnit: z.string(),
  outcomePolarity: z.enum(polarities),
  version: z.number().int(),
});
export type Theme = z.infer<typeof themeSchema>;

export const extensionSchema = z.object({
  id: z.uuid(),
  workUnitId: z.uuid(),
  workUnitName: z.string(),
  deadline: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});

export const cycleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  phases: phasesSchema,
  rubric: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
  budgetCeilings: z.array(z.object({ year: z.number().int(), amount: z.number() })),
  /** Which phase the cycle is in today, by the region's calendar. */
  currentPhase: z.enum([
    'not_started',
    'drafting',
    'waiting_sessions',
    'sessions',
    'negotiation',
    'signing',
    'monitoring',
  ]),
  themes: z.array(themeSchema),
  extensions: z.array(extensionSchema),
  version: z.number().int(),
  createdAt: z.string(),
});
export type CycleDto = z.infer<typeof cycleSchema>;

const cycleFields = {
  name: text(120, 'Nama siklus'),
  startYear: z.number({ message: 'Tahun awal wajib diisi' }).int('Tahun harus bilangan bulat'),
  endYear: z.number({ message: 'Tahun akhir wajib diisi' }).int('Tahun harus bilangan bulat'),
  phases: phasesSchema,
  /** When absent on create, the default rubric of domain.md is used. */
  rubric: z.array(rubricCriterionSchema).max(10, 'Paling banyak 10 kriteria').optional(),
  budgetCeilings: z.array(budgetCeilingSchema).max(10).default([]),
};
export const createCycleBody = z.object(cycleFields).strict();
export const updateCycleBody = z
  .object({
    ...cycleFields,
    rubric: z.array(rubricCriterionSchema).max(10, 'Paling banyak 10 kriteria'),
    version: versionSchema,
  })
  .strict();

export const themeBody = z
  .object({
    missionId: z.uuid({ message: 'Misi wajib dipilih' }),
    name: text(200, 'Nama tema'),
    description: z.string().trim().max(4000, 'Uraian paling banyak 4000 karakter').nullable().optional(),
    outcomeIndicatorName: text(200, 'Nama indikator hasil'),
    outcomeIndicatorUnit: text(40, 'Satuan indikator hasil'),
    outcomePolarity: z.enum(polarities, { message: 'Arah indikator harus naik, turun atau rentang' }),
  })
  .strict();
export const updateThemeBody = themeBody.extend({ version: versionSchema }).strict();
export const deleteThemeBody = z.object({ version: versionSchema }).strict();

export const extensionParams = z.object({ id: idSchema, extensionId: idSchema });
export const revokeExtensionBody = z.object({ reason: text(1000, 'Alasan pencabutan') }).strict();
export const extensionBody = z
  .object({
    workUnitId: z.uuid({ message: 'Unit kerja wajib dipilih' }),
    deadline: day,
    reason: text(1000, 'Alasan perpanjangan'),
  })
  .strict();

export const cycleRoutes = {
  list: route({
    method: 'GET',
    path: '/api/cycles',
    summary: 'Daftar siklus lelang kinerja',
    tag: 'cycles',
    response: z.array(cycleSchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/cycles/:id',
    summary: 'Detail siklus',
    tag: 'cycles',
    params: idParams,
    response: cycleSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/cycles',
    summary: 'Buka siklus lelang kinerja',
    tag: 'cycles',
    body: createCycleBody,
    response: cycleSchema,
    status: 201,
  }),
  update: route({
    method: 'PUT',
    path: '/api/cycles/:id',
    summary: 'Ubah siklus',
    tag: 'cycles',
    params: idParams,
    body: updateCycleBody,
    response: cycleSchema,
  }),
  createTheme: route({
    method: 'POST',
    path: '/api/cycles/:id/themes',
    summary: 'Tambah tema',
    tag: 'cycles',
    params: idParams,
    body: themeBody,
    response: themeSchema,
    status: 201,
  }),
  updateTheme: route({
    method: 'PUT',
    path: '/api/themes/:id',
    summary: 'Ubah tema',
    tag: 'cycles',
    params: idParams,
    body: updateThemeBody,
    response: themeSchema,
  }),
  deleteTheme: route({
    method: 'DELETE',
    path: '/api/themes/:id',
    summary: 'Hapus tema',
    tag: 'cycles',
    params: idParams,
    body: deleteThemeBody,
    response: okSchema,
  }),
  extend: route({
    method: 'POST',
    path: '/api/cycles/:id/extensions',
    summary: 'Perpanjang batas pengajuan satu unit (tercatat di jejak audit)',
    tag: 'cycles',
    params: idParams,
    body: extensionBody,
    response: extensionSchema,
    status: 201,
  }),
  revokeExtension: route({
    method: 'POST',
    path: '/api/cycles/:id/extensions/:extensionId/revoke',
    summary: 'Cabut perpanjangan batas pengajuan satu unit (tercatat di jejak audit)',
    tag: 'cycles',
    params: extensionParams,
    body: revokeExtensionBody,
    response: okSchema,
  }),
};
