import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Aggregation } from '../auction/proposal.domain.js';
import type { Polarity } from '../auction/terms.js';
import { DEFAULT_BANDS, round2, type PeriodRealization, type PredicateBand } from './achievement.domain.js';
import {
  earlyWarning,
  expectedTrajectory,
  isStale,
  projectYearEnd,
  trafficLight,
  type IndexedValue,
  type Light,
} from './early-warning.domain.js';
import { docTables } from '../../../../test/support/doc-tables.js';

// ---------------------------------------------------------------------------------------------
// docs/achievement.md, table 5
// ---------------------------------------------------------------------------------------------

const tableUnder = docTables('achievement.md');

const num = (cell: string): number | null => {
  if (cell === '—') return null;
  const n = Number(cell);
  if (!Number.isFinite(n)) throw new Error(`Not a number: "${cell}"`);
  return n;
};
const shown = (n: number | null) => (n === null ? null : round2(n));

describe('docs/achievement.md, table 5: worked early warnings', () => {
  const rows = tableUnder('Table 5');
  it('shows every light and every aggregation', () => {
    expect(new Set(rows.map((r) => r[9]))).toEqual(new Set(['red', 'amber', 'green', '—']));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['sum', 'latest', 'average']));
  });

  it.each(rows.map((r, i) => [i + 1, r] as const))(
    'row %s',
    (
      _,
      [polarity, aggregation, baseline, target, perYear, verifiedCell, expected, projected, achieved, light],
    ) => {
      const verified: IndexedValue[] =
        verifiedCell === '—'
          ? []
          : verifiedCell.split(';').map((v) => {
              const [index, value] = v.split(':').map((s) => Number(s.trim()));
              return { index, value };
            });
      const n = Number(perYear);
      const agg = aggregation as Aggregation;
      expect(expectedTrajectory(agg, num(baseline), num(target) as number, n).map(round2)).toEqual(
        expected.split(';').map((e) => Number(e.trim())),
      );
      const p = projectYearEnd(agg, verified, n);
      expect(shown(p)).toBe(num(projected));
      // The same through earlyWarning, from period keys (all examples are quarterly or semester).
      const frequency = n === 4 ? 'quarterly' : 'semester';
      const key = (i: number) => `2026-${n === 4 ? 'Q' : 'S'}${i}`;
      const w = earlyWarning({
        polarity: polarity as Polarity,
        aggregation: agg,
        baseline: num(baseline),
        target: { value: num(target) },
        frequency,
        realizations: verified.map((v) => ({ period: key(v.index), value: v.value, status: 'verified' })),
      });
      expect(shown(w.projected)).toBe(num(projected));
      expect(shown(w.projectedAchievement)).toBe(num(achieved));
      expect(w.light ?? '—').toBe(light);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// expectedTrajectory
// ---------------------------------------------------------------------------------------------

describe('expectedTrajectory', () => {
  it('runs from the baseline to the target for latest and average', () => {
    expect(expectedTrajectory('latest', 120, 100, 4)).toEqual([115, 110, 105, 100]);
    expect(expectedTrajectory('average', 55, 90, 4)).toEqual([63.75, 72.5, 81.25, 90]);
    expect(expectedTrajectory('latest', 40, 60, 1)).toEqual([60]);
  });

  it('starts a sum at 0 whatever the baseline', () => {
    expect(expectedTrajectory('sum', 950, 1200, 4)).toEqual([300, 600, 900, 1200]);
    expect(expectedTrajectory('sum', null, 1200, 2)).toEqual([600, 1200]);
  });

  it('ends exactly at the target, even where floating point would drift', () => {
    for (const n of [1, 2, 3, 4, 7, 12]) {
      expect(expectedTrajectory('latest', 0.1, 0.3, n).at(-1)).toBe(0.3);
      expect(expectedTrajectory('sum', null, 0.7, n).at(-1)).toBe(0.7);
    }
  });

  it('is flat when the target equals the baseline, and handles huge values', () => {
    expect(expectedTrajectory('latest', 5, 5, 12)).toEqual(Array(12).fill(5));
    expect(expectedTrajectory('latest', 1e308, 1.5e308, 2)).toEqual([1.25e308, 1.5e308]);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %s periods per year', (n) => {
    expect(() => expectedTrajectory('sum', null, 1, n)).toThrow(
      'Jumlah periode per tahun harus bilangan bulat positif',
    );
  });

  it('needs a baseline for latest and average, and a finite target', () => {
    expect(() => expectedTrajectory('latest', null, 1, 4)).toThrow(
      'Titik nol harus berupa angka untuk lintasan target',
    );
    expect(() => expectedTrajectory('average', Number.NaN, 1, 4)).toThrow(RangeError);
    expect(() => expectedTrajectory('sum', null, Number.POSITIVE_INFINITY, 4)).toThrow(
      'Target harus berupa angka',
    );
    expect(() => expectedTrajectory('median' as Aggregation, 1, 1, 4)).toThrow(
      'Cara agregasi "median" tidak dikenal',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// projectYearEnd
// ---------------------------------------------------------------------------------------------

const pts = (...values: (number | null)[]): IndexedValue[] =>
  values.flatMap((value, i) => (value === null ? [] : [{ index: i + 1, value }]));

describe('projectYearEnd', () => {
  it('has no projection without a verified period', () => {
    for (const a of ['sum', 'latest', 'average'] as const) expect(projectYearEnd(a, [], 12)).toBeNull();
  });

  it('latest: follows the least-squares line to the last period', () => {
    expect(projectYearEnd('latest', pts(118, 112), 4)).toBeCloseTo(100, 10);
    // Noisy points: the line through (1,10) (2,14) (3,12) is 10 + 1 * x ... y = 10 + x.
    expect(projectYearEnd('latest', pts(10, 14, 12), 12)).toBeCloseTo(22, 10);
    expect(projectYearEnd('latest', pts(null, 20, null, 40), 12)).toBeCloseTo(120, 10);
  });

  it('latest: a single period gives a flat line; a verified last period is the value itself', () => {
    expect(projectYearEnd('latest', pts(7), 12)).toBe(7);
    expect(projectYearEnd('latest', pts(1, 2, 3, 10), 4)).toBe(10);
    expect(projectYearEnd('latest', pts(5), 1)).toBe(5);
  });

  it('average: the verified values with the line for the open periods', () => {
    expect(projectYearEnd('average', pts(60, 62), 4)).toBeCloseTo(63, 10);
    expect(projectYearEnd('average', pts(60, 62, 64, 10), 4)).toBe(49);
    expect(projectYearEnd('average', pts(60, null, 64), 4)).toBeCloseTo(63, 10);
    expect(projectYearEnd('average', pts(8), 2)).toBe(8);
  });

  it('sum: the run rate of the verified periods over the whole year', () => {
    expect(projectYearEnd('sum', pts(240, 300), 4)).toBe(1080);
    expect(projectYearEnd('sum', pts(100, null, 200), 4)).toBe(600);
    expect(projectYearEnd('sum', pts(1, 2, 3, 4), 4)).toBe(10);
    expect(projectYearEnd('sum', pts(0, 0), 12)).toBe(0);
  });

  it('ignores the input order', () => {
    const p = pts(118, 112, 109);
    for (const a of ['sum', 'latest', 'average'] as const)
      expect(projectYearEnd(a, [...p].reverse(), 12)).toBeCloseTo(projectYearEnd(a, p, 12) as number, 9);
  });

  it('handles negative and huge values without overflow', () => {
    expect(projectYearEnd('latest', pts(-1, -2), 4)).toBeCloseTo(-4, 10);
    expect(projectYearEnd('latest', pts(1e307, 2e307), 4)).toBeCloseTo(4e307, -295);
    expect(projectYearEnd('sum', pts(1.7e308, 1.7e308), 2)).toBe(Number.POSITIVE_INFINITY);
    expect(projectYearEnd('average', pts(1.7e308, 1.7e308), 2)).toBeCloseTo(1.7e308, -296);
  });

  it.each([
    [[{ index: 0, value: 1 }], 'Periode ke-0 di luar 1 sampai 4'],
    [[{ index: 5, value: 1 }], 'Periode ke-5 di luar 1 sampai 4'],
    [[{ index: 1.5, value: 1 }], 'Periode ke-1.5 di luar 1 sampai 4'],
    [
      [
        { index: 2, value: 1 },
        { index: 2, value: 3 },
      ],
      'Periode ke-2 tercantum dua kali',
    ],
    [[{ index: 1, value: Number.NaN }], 'Nilai periode ke-1 harus berupa angka'],
  ])('rejects broken periods (%#)', (p, message) => {
    expect(() => projectYearEnd('latest', p, 4)).toThrow(message);
  });

  it('rejects an unknown aggregation or a bad number of periods', () => {
    expect(() => projectYearEnd('median' as Aggregation, pts(1), 4)).toThrow(
      'Cara agregasi "median" tidak dikenal',
    );
    expect(() => projectYearEnd('sum', pts(1), 0)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// trafficLight and isStale
// ---------------------------------------------------------------------------------------------

describe('trafficLight', () => {
  it.each([
    [0, 'red'],
    [50.99, 'red'],
    [50.994, 'red'],
    [50.995, 'amber'],
    [51, 'amber'],
    [65.99, 'amber'],
    [66, 'amber'],
    [75.99, 'amber'],
    [76, 'green'],
    [90.5, 'green'],
    [91, 'green'],
    [200, 'green'],
  ])('%s is %s with the default bands', (a, light) => {
    expect(trafficLight(a)).toBe(light);
  });

  it('is null without a projection', () => {
    expect(trafficLight(null)).toBeNull();
  });

  it("follows the region's bands", () => {
    const bands: PredicateBand[] = DEFAULT_BANDS.map((b) => ({ ...b, min: b.min === 0 ? 0 : b.min + 4 }));
    expect([54.99, 55, 79.99, 80].map((a) => trafficLight(a, bands))).toEqual([
      'red',
      'amber',
      'amber',
      'green',
    ]);
  });

  it('refuses negative or non-finite achievements', () => {
    expect(() => trafficLight(-1)).toThrow(RangeError);
    expect(() => trafficLight(Number.NaN)).toThrow(RangeError);
  });
});

describe('isStale', () => {
  const deadline = new Date('2026-02-10T16:59:59.999Z');
  const at = (ms: number) => new Date(deadline.getTime() + ms);

  it('is stale only strictly after the deadline and without a report', () => {
    expect(isStale(deadline, at(-1), false)).toBe(false);
    expect(isStale(deadline, at(0), false)).toBe(false);
    expect(isStale(deadline, at(1), false)).toBe(true);
    expect(isStale(deadline, at(86_400_000 * 365), false)).toBe(true);
  });

  it('is never stale with a report', () => {
    for (const ms of [-1, 0, 1, 1e12]) expect(isStale(deadline, at(ms), true)).toBe(false);
  });

  it('rejects invalid dates', () => {
    expect(() => isStale(new Date('x'), deadline, false)).toThrow('Batas waktu laporan tidak valid');
    expect(() => isStale(deadline, new Date(Number.NaN), false)).toThrow('Waktu sekarang tidak valid');
    expect(() => isStale('2026-02-10' as unknown as Date, deadline, false)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// earlyWarning
// ---------------------------------------------------------------------------------------------

const r = (period: string, value: number | null, status: PeriodRealization['status'] = 'verified') => ({
  period,
  value,
  status,
});

describe('earlyWarning', () => {
  const base = {
    polarity: 'higher_is_better' as const,
    aggregation: 'sum' as const,
    baseline: null,
    target: { value: 1200 },
    frequency: 'quarterly' as const,
  };

  it('rests on verified periods only', () => {
    expect(
      earlyWarning({
        ...base,
        realizations: [
          r('2026-Q1', 150),
          r('2026-Q2', 150),
          r('2026-Q3', 900, 'submitted'),
          r('2026-Q4', null, 'draft'),
        ],
      }),
    ).toEqual({
      expected: [{ value: 300 }, { value: 600 }, { value: 900 }, { value: 1200 }],
      projected: 600,
      projectedAchievement: 50,
      light: 'red',
      basedOn: 2,
    });
  });

  it('has no projection and no light without a verified period', () => {
    expect(earlyWarning({ ...base, realizations: [r('2026-Q1', 500, 'submitted')] })).toMatchObject({
      projected: null,
      projectedAchievement: null,
      light: null,
      basedOn: 0,
    });
  });

  it('caps the projected achievement like the score, and uses the region bands', () => {
    const realizations = [r('2026-Q1', 600)];
    expect(earlyWarning({ ...base, realizations, cap: 120 }).projectedAchievement).toBe(120);
    const strict = DEFAULT_BANDS.map((b) => (b.code === 'baik' ? { ...b, min: 85 } : b)) as PredicateBand[];
    expect(earlyWarning({ ...base, realizations: [r('2026-Q1', 240)], bands: strict }).light).toBe('amber');
    expect(earlyWarning({ ...base, realizations: [r('2026-Q1', 240)] }).light).toBe('green');
  });

  it('draws one line per bound for a range, and scores the projection with the range direction', () => {
    const w = earlyWarning({
      polarity: 'range',
      rangeBetter: 'lower',
      aggregation: 'latest',
      baseline: 9,
      target: { lower: 7, upper: 8 },
      frequency: 'semester',
      realizations: [r('2026-S1', 6.5)],
    });
    expect(w.expected).toEqual([
      { lower: 8, upper: 8.5 },
      { lower: 7, upper: 8 },
    ]);
    expect(w.projected).toBe(6.5);
    expect(round2(w.projectedAchievement as number)).toBe(107.69);
    expect(w.light).toBe('green');
  });

  it('is red for a lower-is-better indicator heading the wrong way', () => {
    const w = earlyWarning({
      polarity: 'lower_is_better',
      aggregation: 'latest',
      baseline: 20,
      target: { value: 10 },
      frequency: 'monthly',
      realizations: [r('2026-M01', 20), r('2026-M02', 21), r('2026-M03', 22)],
    });
    expect(w.projected).toBeCloseTo(31, 10);
    expect(w.projectedAchievement).toBe(0);
    expect(w.light).toBe('red');
  });

  it('rejects periods of another frequency, a broken target and unknown frequencies', () => {
    expect(() => earlyWarning({ ...base, realizations: [r('2026-M01', 1)] })).toThrow(
      'Januari 2026 tidak sesuai frekuensi pelaporan indikator',
    );
    expect(() => earlyWarning({ ...base, target: { lower: 1, upper: 2 }, realizations: [] })).toThrow(
      'Target belum diisi',
    );
    expect(() => earlyWarning({ ...base, realizations: [r('2026-Q1', Number.NaN)] })).toThrow(
      'Nilai realisasi Triwulan I 2026 harus berupa angka',
    );
    expect(() => earlyWarning({ ...base, frequency: 'weekly' as 'monthly', realizations: [] })).toThrow(
      'Frekuensi pelaporan "weekly" tidak dikenal',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

const money = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((n) => n / 100);
const perYear = fc.constantFrom(1, 2, 4, 12);

describe('properties', () => {
  it('the trajectory moves steadily from the start to the target', () => {
    fc.assert(
      fc.property(money, money, perYear, (b, t, n) => {
        const line = expectedTrajectory('latest', b, t, n);
        expect(line).toHaveLength(n);
        expect(line[n - 1]).toBe(t);
        const [lo, hi] = b <= t ? [b, t] : [t, b];
        for (let i = 0; i < n; i++) {
          expect(line[i]).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(line[i]).toBeLessThanOrEqual(hi + 1e-9);
          if (i > 0) expect(Math.sign(line[i] - line[i - 1]) * Math.sign(t - b)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('data on a straight line is projected onto that line', () => {
    fc.assert(
      fc.property(
        money,
        money,
        fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { minLength: 2, maxLength: 11 }),
        (a, slope, idx) => {
          const p = idx.map((index) => ({ index, value: a + slope * index }));
          const tolerance = 1e-6 * (1 + Math.abs(a) + 12 * Math.abs(slope));
          expect(Math.abs((projectYearEnd('latest', p, 12) as number) - (a + slope * 12))).toBeLessThan(
            tolerance,
          );
          const yearAverage = a + slope * 6.5;
          expect(Math.abs((projectYearEnd('average', p, 12) as number) - yearAverage)).toBeLessThan(
            tolerance,
          );
        },
      ),
    );
  });

  it('a steady run rate is projected to rate times periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        (v, idx) => {
          expect(
            projectYearEnd(
              'sum',
              idx.map((index) => ({ index, value: v })),
              12,
            ),
          ).toBeCloseTo(v * 12, 6);
        },
      ),
    );
  });

  it('the light never gets worse as the projected achievement rises', () => {
    const order: Record<Light, number> = { red: 0, amber: 1, green: 2 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (x, y) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          expect(order[trafficLight(a) as Light]).toBeLessThanOrEqual(order[trafficLight(b) as Light]);
        },
      ),
    );
  });
});
