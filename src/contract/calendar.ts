import { z } from 'zod';
import { text } from './common.js';
import { route } from './route.js';

/**
 * The region's working-day calendar (national decrees shipped with the platform, plus the region's
 * own entries) and its monitoring settings (reporting deadline day, achievement cap, predicate bands).
 */

export const calendarEntryKinds = ['holiday', 'collective_leave', 'regional_holiday', 'removed'] as const;
export type CalendarEntryKind = (typeof calendarEntryKinds)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus YYYY-MM-DD');

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** Whether a decree (SKB) for the year is known; otherwise fixed-date holidays apply. */
  decreed: z.boolean(),
  decree: z.string().nullable(),
  warning: z.string().nullable(),
  workingDays: z.number().int(),
  /** Every day off of the year that is not a weekend, with where it comes from. */
  days: z.array(
    z.object({
      date: z.string(),
      name: z.string(),
      kind: z.enum(['holiday', 'collective_leave', 'regional_holiday', 'fixed_holiday']),
      /** `national`: shipped with the platform; `region`: entered by this region's admin. */
      source: z.enum(['national', 'region']),
    }),
  ),
  /** Decreed days this region works after all. */
  removed: z.array(z.object({ date: z.string(), name: z.string() })),
});
export type CalendarYearDto = z.infer<typeof calendarYearSchema>;

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const calendarEntryBody = z
  .object({
    date: day,
    kind: z.enum(calendarEntryKinds, { message: 'Jenis hari tidak dikenal' }),
    name: text(120, 'Nama hari'),
  })
  .strict();
export const removeCalendarEntryBody = z
  .object({ date: day, kind: z.enum(calendarEntryKinds, { message: 'Jenis hari tidak dikenal' }) })
  .strict();

export const predicateBandSchema = z
  .object({
    code: z.enum(['sangat_kurang', 'kurang', 'cukup', 'baik', 'sangat_baik']),
    label: text(40, 'Nama predikat'),
    min: z.number({ message: 'Batas bawah wajib diisi' }),
  })
  .strict();

export const monitoringSettingsSchema = z.object({
  /** The realization of a period is due on this day of the following month (1-28). */
  reportDeadlineDay: z.number().int(),
  /** Achievements above this are capped before roll-up (null: no cap). */
  achievementCap: z.number().nullable(),
  predicateBands: z.array(predicateBandSchema),
  version: z.number().int(),
});
export type MonitoringSettings = z.infer<typeof monitoringSettingsSchema>;

export const updateMonitoringSettingsBody = z
  .object({
    reportDeadlineDay: z
      .number({ message: 'Tanggal batas pelaporan wajib diisi' })
      .int('Harus bilangan bulat'),
    achievementCap: z.number().nullable(),
    predicateBands: z.array(predicateBandSchema).max(10),
    version: z.number().int().min(1),
  })
  .strict();

export const calendarRoutes = {
  year: route({
    method: 'GET',
    path: '/api/calendar',
    summary: 'Kalender hari kerja satu tahun',
    tag: 'calendar',
    query: calendarQuery,
    response: calendarYearSchema,
  }),
  add: route({
    method: 'POST',
    path: '/api/calendar/entries',
    summary: 'Tambah hari libur daerah, keputusan tahun baru, atau hari kerja pengganti (Admin Daerah)',
    tag: 'calendar',
    body: calendarEntryBody,
    response: calendarYearSchema,
    status: 201,
  }),
  remove: route({
    method: 'POST',
    path: '/api/calendar/entries/remove',
    summary: 'Hapus entri kalender daerah (Admin Daerah)',
    tag: 'calendar',
    body: removeCalendarEntryBody,
    response: calendarYearSchema,
  }),
  settings: route({
    method: 'GET',
    path: '/api/monitoring/settings',
    summary: 'Pengaturan pemantauan: batas pelaporan, batas atas capaian, predikat',
    tag: 'calendar',
    response: monitoringSettingsSchema,
  }),
  updateSettings: route({
    method: 'PUT',
    path: '/api/monitoring/settings',
    summary: 'Ubah pengaturan pemantauan (Admin Daerah)',
    tag: 'calendar',
    body: updateMonitoringSettingsBody,
    response: monitoringSettingsSchema,
  }),
};
