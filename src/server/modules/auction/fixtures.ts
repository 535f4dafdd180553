import type { Polarity, Terms } from './terms.js';

/**
 * Shared fixtures of the auction tests: the maternal mortality program of the demo story with one
 * indicator of each polarity. Used only by tests.
 */
export const FIXTURE_YEARS = [2026, 2027, 2028, 2029, 2030];
export const FIXTURE_TERM = { startYear: 2026, endYear: 2030 };

export const FIXTURE_INDICATORS: { key: string; name: string; polarity: Polarity; baseline: number }[] = [
  { key: 'aki', name: 'Angka kematian ibu', polarity: 'lower_is_better', baseline: 90 },
  { key: 'k4', name: 'Cakupan K4', polarity: 'higher_is_better', baseline: 88 },
  { key: 'rawat', name: 'Lama rawat', polarity: 'range', baseline: 6 },
];

/** The bid: AKI 85..65 falling, K4 90..98 rising, stay 3-5 days, two milestones. */
export const FIXTURE_TERMS: Terms = {
  targets: [
    ...[85, 80, 75, 70, 65].map((value, i) => ({ indicatorKey: 'aki', year: FIXTURE_YEARS[i], value })),
    ...[90, 92, 94, 96, 98].map((value, i) => ({ indicatorKey: 'k4', year: FIXTURE_YEARS[i], value })),
    ...FIXTURE_YEARS.map((year) => ({ indicatorKey: 'rawat', year, lower: 3, upper: 5 })),
  ],
  milestones: [
    { milestoneKey: 'pendataan', date: '2026-03-31' },
    { milestoneKey: 'kelas_ibu', date: '2027-06-30' },
  ],
  budget: FIXTURE_YEARS.map((year) => ({ year, amount: 1_000_000_000 })),
};
