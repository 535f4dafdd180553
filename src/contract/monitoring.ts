import { z } from 'zod';
import { idParams, idSchema, okSchema, pageOf, pageQuery, text, versionSchema } from './common.js';
import { polarities } from './cycles.js';
import { route } from './route.js';

/**
 * Monitoring of the contracts: the OPD's to-do list of realizations per reporting period, entering
 * and submitting them with evidence, verification, closing and reopening periods, and the region's
 * working-day calendar.
 */

export const realizationStatuses = ['draft', 'submitted', 'verified', 'returned'] as const;
export type RealizationStatus = (typeof realizationStatuses)[number];

/** Where a period stands for one indicator (periods.domain.ts `periodStatus`). */
export const periodStates = [
  'not_due',
  'due',
  'overdue',
  'submitted',
  'late_submitted',
  'returned',
  'verified',
] as const;

const periodKey = z
  .string()
  .regex(/^\d{4}(-(M(0[1-9]|1[0-2])|Q[1-4]|S[12]))?$/, 'Periode tidak valid (mis. 2026-Q1)');

export const evidenceSchema = z.object({
  id: z.uuid(),
  originalName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

const num = z.number().nullable();

export const realizationSchema = z.object({
  /** Null before anything was entered for this indicator and period. */
  id: z.uuid().nullable(),
  contractId: z.uuid(),
  contractTitle: z.string(),
  workUnitId: z.uuid(),
  workUnitName: z.string(),
  indicatorKey: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  polarity: z.enum(polarities),
  periodKey: z.string(),
  periodLabel: z.string(),
  year: z.number().int(),
  /** The period's reporting deadline (region setting), YYYY-MM-DD. */
  deadline: z.string(),
  target: z.object({ value: num, lower: num, upper: num }).nullable(),
  value: num,
  note: z.string().nullable(),
  breakdown: z.array(z.object({ label: z.string(), value: num })),
  status: z.enum(realizationStatuses).nullable(),
  periodState: z.enum(periodStates),
  lateWorkingDays: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  periodClosed: z.boolean(),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    verify: z.boolean(),
    return: z.boolean(),
  }),
  version: z.number().int(),
});
export type Realization = z.infer<typeof realizationSchema>;

export const todoQuery = z.object({
  workUnitId: z.uuid().optional(),
  /** Include periods that are not due yet (the whole year's plan). */
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const todoSchema = z.object({
  items: z.array(realizationSchema),
  counts: z.object({
    overdue: z.number().int(),
    returned: z.number().int(),
    due: z.number().int(),
    submitted: z.number().int(),
  }),
});

export const realizationParams = z.object({
  id: idSchema,
  indicatorKey: z.string().min(1).max(40),
  periodKey,
});

export const saveRealizationBody = z
  .object({
    value: z.number({ message: 'Nilai realisasi wajib diisi' }).finite('Nilai realisasi harus angka'),
    note: z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').nullable().optional(),
    breakdown: z
      .array(z.object({ label: text(200, 'Uraian rincian'), value: z.number().finite().nullable() }).strict())
      .max(50, 'Paling banyak 50 baris rincian')
      .optional(),
    /** The version the form loaded; absent for the first entry. */
    version: versionSchema.optional(),
  })
  .strict();

export const realizationVersionBody = z.object({ version: versionSchema }).strict();
export const returnRealizationBody = z
  .object({ version: versionSchema, reason: text(2000, 'Alasan pengembalian') })
  .strict();

export const queueQuery = pageQuery.extend({
  workUnitId: z.uuid().optional(),
  periodKey: periodKey.optional(),
});

export const evidenceParams = z.object({ id: idSchema, evidenceId: idSchema });

export const periodParams = z.object({ periodKey });
export const reopenBody = z.object({ reason: text(1000, 'Alasan membuka kembali') }).strict();
export const periodClosureSchema = z.object({
  periodKey: z.string(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
});

export const milestoneStates = ['upcoming', 'overdue', 'done', 'done_late'] as const;

export const milestoneSchema = z.object({
  contractId: z.uuid(),
  key: z.string(),
  title: z.string(),
  dueDate: z.string(),
  state: z.enum(milestoneStates),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Working days after the due date: of the completion when done late, of today when overdue. */
  lateWorkingDays: z.number().int(),
  markedByName: z.string().nullable(),
  /** Files of evidence of the completion (added after marking it done). */
  evidence: z.array(evidenceSchema),
  can: z.object({ mark: z.boolean(), upload: z.boolean() }),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const milestoneParams = z.object({ id: idSchema, key: z.string().min(1).max(40) });
export const markMilestoneBody = z
  .object({
    doneOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus YYYY-MM-DD'),
    note: z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').nullable().optional(),
  })
  .strict();

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum([
    'deadline_soon',
    'report_overdue',
    'report_returned',
    'milestone_overdue',
    'discipline',
    'discipline_proposed',
  ]),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const notificationPageSchema = pageOf(notificationSchema).extend({ unread: z.number().int() });

export const monitoringRoutes = {
  notifications: route({
    method: 'GET',
    path: '/api/notifications',
    summary: 'Pengingat saya',
    tag: 'notifications',
    query: pageQuery,
    response: notificationPageSchema,
  }),
  readNotification: route({
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: 'Tandai pengingat sudah dibaca',
    tag: 'notifications',
    params: idParams,
    response: okSchema,
  }),
  readAllNotifications: route({
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: 'Tandai semua pengingat sudah dibaca',
    tag: 'notifications',
    response: okSchema,
  }),
  milestones: route({
    method: 'GET',
    path: '/api/contracts/:id/milestones',
    summary: 'Tahapan kontrak dengan status tepat waktu atau terlambat',
    tag: 'monitoring',
    params: idParams,
    response: z.array(milestoneSchema),
  }),
  markMilestone: route({
    method: 'POST',
    path: '/api/contracts/:id/milestones/:key/done',
    summary: 'Tandai tahapan selesai (OPD)',
    tag: 'monitoring',
    params: milestoneParams,
    body: markMilestoneBody,
    response: z.array(milestoneSchema),
  }),
  uploadMilestoneEvidence: route({
    method: 'POST',
    path: '/api/contracts/:id/milestones/:key/evidence',
    summary: 'Unggah bukti penyelesaian tahapan (PDF, JPG, PNG)',
    tag: 'monitoring',
    params: milestoneParams,
    response: z.array(milestoneSchema),
    status: 201,
  }),
  todo: route({
    method: 'GET',
    path: '/api/monitoring/todo',
    summary: 'Daftar tugas pelaporan realisasi OPD',
    tag: 'monitoring',
    query: todoQuery,
    response: todoSchema,
  }),
  realization: route({
    method: 'GET',
    path: '/api/contracts/:id/realizations/:indicatorKey/:periodKey',
    summary: 'Realisasi satu indikator pada satu periode',
    tag: 'monitoring',
    params: realizationParams,
    response: realizationSchema,
  }),
  save: route({
    method: 'PUT',
    path: '/api/contracts/:id/realizations/:indicatorKey/:periodKey',
    summary: 'Isi atau ubah realisasi (draf)',
    tag: 'monitoring',
    params: realizationParams,
    body: saveRealizationBody,
    response: realizationSchema,
  }),
  submit: route({
    method: 'POST',
    path: '/api/contracts/:id/realizations/:indicatorKey/:periodKey/submit',
    summary: 'Ajukan realisasi (Kepala OPD)',
    tag: 'monitoring',
    params: realizationParams,
    body: realizationVersionBody,
    response: realizationSchema,
  }),
  verify: route({
    method: 'POST',
    path: '/api/contracts/:id/realizations/:indicatorKey/:periodKey/verify',
    summary: 'Verifikasi realisasi (Verifikator unit lain)',
    tag: 'monitoring',
    params: realizationParams,
    body: realizationVersionBody,
    response: realizationSchema,
  }),
  return: route({
    method: 'POST',
    path: '/api/contracts/:id/realizations/:indicatorKey/:periodKey/return',
    summary: 'Kembalikan realisasi dengan alasan (Verifikator)',
    tag: 'monitoring',
    params: realizationParams,
    body: returnRealizationBody,
    response: realizationSchema,
  }),
  upload: route({
    method: 'POST',
    path: '/api/contracts/:id/realizations/:indicatorKey/:periodKey/evidence',
    summary: 'Unggah bukti (PDF, JPG, PNG)',
    tag: 'monitoring',
    params: realizationParams,
    response: realizationSchema,
    status: 201,
  }),
  evidence: route({
    method: 'GET',
    path: '/api/evidence/:id',
    summary: 'Unduh berkas bukti',
    tag: 'monitoring',
    params: idParams,
    response: z.string(),
  }),
  removeEvidence: route({
    method: 'DELETE',
    path: '/api/evidence/:id',
    summary: 'Hapus berkas bukti (realisasi: selama masih draf atau dikembalikan; tahapan: oleh unitnya)',
    tag: 'monitoring',
    params: idParams,
    response: okSchema,
  }),
  queue: route({
    method: 'GET',
    path: '/api/monitoring/queue',
    summary: 'Antrean verifikasi realisasi',
    tag: 'monitoring',
    query: queueQuery,
    response: pageOf(realizationSchema),
  }),
  closePeriod: route({
    method: 'POST',
    path: '/api/periods/:periodKey/close',
    summary: 'Tutup periode pelaporan (Admin Daerah)',
    tag: 'monitoring',
    params: periodParams,
    response: periodClosureSchema,
  }),
  reopenPeriod: route({
    method: 'POST',
    path: '/api/periods/:periodKey/reopen',
    summary: 'Buka kembali periode pelaporan dengan alasan (Admin Daerah)',
    tag: 'monitoring',
    params: periodParams,
    body: reopenBody,
    response: periodClosureSchema,
  }),
};
