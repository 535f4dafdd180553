import { z } from 'zod';
import { route } from './route.js';

/**
 * The region's lateness bands and weights (issue 5: "TL1-TL4 and PSW1-PSW4 with configurable bands
 * and weights"; domain.md section 4): three minute limits per scale (band 1 from 1 minute to the first
 * limit, band 2 to the second, band 3 to the third, band 4 above it or without the punch), the
 * allowance cut of each band, the cut of an unexcused absence (TK) and the monthly cap, all in percent.
 * The values are checked by lateness.domain's validateLatenessRules, whose messages (Bahasa Indonesia)
 * come back under the fields, e.g. `rules.late.limits.1`.
 *
 * Every signed-in user reads them (the ASN see what their days are judged by, as they see the work
 * schedule); HR and the region admin change them, with the version they read (409 when stale).
 */

const minutes = z.number({ message: 'Batas menit harus berupa angka' });
const percent = z.number({ message: 'Bobot harus berupa angka (persen)' });

export const bandScaleSchema = z
  .object({
    /** Upper limits in minutes of bands 1, 2 and 3 (increasing); band 4 is above the third. */
    limits: z.array(minutes, { message: 'Batas menit wajib diisi' }).max(10),
    /** Cut of bands 1-4, in percent of the allowance per day. */
    weights: z.array(percent, { message: 'Bobot wajib diisi' }).max(10),
  })
  .strict();

export const latenessRulesSchema = z
  .object({
    /** TL1-TL4: arriving late. */
    late: bandScaleSchema,
    /** PSW1-PSW4: leaving early. */
    early: bandScaleSchema,
    /** Cut of one unexcused absence (TK), in percent. */
    absenceWeight: z.number({ message: 'Bobot TK harus berupa angka (persen)' }),
    /** The most a month's cuts add up to, in percent. */
    monthlyCap: z.number({ message: 'Batas potongan per bulan harus berupa angka (persen)' }),
  })
  .strict();
export type LatenessRulesDto = z.infer<typeof latenessRulesSchema>;

export const latenessRulesStateSchema = z.object({
  rules: latenessRulesSchema,
  /** 1 while the region uses the defaults and never saved its own. */
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  /** The platform's defaults (domain.md section 4), to compare with or go back to. */
  defaults: latenessRulesSchema,
});
export type LatenessRulesState = z.infer<typeof latenessRulesStateSchema>;

export const updateLatenessRulesBody = z
  .object({
    rules: latenessRulesSchema,
    version: z.number({ message: 'Versi wajib diisi' }).int().min(1),
  })
  .strict();

export const latenessRulesRoutes = {
  get: route({
    method: 'GET',
    path: '/api/attendance/lateness-rules',
    summary: 'Aturan keterlambatan daerah: batas menit dan bobot TL/PSW, bobot TK, batas potongan bulanan',
    tag: 'attendance',
    response: latenessRulesStateSchema,
  }),
  update: route({
    method: 'PUT',
    path: '/api/attendance/lateness-rules',
    summary: 'Ubah aturan keterlambatan daerah (BKPSDM, Admin Daerah)',
    tag: 'attendance',
    body: updateLatenessRulesBody,
    response: latenessRulesStateSchema,
  }),
};
