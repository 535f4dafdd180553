import type { FieldError } from '../../../contract/common.js';
import { hundredths, type Aggregation, type Frequency } from '../auction/proposal.domain.js';
import {
  formatNumber,
  polarities,
  targetShapeProblems,
  type Polarity,
  type TargetValue,
} from '../auction/terms.js';
import { parsePeriodKey, type Period, type RealizationStatus } from './periods.domain.js';

/**
 * The achievement engine of monitoring (domain.md section 4, "The numbers"): the achievement
 * (capaian) of one indicator against its target, the year value of an indicator from its reporting
 * periods, the weighted roll-up from indicator to program, OPD, theme, mission and region, and the
 * predicate bands. Pure: plain numbers in, plain numbers out; the services load the data.
 *
 * Rounding, defined once: nothing here rounds. Achievements, year values and roll-ups keep full
 * precision so that a roll-up never compounds rounding; {@link round2} rounds half up (away from
 * zero) to 2 decimals for presentation, and {@link predicate} judges the score as presented (rounded
 * to 2 decimals), so the number on screen and its predicate always agree.
 *
 * Invalid input that the services must never pass (a NaN realization, a target of the wrong shape,
 * a negative weight) throws a `RangeError` with a message in Bahasa Indonesia: these are broken
 * invariants, not user input. Settings that administrators type in (the cap, the predicate bands)
 * have validators that return field errors instead.
 */

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const present = <T>(n: T | null | undefined): n is T => n !== null && n !== undefined;

// ---------------------------------------------------------------------------------------------
// Achievement of one indicator
// ---------------------------------------------------------------------------------------------

/**
 * Which way is better for a realization outside a `range` target. domain.md says a range scores
 * 100 inside its bounds and that outside them "the indicator's direction" decides, but the
 * indicator model has a single polarity (`range`), so the direction is a second, explicit setting:
 *
 * - `lower`: below the range is better than the target (e.g. waiting time 7-8 months, 6.5 is
 *   better), above it worse;
 * - `higher`: above the range is better, below it worse;
 * - `inside`: any deviation is worse (e.g. inflation 1.5-3.5 %: deflation is as unwelcome as high
 *   inflation). The default, because it never rewards leaving the agreed range.
 */
export const rangeBetterValues = ['inside', 'lower', 'higher'] as const;
export type RangeBetter = (typeof rangeBetterValues)[number];
export const DEFAULT_RANGE_BETTER: RangeBetter = 'inside';

export const rangeBetterLabels: Record<RangeBetter, string> = {
  inside: 'di dalam rentang paling baik',
  lower: 'di bawah rentang lebih baik',
  higher: 'di atas rentang lebih baik',
};

export interface AchievementOptions {
  /**
   * The region's optional ceiling in percent (e.g. 120), applied to each indicator's achievement
   * before any roll-up, so one outstanding indicator cannot hide a failing one. Null or absent: no
   * ceiling. Must be at least 100 (see {@link validateCap}).
   */
  cap?: number | null;
  /** For `range` indicators only: which way is better outside the range. Default `inside`. */
  rangeBetter?: RangeBetter;
}

/**
 * The achievement (capaian) in percent of realization R against the target, or null when there is
 * no realization. Not rounded.
 *
 * - `higher_is_better`: `R / T * 100`.
 * - `lower_is_better`: `(2T - R) / T * 100`, computed as `(2 - R/T) * 100`.
 * - Negative targets: the two formulas swap (`higher` uses `(2T - R) / T`, `lower` uses `R / T`).
 *   Both are `100 * (1 ± (R - T) / |T|)`: 100 at the target, moving by the relative deviation, so a
 *   higher realization still raises a higher-is-better achievement (target -2 %, realization -1 %:
 *   150). For positive targets this is exactly the domain's formulas.
 * - Zero target (e.g. zero cases): 100 when R meets it (`R >= 0` for higher, `R <= 0` for lower),
 *   otherwise 0. There is nothing to divide by, so no bonus either way.
 * - `range` [L, U] (both inclusive): 100 when `L <= R <= U`. Outside, the nearest bound B (L below
 *   the range, U above it) is the target and the {@link RangeBetter} direction names the rule:
 *   `lower` and `higher` apply their rule on both sides; `inside` applies the higher rule below
 *   (R should be at least L) and the lower rule above (R should be at most U). Against a positive
 *   bound the lower rule is the ratio `B / R * 100`, not `(2B - R) / B`: it is the only reading that
 *   gives domain.md's example (6.5 months against 7-8 months, lower is better: 7 / 6.5 = 107.69;
 *   the point formula would give 107.14). The ratio is held at 200 once R is at or below half the
 *   bound (it would otherwise grow without limit and divide by zero at R = 0); 200 is also what the
 *   point formula gives at R = 0. The higher rule against a positive bound is `R / B` either way.
 *   Against a zero or negative bound the point rules above apply.
 * - Floor 0 for every polarity (a higher-is-better realization below zero does not score below 0).
 * - Then the cap, if any.
 *
 * Realizations may be negative (economic growth can be); they must be finite. A result too large to
 * represent (a huge realization against a tiny target, with no cap) throws.
 */
export function achievement(
  polarity: Polarity,
  target: TargetValue,
  realized: number | null | undefined,
  options: AchievementOptions = {},
): number | null {
  if (!(polarities as readonly string[]).includes(polarity))
    throw new RangeError(`Arah indikator "${String(polarity)}" tidak dikenal`);
  const shape = targetShapeProblems(polarity, target, 'Target');
  if (shape.length > 0) throw new RangeError(shape[0].message);
  const cap = options.cap ?? null;
  const capError = validateCap(cap)[0];
  if (capError) throw new RangeError(capError.message);
  const rangeBetter = options.rangeBetter ?? DEFAULT_RANGE_BETTER;
  if (!(rangeBetterValues as readonly string[]).includes(rangeBetter))
    throw new RangeError(`Arah rentang "${String(rangeBetter)}" tidak dikenal`);
  if (polarity === 'range' && (target.lower as number) > (target.upper as number))
    throw new RangeError(
      `Batas bawah target (${formatNumber(target.lower as number)}) lebih besar dari batas atas (${formatNumber(target.upper as number)})`,
    );

  if (!present(realized)) return null;
  if (!finite(realized)) throw new RangeError('Realisasi harus berupa angka');

  let a =
    polarity === 'range'
      ? rangeAchievement(target.lower as number, target.upper as number, realized, rangeBetter)
      : pointAchievement(
          polarity === 'higher_is_better' ? 'higher' : 'lower',
          target.value as number,
          realized,
        );
  if (cap !== null) a = Math.min(a, cap);
  if (!Number.isFinite(a))
    throw new RangeError('Capaian terlalu besar untuk dihitung: periksa target dan realisasi');
  return a;
}

type Rule = 'higher' | 'lower';

/** The point formulas against target t (any sign), floored at 0. */
function pointAchievement(rule: Rule, t: number, r: number): number {
  if (t === 0) return (rule === 'higher' ? r >= 0 : r <= 0) ? 100 : 0;
  const ratio = t > 0 === (rule === 'higher') ? r / t : 2 - r / t;
  return Math.max(0, ratio * 100);
}

function rangeAchievement(lower: number, upper: number, r: number, better: RangeBetter): number {
  if (r >= lower && r <= upper) return 100;
  const below = r < lower;
  const bound = below ? lower : upper;
  const rule: Rule = better === 'inside' ? (below ? 'higher' : 'lower') : better;
  if (rule === 'lower' && bound > 0) return r <= bound / 2 ? 200 : (bound / r) * 100;
  return pointAchievement(rule, bound, r);
}

/**
 * Problems with a region's achievement cap: none when it is null (no cap); otherwise it must be a
 * number of at least 100, because a cap below 100 would mark a met target as missed.
 */
export function validateCap(cap: unknown): FieldError[] {
  if (cap === null || cap === undefined) return [];
  if (!finite(cap)) return [{ path: 'cap', message: 'Batas atas capaian harus berupa angka' }];
  if (cap < 100) return [{ path: 'cap', message: 'Batas atas capaian paling kecil 100' }];
  return [];
}

/** `n` with its decimal point moved `e` places, through the decimal text so 1.005 stays 1.005. */
function shift(n: number, e: number): number {
  const [mantissa, exponent = '0'] = String(n).split('e');
  return Number(`${mantissa}e${Number(exponent) + e}`);
}

/**
 * Rounds half up (away from zero) to 2 decimals, on the decimal value as written: 1.005 gives 1.01
 * and 107.6923... gives 107.69. For presentation; the engine itself never rounds.
 */
export function round2(n: number): number {
  if (!finite(n)) throw new RangeError('Nilai yang dibulatkan harus berupa angka');
  const sign = Math.sign(n);
  return sign * shift(Math.round(shift(Math.abs(n), 2)), -2) || 0;
}

// ---------------------------------------------------------------------------------------------
// Year value from reporting periods
// ---------------------------------------------------------------------------------------------

/** The statuses of a realization report (domain.md section 3), checked at run time. */
const realizationStatuses = [
  'draft',
  'submitted',
  'verified',
  'returned',
] as const satisfies readonly RealizationStatus[];

/** One period's realization of one indicator as the services load it. */
export interface PeriodRealization {
  /** The period's key as periods.domain.ts writes it: `2026`, `2026-S1`, `2026-Q3` or `2026-M07`. */
  period: string;
  /** May be null only while the report is a draft or returned. */
  value: number | null;
  status: RealizationStatus;
}

const perYearOf: Record<Frequency, number> = { monthly: 12, quarterly: 4, semester: 2, yearly: 1 };
/** Reporting periods in a year for a reporting frequency. */
export const periodsPerYear = (frequency: Frequency): number => {
  const n = Object.hasOwn(perYearOf, frequency) ? perYearOf[frequency] : undefined;
  if (n === undefined) throw new RangeError(`Frekuensi pelaporan "${String(frequency)}" tidak dikenal`);
  return n;
};

/**
 * `official`: only verified realizations (what scores, predicates, rankings and sanctions use).
 * `provisional`: verified and submitted ones (what the OPD sees while verification is pending).
 */
export type ValueMode = 'official' | 'provisional';

export interface YearValue {
  /** The year value so far; null when no period counts. Not rounded. */
  value: number | null;
  /** True when a submitted, not yet verified, value was counted: show it as sementara. */
  provisional: boolean;
  /** Periods that counted. */
  counted: number;
  /** The last period that counted, in period order. */
  lastPeriod: string | null;
}

/**
 * The value of an indicator for a year from its periods (domain.md section 4): `sum` adds the
 * periods that count, `latest` takes the last of them in period order (not in input order),
 * `average` averages them. Drafts and returned reports never count. Periods not yet reported are
 * simply absent, so a `sum` is the total so far and an `average` the average of what was reported.
 * Throws when the periods are not one indicator's year: unreadable or duplicate period keys, two
 * years, two frequencies, or a counted report without a finite value.
 */
export function yearValue(
  aggregation: Aggregation,
  periods: readonly PeriodRealization[],
  mode: ValueMode,
): YearValue {
  const parsed = checkPeriods(periods);
  const counts = (s: RealizationStatus) => s === 'verified' || (mode === 'provisional' && s === 'submitted');
  const rows = parsed.filter(({ p }) => counts(p.status)).sort((a, b) => a.at.index - b.at.index);
  for (const { p, at } of rows)
    if (!finite(p.value)) throw new RangeError(`Nilai realisasi ${at.label} harus berupa angka`);
  if (rows.length === 0) return { value: null, provisional: false, counted: 0, lastPeriod: null };
  const values = rows.map(({ p }) => p.value as number);
  const last = rows[rows.length - 1].p;
  let value: number;
  if (aggregation === 'sum') value = values.reduce((a, b) => a + b, 0);
  else if (aggregation === 'latest') value = last.value as number;
  else if (aggregation === 'average') value = mean(values);
  else throw new RangeError(`Cara agregasi "${String(aggregation)}" tidak dikenal`);
  return {
    value,
    provisional: rows.some(({ p }) => p.status === 'submitted'),
    counted: rows.length,
    lastPeriod: last.period,
  };
}

/**
 * The periods with their parsed keys (`parsePeriodKey` of periods.domain.ts), after checking they
 * form one indicator's year: readable keys, known statuses, no key twice, one year, one frequency.
 */
export function checkPeriods(periods: readonly PeriodRealization[]): { p: PeriodRealization; at: Period }[] {
  const out: { p: PeriodRealization; at: Period }[] = [];
  const seen = new Set<string>();
  for (const p of periods) {
    const at = parsePeriodKey(p.period);
    if (!at)
      throw new RangeError(`Periode "${p.period}" tidak dikenali (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07)`);
    if (!(realizationStatuses as readonly string[]).includes(p.status))
      throw new RangeError(`Status realisasi "${String(p.status)}" tidak dikenal`);
    if (seen.has(p.period)) throw new RangeError(`Realisasi ${at.label} tercantum dua kali`);
    seen.add(p.period);
    const first = out[0]?.at;
    if (first && first.year !== at.year)
      throw new RangeError(`${at.label} berada di tahun yang berbeda dari ${first.label}`);
    if (first && first.frequency !== at.frequency)
      throw new RangeError(`${at.label} berbeda frekuensi pelaporan dengan ${first.label}`);
    out.push({ p, at });
  }
  return out;
}

/** Mean of finite numbers without overflow, kept within their minimum and maximum. */
function mean(values: readonly number[]): number {
  let m = 0;
  for (const v of values) m += v / values.length;
  return clamp(m, values);
}

function clamp(x: number, values: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Math.min(hi, Math.max(lo, x));
}

/** An indicator as the year's achievement needs it. */
export interface IndicatorTerms {
  polarity: Polarity;
  aggregation: Aggregation;
  /** The target of the year being scored. */
  target: TargetValue;
  rangeBetter?: RangeBetter;
}

export interface YearAchievement extends YearValue {
  /** Achievement of the year value against the year's target, capped; null without a value. */
  achievement: number | null;
}

/**
 * The year value of an indicator and its achievement against the year's target, in one step. A
 * `sum` indicator is compared with the full year's target even mid-year (the achievement grows as
 * periods are reported); the early warning projects the year end instead.
 */
export function yearAchievement(
  indicator: IndicatorTerms,
  periods: readonly PeriodRealization[],
  mode: ValueMode,
  options: { cap?: number | null } = {},
): YearAchievement {
  const v = yearValue(indicator.aggregation, periods, mode);
  return {
    ...v,
    achievement: achievement(indicator.polarity, indicator.target, v.value, {
      cap: options.cap,
      rangeBetter: indicator.rangeBetter,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Roll-up
// ---------------------------------------------------------------------------------------------

/** One item of a roll-up: an achievement or a score, with its weight. */
export interface WeightedValue {
  /** Names the item in messages and in theme contributions. */
  key?: string;
  /** Null when the item has no value yet (nothing verified): left out of the mean. */
  value: number | null;
  /** Absent on every item: equal weights. Zero: kept for information, never counted. */
  weight?: number | null;
}

export interface RollUp {
  /** Weighted mean of the counted items; null when none counts. Not rounded. */
  value: number | null;
  /** Items with a value and a positive weight. */
  counted: number;
  /** Items with a positive weight ("3 of 4 indicators reported"). */
  total: number;
}

const name = (i: WeightedValue, index: number) => (i.key ? `"${i.key}"` : `ke-${index + 1}`);

/**
 * The weighted mean `sum(w * v) / sum(w)` over the items that have a value (domain.md: roll-up is a
 * weighted mean of achievements). Items without a value are left out and the weights of the others
 * renormalised, so a missing report does not count as 0 (it is flagged as stale instead); the
 * result says how many counted. Weights are relative (they need not add up to 100). Either every
 * item has a weight or none has (then all weigh the same); a zero weight leaves the item out of
 * both `counted` and `total`. Negative or non-finite weights, and negative or non-finite values
 * (achievements are never below 0), throw. The mean always lies between the smallest and the
 * largest counted value (clamped against floating-point noise) and cannot overflow.
 */
export function rollUp(items: readonly WeightedValue[], options: { weightsRequired?: boolean } = {}): RollUp {
  const given = items.filter((i) => present(i.weight)).length;
  if (options.weightsRequired && given < items.length) {
    const missing = items.findIndex((i) => !present(i.weight));
    throw new RangeError(`Bobot butir ${name(items[missing], missing)} wajib diisi`);
  }
  if (given > 0 && given < items.length)
    throw new RangeError('Bobot harus diisi untuk semua butir atau dikosongkan untuk semua butir');
  const rows = items.map((item, index) => {
    const w = given > 0 ? item.weight : 1;
    if (!finite(w) || w < 0)
      throw new RangeError(`Bobot butir ${name(item, index)} harus berupa angka yang tidak negatif`);
    const v = item.value ?? null;
    if (v !== null && (!finite(v) || v < 0))
      throw new RangeError(`Nilai butir ${name(item, index)} harus berupa angka yang tidak negatif`);
    return { w, v };
  });
  const weighted = rows.filter((r) => r.w > 0);
  const counted = weighted.filter((r): r is { w: number; v: number } => r.v !== null);
  if (counted.length === 0) return { value: null, counted: 0, total: weighted.length };
  // Scale the weights by the largest so neither the weight sum nor w * v can overflow.
  const wMax = counted.reduce((m, r) => Math.max(m, r.w), 0);
  const wSum = counted.reduce((s, r) => s + r.w / wMax, 0);
  const value = counted.reduce((s, r) => s + (r.w / wMax / wSum) * r.v, 0);
  return {
    value: clamp(
      value,
      counted.map((r) => r.v),
    ),
    counted: counted.length,
    total: weighted.length,
  };
}

/**
 * A program's (proposal's) score: its indicators' achievements weighted by the indicator weights
 * of the contract, which every indicator must have.
 */
export const programScore = (indicators: readonly WeightedValue[]): RollUp =>
  rollUp(indicators, { weightsRequired: true });

/**
 * An OPD's score from its programs: equal weights unless weights are given (e.g. the budget of each
 * program, if a region decides so). Each program counts once for the OPD that leads it.
 */
export const unitScore = (programs: readonly WeightedValue[]): RollUp => rollUp(programs);

/** A mission's score: the mean of its themes (or programs), equal weights unless given. */
export const missionScore = (items: readonly WeightedValue[]): RollUp => rollUp(items);

/**
 * The region's score: the mean of its OPDs' scores, equal weights unless given. OPDs rather than
 * missions, so an OPD serving several themes is not counted several times.
 */
export const regionScore = (units: readonly WeightedValue[]): RollUp => rollUp(units);

/** The outcome indicator's default share of a theme's score, in percent. */
export const DEFAULT_OUTCOME_WEIGHT = 50;

/** One unit contributing to a theme: its contribution share and the score of its own indicators. */
export interface ThemeContributor {
  key: string;
  /** Contribution share (percent of the program, lead and collaborators); relative, renormalised. */
  share: number;
  /** The score of the unit's own indicators for the theme ({@link programScore}); null if none yet. */
  score: number | null;
}

export interface ThemeContribution {
  key: string;
  share: number;
  score: number | null;
  /** Percent of the theme's score this contributor determines; 0 when it does not count. */
  weight: number;
  /** Points of the theme's score from this contributor (`weight / 100 * score`); null when it does not count. */
  points: number | null;
}

export interface ThemeScore extends RollUp {
  /** The shared outcome indicator's achievement, as given. */
  outcome: number | null;
  /** Percent of the theme's score the outcome determines (0 when it has no value). */
  outcomeWeight: number;
  /** Share-weighted mean of the contributors' scores. */
  contributorsScore: number | null;
  /** Per contributor, in input order. With the outcome's points they add up to the score. */
  contributions: ThemeContribution[];
}

/**
 * A theme's score (domain.md: "combines its shared outcome indicator with each contributor's own
 * indicators, weighted by contribution share"):
 *
 *   theme = w * outcome + (1 - w) * sum(share_i * score_i) / sum(share_i)
 *
 * with w = `outcomeWeight` / 100 (default 50 %: the shared result and the units' own work count
 * the same). Missing parts are left out like in {@link rollUp}: without an outcome value the theme
 * is the contributors' part alone, without any contributor score the outcome alone, with neither
 * null. `counted` and `total` count contributors (with a positive share). Each contributor's
 * `weight` and `points` show how much of the theme it carries.
 */
export function themeScore(
  input: { outcome: number | null; contributors: readonly ThemeContributor[] },
  outcomeWeight: number = DEFAULT_OUTCOME_WEIGHT,
): ThemeScore {
  if (!finite(outcomeWeight) || outcomeWeight < 0 || outcomeWeight > 100)
    throw new RangeError('Bobot indikator hasil tema harus antara 0 dan 100');
  const keys = new Set<string>();
  for (const c of input.contributors) {
    if (keys.has(c.key)) throw new RangeError(`Kontributor "${c.key}" tercantum dua kali`);
    keys.add(c.key);
  }
  const contributors = rollUp(
    input.contributors.map((c) => ({ key: c.key, value: c.score, weight: c.share })),
    { weightsRequired: true },
  );
  const parts = rollUp([
    { key: 'hasil', value: input.outcome, weight: outcomeWeight },
    { key: 'kontributor', value: contributors.value, weight: 100 - outcomeWeight },
  ]);
  const outcomeOn = input.outcome !== null && outcomeWeight > 0;
  const contributorsOn = contributors.value !== null && outcomeWeight < 100;
  const partSum = (outcomeOn ? outcomeWeight : 0) + (contributorsOn ? 100 - outcomeWeight : 0);
  const contributorsPart = contributorsOn ? ((100 - outcomeWeight) / partSum) * 100 : 0;
  const shareSum = input.contributors.reduce(
    (s, c) => s + (c.score !== null && c.share > 0 ? c.share : 0),
    0,
  );
  return {
    value: parts.value,
    counted: contributors.counted,
    total: contributors.total,
    outcome: input.outcome,
    outcomeWeight: outcomeOn ? (outcomeWeight / partSum) * 100 : 0,
    contributorsScore: contributors.value,
    contributions: input.contributors.map((c) => {
      const counts = contributorsOn && c.score !== null && c.share > 0;
      const weight = counts ? (contributorsPart * c.share) / shareSum : 0;
      return {
        key: c.key,
        share: c.share,
        score: c.score,
        weight,
        points: counts ? (weight / 100) * (c.score as number) : null,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------------

/** The five predicates, from the lowest band up. */
export const predicateCodes = ['sangat_kurang', 'kurang', 'cukup', 'baik', 'sangat_baik'] as const;
export type PredicateCode = (typeof predicateCodes)[number];

/** A band of the predicate scale: a score of at least `min` (and below the next band's) earns it. */
export interface PredicateBand {
  code: PredicateCode;
  /** What the region calls it; the default labels are the LKjIP ones. */
  label: string;
  /** Lower bound, inclusive, at most 2 decimals. */
  min: number;
}

/**
 * The default scale (domain.md section 4): `>= 91` Sangat Baik, `76-90` Baik, `66-75` Cukup, `51-65`
 * Kurang, `<= 50` Sangat Kurang. The bounds are lower bounds, so the gaps of the whole-number text
 * are closed: 90.5 is Baik, 75.99 Cukup, 50.99 Sangat Kurang.
 */
export const DEFAULT_BANDS: readonly PredicateBand[] = Object.freeze([
  { code: 'sangat_kurang', label: 'Sangat Kurang', min: 0 },
  { code: 'kurang', label: 'Kurang', min: 51 },
  { code: 'cukup', label: 'Cukup', min: 66 },
  { code: 'baik', label: 'Baik', min: 76 },
  { code: 'sangat_baik', label: 'Sangat Baik', min: 91 },
] as const);

const MAX_BAND_MIN = 200;

/**
 * Problems with a region's predicate bands, each with its path (`bands.2.min`) and a message in
 * Bahasa Indonesia: exactly five bands, in the order Sangat Kurang to Sangat Baik (by code), each
 * with a label (no two alike) and a lower bound between 0 and 200 with at most 2 decimals; the
 * lowest starts at 0 (so every score has a predicate) and each is higher than the one before.
 */
export function validateBands(bands: readonly PredicateBand[]): FieldError[] {
  const out: FieldError[] = [];
  if (!Array.isArray(bands) || bands.length !== predicateCodes.length)
    return [{ path: 'bands', message: 'Predikat harus terdiri dari lima tingkat' }];
  const labels = new Map<string, number>();
  let previous: number | null = null;
  bands.forEach((b, i) => {
    const p = `bands.${i}`;
    const expected = DEFAULT_BANDS[i];
    if (b.code !== expected.code)
      out.push({ path: `${p}.code`, message: `Tingkat ke-${i + 1} harus predikat ${expected.label}` });
    const label = typeof b.label === 'string' ? b.label.trim() : '';
    if (label === '') out.push({ path: `${p}.label`, message: 'Nama predikat wajib diisi' });
    else if (labels.has(label.toLowerCase()))
      out.push({
        path: `${p}.label`,
        message: `Nama predikat "${label}" sudah dipakai pada tingkat ke-${(labels.get(label.toLowerCase()) as number) + 1}`,
      });
    else labels.set(label.toLowerCase(), i);
    if (!finite(b.min)) {
      out.push({ path: `${p}.min`, message: 'Batas bawah predikat harus berupa angka' });
      return;
    }
    if (b.min < 0 || b.min > MAX_BAND_MIN)
      out.push({ path: `${p}.min`, message: `Batas bawah predikat harus antara 0 dan ${MAX_BAND_MIN}` });
    else if (hundredths(b.min) === null)
      out.push({ path: `${p}.min`, message: 'Batas bawah predikat paling banyak 2 angka desimal' });
    else if (i === 0 && b.min !== 0)
      out.push({ path: `${p}.min`, message: 'Batas bawah predikat terendah harus 0' });
    else if (previous !== null && b.min <= previous)
      out.push({
        path: `${p}.min`,
        message: `Batas bawah predikat harus lebih tinggi dari tingkat sebelumnya (${formatNumber(previous)})`,
      });
    previous = b.min;
  });
  return out;
}

/**
 * The predicate of a score: the highest band whose lower bound the score, rounded half up to 2
 * decimals as it is shown, reaches (90.994 shows as 90.99 and is Baik; 90.995 shows as 91.00 and is
 * Sangat Baik). Null for no score. Throws for a negative or non-finite score and for bands that
 * {@link validateBands} rejects.
 */
export function predicate(
  score: number | null,
  bands: readonly PredicateBand[] = DEFAULT_BANDS,
): PredicateBand | null {
  if (bands !== DEFAULT_BANDS) {
    const problem = validateBands(bands)[0];
    if (problem) throw new RangeError(problem.message);
  }
  if (score === null) return null;
  if (!finite(score) || score < 0) throw new RangeError('Nilai harus berupa angka yang tidak negatif');
  const shown = round2(score);
  let found = bands[0];
  for (const b of bands) if (shown >= b.min) found = b;
  return found;
}
