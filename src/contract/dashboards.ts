import { z } from 'zod';
import { idParams } from './common.js';
import { periodStates, realizationStatuses } from './monitoring.js';
import { aggregations, frequencies } from './proposals.js';
import { polarities } from './cycles.js';
import { route } from './route.js';

/**
 * What the dashboards read: the OPD scorecard (each indicator: baseline, target, realizations per
 * period, achievement, trajectory and early warning) and the region overview (OPD ranking with
 * predicates and traffic lights, themes and missions, late reports and milestones).
 */

const num = z.number().nullable();
const target = z.object({ value: num, lower: num, upper: num });
export const lights = ['red', 'amber', 'green'] as const;
export const predicateSchema = z.object({ code: z.string(), label: z.string() }).nullable();

export const indicatorCardSchema = z.object({
  contractId: z.uuid(),
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  polarity: z.enum(polarities),
  aggregation: z.enum(aggregations),
  frequency: z.enum(frequencies),
  weight: z.number(),
  baseline: z.object({ value: num, year: z.number().nullable(), source: z.string() }),
  target: target.nullable(),
  periods: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      deadline: z.string(),
      value: num,
      status: z.enum(realizationStatuses).nullable(),
      state: z.enum(periodStates),
      lateWorkingDays: z.number().int(),
      /** Expected year-to-date value on the trajectory from the baseline to the year's target. */
      expected: target,
    }),
  ),
  /** Official (verified only) and provisional (with submitted) year values and achievements. */
  value: num,
  achievement: num,
  provisionalValue: num,
  provisionalAchievement: num,
  predicate: predicateSchema,
  projected: num,
  projectedAchievement: num,
  light: z.enum(lights).nullable(),
  /** A report is past its deadline with nothing submitted. */
  stale: z.boolean(),
});
export type IndicatorCard = z.infer<typeof indicatorCardSchema>;

export const scorecardSchema = z.object({
  year: z.number().int(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  score: num,
  predicate: predicateSchema,
  programs: z.array(
    z.object({
      contractId: z.uuid(),
      title: z.string(),
      themeName: z.string().nullable(),
      score: num,
      predicate: predicateSchema,
      reported: z.number().int(),
      indicatorCount: z.number().int(),
      indicators: z.array(indicatorCardSchema),
    }),
  ),
  milestones: z.object({
    done: z.number().int(),
    doneLate: z.number().int(),
    overdue: z.number().int(),
    upcoming: z.number().int(),
  }),
  lateReports: z.number().int(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const overviewSchema = z.object({
  year: z.number().int(),
  score: num,
  predicate: predicateSchema,
  units: z.array(
    z.object({
      unitId: z.uuid(),
      code: z.string(),
      name: z.string(),
      rank: z.number().int().nullable(),
      score: num,
      predicate: predicateSchema,
      contracts: z.number().int(),
      lights: z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int() }),
      lateReports: z.number().int(),
      overdueMilestones: z.number().int(),
    }),
  ),
  themes: z.array(
    z.object({
      themeId: z.uuid(),
      name: z.string(),
      missionNumber: z.number().int(),
      score: num,
      predicate: predicateSchema,
      contributors: z.array(z.object({ unitName: z.string(), title: z.string(), score: num })),
    }),
  ),
  missions: z.array(
    z.object({ number: z.number().int(), title: z.string(), score: num, predicate: predicateSchema }),
  ),
  counts: z.object({
    lateReports: z.number().int(),
    overdueMilestones: z.number().int(),
    awaitingVerification: z.number().int(),
    red: z.number().int(),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const reportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1, 'Triwulan 1-4').max(4, 'Triwulan 1-4'),
});
export const lkjipQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const dashboardRoutes = {
  unitMonev: route({
    method: 'GET',
    path: '/api/monitoring/units/:id/monev.pdf',
    summary: 'Laporan monev triwulanan OPD (PDF)',
    tag: 'reports',
    params: idParams,
    query: reportQuery,
    response: z.string(),
  }),
  unitMonevXlsx: route({
    method: 'GET',
    path: '/api/monitoring/units/:id/monev.xlsx',
    summary: 'Data monev triwulanan OPD (XLSX)',
    tag: 'reports',
    params: idParams,
    query: reportQuery,
    response: z.string(),
  }),
  regionMonev: route({
    method: 'GET',
    path: '/api/monitoring/monev.pdf',
    summary: 'Laporan monev triwulanan daerah (PDF)',
    tag: 'reports',
    query: reportQuery,
    response: z.string(),
  }),
  regionMonevXlsx: route({
    method: 'GET',
    path: '/api/monitoring/monev.xlsx',
    summary: 'Data monev triwulanan daerah (XLSX)',
    tag: 'reports',
    query: reportQuery,
    response: z.string(),
  }),
  lkjip: route({
    method: 'GET',
    path: '/api/monitoring/units/:id/lkjip.pdf',
    summary: 'Laporan kinerja tahunan OPD, tabel capaian gaya LKjIP (PDF)',
    tag: 'reports',
    params: idParams,
    query: lkjipQuery,
    response: z.string(),
  }),
  overview: route({
    method: 'GET',
    path: '/api/monitoring/overview',
    summary: 'Ringkasan kinerja daerah: peringkat OPD, tema, misi, keterlambatan',
    tag: 'dashboards',
    query: yearQuery,
    response: overviewSchema,
  }),
  scorecard: route({
    method: 'GET',
    path: '/api/monitoring/units/:id/scorecard',
    summary: 'Kartu kinerja OPD: indikator, realisasi per periode, capaian, peringatan dini',
    tag: 'dashboards',
    params: idParams,
    query: yearQuery,
    response: scorecardSchema,
  }),
};
