import { z } from 'zod';
import { idParams, pageOf, pageQuery } from './common.js';
import { route } from './route.js';

/**
 * Lateness from the attendance punches (issue 5 item 3): every ASN sees their own days and why each
 * counts; HR, the inspectorate (verifiers), the region admin and the head of region see the monthly
 * recap per ASN and per OPD; an OPD head sees their own unit's.
 */

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan tidak valid (contoh: 2026-10)');
export const monthQuery = z.object({ month: monthSchema });

export const dayKinds = ['day_off', 'not_active', 'no_schedule', 'excused', 'absent', 'present'] as const;
export const bandCodes = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK'] as const;

export const latenessDaySchema = z.object({
  date: z.string(),
  kind: z.enum(dayKinds),
  start: z.string().nullable(),
  end: z.string().nullable(),
  checkIn: z.string().nullable(),
  checkOut: z.string().nullable(),
  minutesLate: z.number().int().nullable(),
  minutesEarly: z.number().int().nullable(),
  bands: z.array(z.enum(bandCodes)),
  weight: z.number(),
  explanation: z.string(),
});
export type LatenessDay = z.infer<typeof latenessDaySchema>;

const bandCounts = z.record(z.enum(bandCodes), z.number().int());

export const recapSchema = z.object({
  workingDays: z.number().int(),
  daysCounted: z.number().int(),
  excusedDays: z.number().int(),
  presentDays: z.number().int(),
  onTimeDays: z.number().int(),
  bands: bandCounts,
  /** Days with a TL2-TL4 band (what the SUKA_TERLAMBAT rule counts). */
  lateDays: z.number().int(),
  weight: z.number(),
  capped: z.boolean(),
  summary: z.string(),
});
export type LatenessRecapDto = z.infer<typeof recapSchema>;

export const servantMonthSchema = z.object({
  month: z.string(),
  civilServant: z.object({ id: z.uuid(), nip: z.string(), name: z.string(), workUnitName: z.string() }),
  recap: recapSchema,
  days: z.array(latenessDaySchema),
});
export type ServantMonth = z.infer<typeof servantMonthSchema>;

export const recapQuery = pageQuery.extend({
  month: monthSchema,
  workUnitId: z.uuid({ message: 'Unit kerja tidak valid' }).optional(),
  /** Only ASN with at least one band or TK in the month. */
  flagged: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const recapRowSchema = z.object({
  civilServantId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  workUnitId: z.uuid(),
  workUnitName: z.string(),
  recap: recapSchema.omit({ summary: true }),
});

export const unitRecapSchema = z.object({
  workUnitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  servants: z.number().int(),
  bands: bandCounts,
  /** ASN with 4 or more TL2-TL4 days in the month. */
  habitual: z.number().int(),
  averageWeight: z.number(),
});

export const recapPageSchema = pageOf(recapRowSchema).extend({
  month: z.string(),
  units: z.array(unitRecapSchema),
});
export type RecapPage = z.infer<typeof recapPageSchema>;

export const latenessRoutes = {
  mine: route({
    method: 'GET',
    path: '/api/lateness/me',
    summary: 'Kehadiran dan keterlambatan saya dalam satu bulan, dengan alasannya per hari',
    tag: 'lateness',
    query: monthQuery,
    response: servantMonthSchema,
  }),
  servant: route({
    method: 'GET',
    path: '/api/lateness/civil-servants/:id',
    summary: 'Kehadiran dan keterlambatan seorang ASN dalam satu bulan',
    tag: 'lateness',
    params: idParams,
    query: monthQuery,
    response: servantMonthSchema,
  }),
  recap: route({
    method: 'GET',
    path: '/api/lateness/recap',
    summary: 'Rekap keterlambatan bulanan per ASN dan per perangkat daerah',
    tag: 'lateness',
    query: recapQuery,
    response: recapPageSchema,
  }),
  recapXlsx: route({
    method: 'GET',
    path: '/api/lateness/recap.xlsx',
    summary: 'Rekap keterlambatan bulanan (XLSX)',
    tag: 'lateness',
    query: z.object({ month: monthSchema, workUnitId: z.uuid().optional() }),
    response: z.string(),
  }),
};
