import type { Aggregation, Frequency } from '../auction/proposal.domain.js';
import type { Polarity, TargetValue } from '../auction/terms.js';
import {
  achievement,
  checkPeriods,
  DEFAULT_BANDS,
  periodsPerYear as periodsIn,
  predicate,
  type PeriodRealization,
  type PredicateBand,
  type PredicateCode,
  type RangeBetter,
} from './achievement.domain.js';

/**
 * Progress and early warning of monitoring (domain.md section 4): the expected trajectory of an
 * indicator's year-to-date value from its baseline to the year's target, the projected year-end
 * value from the trend of the verified periods, a traffic light from the projected achievement, and
 * whether a report is stale. Pure: the caller passes `now` and all data; nothing is rounded.
 *
 * Periods are numbered within the year from 1 to `periodsPerYear` (the `index` of a `Period` of
 * periods.domain.ts).
 */

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function checkPerYear(periodsPerYear: number) {
  if (!Number.isInteger(periodsPerYear) || periodsPerYear < 1)
    throw new RangeError('Jumlah periode per tahun harus bilangan bulat positif');
}

/**
 * The expected year-to-date value after each period of the year: element k - 1 is the value
 * expected once period k is reported, on a straight line from the start of the year (k = 0) to the
 * year's target (k = periodsPerYear, exactly the target).
 *
 * The start depends on the aggregation, because the line is compared with the year value so far
 * (`yearValue`): a `sum` starts every year at 0 (its baseline is last year's total, not a level),
 * `latest` and `average` start at the baseline, which they then need. For a range target call it
 * once per bound.
 */
export function expectedTrajectory(
  aggregation: Aggregation,
  baseline: number | null,
  target: number,
  periodsPerYear: number,
): number[] {
  checkPerYear(periodsPerYear);
  if (!finite(target)) throw new RangeError('Target harus berupa angka');
  let start: number;
  if (aggregation === 'sum') start = 0;
  else if (aggregation === 'latest' || aggregation === 'average') {
    if (!finite(baseline)) throw new RangeError('Titik nol harus berupa angka untuk lintasan target');
    start = baseline;
  } else throw new RangeError(`Cara agregasi "${String(aggregation)}" tidak dikenal`);
  const n = periodsPerYear;
  // A blend of the two ends: the last point is exactly the target and nothing can overflow.
  return Array.from({ length: n }, (_, i) => {
    const f = (i + 1) / n;
    return start * (1 - f) + target * f;
  });
}

/** A verified value of one period, by its position within the year. */
export interface IndexedValue {
  index: number;
  value: number;
}

/**
 * The least-squares line through the points, as a function of the period index. Values are scaled
 * by their largest magnitude first so squares cannot overflow. One point (or all at one index,
 * which the caller prevents) gives a flat line.
 */
function linearTrend(points: readonly IndexedValue[]): (x: number) => number {
  const n = points.length;
  const scale = points.reduce((m, p) => Math.max(m, Math.abs(p.value)), 0) || 1;
  const mx = points.reduce((s, p) => s + p.index, 0) / n;
  const my = points.reduce((s, p) => s + p.value / scale / n, 0);
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.index - mx) ** 2;
    sxy += (p.index - mx) * (p.value / scale - my);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return (x) => (my + slope * (x - mx)) * scale;
}

/**
 * The projected year-end value (the value `yearValue` will give once every period is verified)
 * from the verified periods so far; null with none.
 *
 * - `latest`: the least-squares linear trend of the verified values, read at the last period; when
 *   the last period is already verified, its value (it is no longer a projection).
 * - `average`: the verified values plus the trend's value for every period not yet verified,
 *   averaged over the whole year.
 * - `sum`: the run rate: the mean of the verified periods times the periods of the year (the verified
 *   total plus that mean for each period still open). A period missing in the middle is assumed to
 *   run at the same rate, not at zero, because it is unverified rather than empty.
 *
 * One verified period gives a flat trend. Throws for indexes outside 1..periodsPerYear, a period
 * given twice, or a non-finite value.
 */
export function projectYearEnd(
  aggregation: Aggregation,
  verifiedPeriods: readonly IndexedValue[],
  periodsPerYear: number,
): number | null {
  checkPerYear(periodsPerYear);
  const seen = new Set<number>();
  for (const p of verifiedPeriods) {
    if (!Number.isInteger(p.index) || p.index < 1 || p.index > periodsPerYear)
      throw new RangeError(`Periode ke-${p.index} di luar 1 sampai ${periodsPerYear}`);
    if (seen.has(p.index)) throw new RangeError(`Periode ke-${p.index} tercantum dua kali`);
    seen.add(p.index);
    if (!finite(p.value)) throw new RangeError(`Nilai periode ke-${p.index} harus berupa angka`);
  }
  if (!['sum', 'latest', 'average'].includes(aggregation))
    throw new RangeError(`Cara agregasi "${String(aggregation)}" tidak dikenal`);
  const n = verifiedPeriods.length;
  if (n === 0) return null;
  if (aggregation === 'sum') {
    const mean = verifiedPeriods.reduce((s, p) => s + p.value / n, 0);
    return mean * periodsPerYear;
  }
  if (aggregation === 'latest') {
    const last = verifiedPeriods.find((p) => p.index === periodsPerYear);
    return last ? last.value : linearTrend(verifiedPeriods)(periodsPerYear);
  }
  const trend = linearTrend(verifiedPeriods);
  const byIndex = new Map(verifiedPeriods.map((p) => [p.index, p.value]));
  let total = 0;
  for (let k = 1; k <= periodsPerYear; k++) total += (byIndex.get(k) ?? trend(k)) / periodsPerYear;
  return total;
}

export const lights = ['red', 'amber', 'green'] as const;
/** The early-warning colour of an indicator. */
export type Light = (typeof lights)[number];

const lightOf: Record<PredicateCode, Light> = {
  sangat_kurang: 'red',
  kurang: 'amber',
  cukup: 'amber',
  baik: 'green',
  sangat_baik: 'green',
};

export const lightLabels: Record<Light, string> = {
  red: 'Merah: diproyeksikan Sangat Kurang',
  amber: 'Kuning: diproyeksikan Kurang atau Cukup',
  green: 'Hijau: diproyeksikan Baik atau Sangat Baik',
};

/**
 * The traffic light of a projected achievement against the region's predicate bands: red below the
 * Kurang band's lower bound (Sangat Kurang, the "below the Kurang band"), amber in the
 * Kurang or Cukup band (the year can still be saved, but only with effort: Kurang already triggers
 * the default KINERJA_RENDAH rule below 65), green in Baik or Sangat Baik. Judged like
 * {@link predicate}, on the value rounded to 2 decimals. Null without a projection.
 */
export function trafficLight(
  projectedAchievement: number | null,
  bands: readonly PredicateBand[] = DEFAULT_BANDS,
): Light | null {
  const band = predicate(projectedAchievement, bands);
  return band === null ? null : lightOf[band.code];
}

/**
 * Whether a period's report is stale: no report and the deadline has passed. The deadline includes
 * its instant (decision 002): reporting exactly at the deadline is on time, so the report is stale
 * only strictly after it. What counts as a report is the caller's choice; monitoring passes true for
 * a submitted or verified realization (a draft or a returned one is not a report).
 */
export function isStale(deadline: Date, now: Date, hasReport: boolean): boolean {
  const valid = (d: unknown) => d instanceof Date && !Number.isNaN(d.getTime());
  if (!valid(deadline)) throw new RangeError('Batas waktu laporan tidak valid');
  if (!valid(now)) throw new RangeError('Waktu sekarang tidak valid');
  return !hasReport && now.getTime() > deadline.getTime();
}

/** An indicator with its year as the early warning needs it. */
export interface WarningInput {
  polarity: Polarity;
  rangeBetter?: RangeBetter;
  aggregation: Aggregation;
  baseline: number | null;
  /** The target of the year being watched. */
  target: TargetValue;
  frequency: Frequency;
  /** The year's realizations in any status; only the verified ones are used. */
  realizations: readonly PeriodRealization[];
  cap?: number | null;
  bands?: readonly PredicateBand[];
}

export interface Warning {
  /** Expected year-to-date value per period, shaped like the target (`value`, or `lower`/`upper`). */
  expected: TargetValue[];
  /** Projected year-end value; null without a verified period. */
  projected: number | null;
  /** Achievement of the projection against the year's target, capped like the score. */
  projectedAchievement: number | null;
  light: Light | null;
  /** Verified periods the projection rests on. */
  basedOn: number;
}

/**
 * The early warning of one indicator for one year: the expected trajectory, the projection from
 * the verified periods, its achievement and its light. Submitted values are ignored: a warning
 * rests on verified data only, like the official score.
 */
export function earlyWarning(input: WarningInput): Warning {
  const perYear = periodsIn(input.frequency);
  const options = { cap: input.cap, rangeBetter: input.rangeBetter };
  // Checks the target's shape, the cap and the range direction before anything uses them.
  achievement(input.polarity, input.target, null, options);
  const verified: IndexedValue[] = [];
  for (const { p, at } of checkPeriods(input.realizations)) {
    if (at.frequency !== input.frequency)
      throw new RangeError(`${at.label} tidak sesuai frekuensi pelaporan indikator`);
    if (p.status === 'verified') {
      if (!finite(p.value)) throw new RangeError(`Nilai realisasi ${at.label} harus berupa angka`);
      verified.push({ index: at.index, value: p.value });
    }
  }
  const line = (t: number) => expectedTrajectory(input.aggregation, input.baseline, t, perYear);
  let expected: TargetValue[];
  if (input.polarity === 'range') {
    const lower = line(input.target.lower as number);
    const upper = line(input.target.upper as number);
    expected = lower.map((l, i) => ({ lower: l, upper: upper[i] }));
  } else expected = line(input.target.value as number).map((value) => ({ value }));
  const projected = projectYearEnd(input.aggregation, verified, perYear);
  const projectedAchievement = achievement(input.polarity, input.target, projected, options);
  return {
    expected,
    projected,
    projectedAchievement,
    light: trafficLight(projectedAchievement, input.bands),
    basedOn: verified.length,
  };
}
