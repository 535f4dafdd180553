import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Polarity, TargetValue } from '../auction/terms.js';
import {
  achievement,
  DEFAULT_BANDS,
  DEFAULT_OUTCOME_WEIGHT,
  missionScore,
  periodsPerYear,
  predicate,
  programScore,
  regionScore,
  rollUp,
  round2,
  themeScore,
  unitScore,
  validateBands,
  validateCap,
  yearAchievement,
  yearValue,
  type PeriodRealization,
  type PredicateBand,
  type RangeBetter,
  type WeightedValue,
} from './achievement.domain.js';
import type { RealizationStatus } from './periods.domain.js';
import { docTables } from '../../../../test/support/doc-tables.js';

// ---------------------------------------------------------------------------------------------
// docs/achievement.md: every worked example is recomputed here
// ---------------------------------------------------------------------------------------------

const tableUnder = docTables('achievement.md');

/** A number cell; "—" is null. */
const num = (cell: string): number | null => {
  if (cell === '—') return null;
  const n = Number(cell);
  if (!Number.isFinite(n)) throw new Error(`Not a number: "${cell}"`);
  return n;
};

/** `value × weight` or `value`, where value may be "—". */
const weighted = (cell: string): WeightedValue[] =>
  cell.split(';').map((part) => {
    const [value, weight] = part.split('×').map((s) => s.trim());
    return weight === undefined ? { value: num(value) } : { value: num(value), weight: num(weight) };
  });

const shown = (n: number | null) => (n === null ? null : round2(n));

describe('docs/achievement.md, table 1: worked achievements', () => {
  const rows = tableUnder('Table 1');
  it('has at least 12 examples, including the ones the issue asks for', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const how = rows.map((r) => r[8]).join(' ');
    for (const phrase of ['domain.md: 7 / 6.5', 'zero target', 'capped', 'floored at 0'])
      expect(how).toContain(phrase);
  });

  it.each(rows.map((r) => [r[0], r] as const))('row %s', (_, r) => {
    const [, polarity, outside, targetCell, realized, cap, expected, label] = r;
    const range = /^(-?[\d.]+)-(-?[\d.]+)$/.exec(targetCell);
    const target: TargetValue =
      polarity === 'range'
        ? { lower: Number(range![1]), upper: Number(range![2]) }
        : { value: num(targetCell) };
    const a = achievement(polarity as Polarity, target, num(realized), {
      cap: num(cap),
      rangeBetter: outside === '—' ? undefined : (outside as RangeBetter),
    });
    expect(shown(a)).toBe(num(expected));
    expect(predicate(a)?.label ?? '—').toBe(label);
  });
});

describe('docs/achievement.md, table 2: worked year values', () => {
  const periods = (cell: string): PeriodRealization[] =>
    cell.split(';').map((p) => {
      const m = /^(\S+): (\S+) (\w+)$/.exec(p.trim());
      if (!m) throw new Error(`Unreadable period "${p}"`);
      return { period: m[1], value: num(m[2]), status: m[3] as RealizationStatus };
    });
  const rows = tableUnder('Table 2');
  it('has examples of every aggregation', () => {
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['sum', 'latest', 'average']));
  });

  it.each(rows.map((r, i) => [i + 1, r] as const))(
    'row %s',
    (_, [aggregation, cell, official, provisional]) => {
      const ps = periods(cell);
      const o = yearValue(aggregation as 'sum', ps, 'official');
      expect(shown(o.value)).toBe(num(official));
      expect(o.provisional).toBe(false);
      const p = yearValue(aggregation as 'sum', ps, 'provisional');
      const marked = provisional.endsWith('(sementara)');
      expect(shown(p.value)).toBe(num(provisional.replace('(sementara)', '').trim()));
      expect(p.provisional).toBe(marked);
    },
  );
});

describe('docs/achievement.md, table 3: worked roll-ups', () => {
  const rows = tableUnder('Table 3');
  const levels = {
    Program: programScore,
    OPD: unitScore,
    Mission: missionScore,
    Region: regionScore,
  } as Record<string, (items: WeightedValue[]) => ReturnType<typeof rollUp>>;

  it('covers every level', () => {
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(Object.keys(levels)));
  });

  it.each(rows.map((r, i) => [i + 1, r] as const))('row %s', (_, [level, items, score, counted, label]) => {
    const r = levels[level](weighted(items));
    expect(shown(r.value)).toBe(num(score));
    expect(`${r.counted} of ${r.total}`).toBe(counted);
    expect(predicate(r.value)?.label ?? '—').toBe(label);
  });
});

describe('docs/achievement.md, table 4: worked theme scores', () => {
  const rows = tableUnder('Table 4');
  it.each(rows.map((r, i) => [i + 1, r] as const))(
    'row %s',
    (_, [outcome, outcomeWeight, contributorsCell, score, pointsCell, label]) => {
      const contributors = contributorsCell.split(';').map((c) => {
        const m = /^(\S+) (\S+) × (\S+)$/.exec(c.trim());
        if (!m) throw new Error(`Unreadable contributor "${c}"`);
        return { key: m[1], score: num(m[2]), share: num(m[3]) as number };
      });
      const t = themeScore({ outcome: num(outcome), contributors }, num(outcomeWeight) as number);
      expect(shown(t.value)).toBe(num(score));
      expect(predicate(t.value)?.label ?? '—').toBe(label);
      const points = new Map(
        pointsCell.split(';').map((p) => {
          const [k, v] = p.trim().split(' ');
          return [k, num(v)];
        }),
      );
      const outcomePoints = t.outcome === null ? null : (t.outcomeWeight / 100) * t.outcome;
      expect(shown(outcomePoints)).toBe(points.get('outcome'));
      for (const c of t.contributions) expect(shown(c.points)).toBe(points.get(c.key));
    },
  );
});

// ---------------------------------------------------------------------------------------------
// achievement
// ---------------------------------------------------------------------------------------------

const hi = (t: number, r: number | null, cap: number | null = null) =>
  achievement('higher_is_better', { value: t }, r, { cap });
const lo = (t: number, r: number | null, cap: number | null = null) =>
  achievement('lower_is_better', { value: t }, r, { cap });
const rg = (l: number, u: number, r: number | null, rangeBetter?: RangeBetter, cap: number | null = null) =>
  achievement('range', { lower: l, upper: u }, r, { rangeBetter, cap });

describe('achievement: higher is better', () => {
  it.each([
    [80, 80, 100],
    [80, 0, 0],
    [80, 40, 50],
    [80, 160, 200],
    [100, 100.5, 100.5],
    [0.5, 0.25, 50],
    [1e9, 5e8, 50],
  ])('target %s, realization %s: %s', (t, r, expected) => {
    expect(hi(t, r)).toBeCloseTo(expected, 10);
  });

  it('is R / T * 100 without rounding', () => {
    expect(hi(3, 1)).toBe((1 / 3) * 100);
  });

  it('floors a negative realization at 0', () => {
    expect(hi(50, -5)).toBe(0);
    expect(hi(50, -1e300)).toBe(0);
  });

  it('scores a zero target 100 when met (R >= 0) and 0 otherwise, without bonus', () => {
    expect([hi(0, 0), hi(0, 5), hi(0, 1e300), hi(0, -0.001), hi(0, -5)]).toEqual([100, 100, 100, 0, 0]);
  });

  it('treats a negative target by the relative distance: better realizations score higher', () => {
    expect(hi(-2, -2)).toBe(100);
    expect(hi(-2, -1)).toBe(150);
    expect(hi(-2, 0)).toBe(200);
    expect(hi(-2, -3)).toBe(50);
    expect(hi(-2, -4)).toBe(0);
    expect(hi(-2, -10)).toBe(0);
  });
});

describe('achievement: lower is better', () => {
  it.each([
    [10, 10, 100],
    [10, 8, 120],
    [10, 12, 80],
    [10, 0, 200],
    [10, 20, 0],
    [10, 25, 0],
    [20, 30, 50],
    [10, -2, 220],
  ])('target %s, realization %s: %s', (t, r, expected) => {
    expect(lo(t, r)).toBeCloseTo(expected, 10);
  });

  it('equals (2T - R) / T * 100', () => {
    for (const [t, r] of [
      [7, 6.5],
      [3, 2],
      [0.3, 0.1],
    ])
      expect(lo(t, r)).toBeCloseTo(((2 * t - r) / t) * 100, 10);
  });

  it('scores a zero target 100 when met (R <= 0) and 0 otherwise', () => {
    expect([lo(0, 0), lo(0, -1), lo(0, 0.001), lo(0, 3)]).toEqual([100, 100, 0, 0]);
  });

  it('treats a negative target by the relative distance', () => {
    expect(lo(-2, -2)).toBe(100);
    expect(lo(-2, -3)).toBe(150);
    expect(lo(-2, -1)).toBe(50);
    expect(lo(-2, 0)).toBe(0);
    expect(lo(-2, 5)).toBe(0);
  });
});

describe('achievement: range', () => {
  it('is 100 anywhere inside, bounds included, whatever the direction', () => {
    for (const d of ['inside', 'lower', 'higher', undefined] as const)
      for (const r of [7, 7.25, 8]) expect(rg(7, 8, r, d)).toBe(100);
    expect(rg(5, 5, 5)).toBe(100);
  });

  it("gives domain.md's example exactly: 6.5 against 7-8 months, lower is better, is 7 / 6.5 = 107.69", () => {
    const a = rg(7, 8, 6.5, 'lower') as number;
    expect(a).toBe((7 / 6.5) * 100);
    expect(round2(a)).toBe(107.69);
    expect(Math.round(a * 10) / 10).toBe(107.7);
  });

  it('lower: the ratio bound / R on both sides, held at 200 from half the lower bound down', () => {
    expect(rg(7, 8, 9, 'lower')).toBe((8 / 9) * 100);
    expect(rg(7, 8, 16, 'lower')).toBe(50);
    expect(rg(7, 8, 1e300, 'lower')).toBeCloseTo(0, 10);
    expect(rg(7, 8, 3.5, 'lower')).toBe(200);
    expect(rg(7, 8, 3.5000001, 'lower')).toBeLessThan(200);
    expect(rg(7, 8, 3.5000001, 'lower')).toBeGreaterThan(199.99);
    expect(rg(7, 8, 0, 'lower')).toBe(200);
    expect(rg(7, 8, -4, 'lower')).toBe(200);
  });

  it('higher: R / bound on both sides', () => {
    expect(rg(60, 70, 77, 'higher')).toBeCloseTo(110, 10);
    expect(rg(60, 70, 30, 'higher')).toBe(50);
    expect(rg(60, 70, -1, 'higher')).toBe(0);
  });

  it('inside (the default): both sides are a shortfall, never above 100', () => {
    expect(rg(1.5, 3.5, 4.2)).toBeCloseTo((3.5 / 4.2) * 100, 10);
    expect(rg(1.5, 3.5, 1.2)).toBeCloseTo(80, 10);
    expect(rg(1.5, 3.5, 7)).toBe(50);
    expect(rg(1.5, 3.5, 0)).toBe(0);
    expect(rg(1.5, 3.5, -0.5)).toBe(0);
    expect(rg(1.5, 3.5, 4.2, 'inside')).toBe(rg(1.5, 3.5, 4.2));
  });

  it('uses the zero-target rule against a zero bound and the point rules against a negative one', () => {
    expect(rg(0, 5, -1, 'lower')).toBe(100);
    expect(rg(0, 5, -1, 'inside')).toBe(0);
    expect(rg(-3, 0, 2, 'higher')).toBe(100);
    expect(rg(-3, 0, 2, 'inside')).toBe(0);
    expect(rg(-4, -2, -5, 'inside')).toBe(75);
    expect(rg(-4, -2, -5, 'lower')).toBe(125);
    expect(rg(-4, -2, -1, 'higher')).toBe(150);
  });
});

describe('achievement: cap, missing values and bad input', () => {
  it('applies the cap after the formula, to every polarity', () => {
    expect(hi(80, 100, 120)).toBe(120);
    expect(hi(80, 96, 120)).toBeCloseTo(120, 10);
    expect(hi(80, 90, 120)).toBe(112.5);
    expect(lo(10, 0, 150)).toBe(150);
    expect(rg(7, 8, 3, 'lower', 120)).toBe(120);
    expect(hi(80, 100, 100)).toBe(100);
  });

  it('returns null for no realization, after checking the rest', () => {
    expect(hi(80, null)).toBeNull();
    expect(achievement('higher_is_better', { value: 80 }, undefined)).toBeNull();
    expect(rg(7, 8, null)).toBeNull();
    expect(() => achievement('range', { value: 7 }, null)).toThrow(RangeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects a realization of %s',
    (r) => {
      expect(() => hi(80, r)).toThrow('Realisasi harus berupa angka');
      expect(() => rg(7, 8, r)).toThrow('Realisasi harus berupa angka');
    },
  );

  it('rejects targets of the wrong shape, with the messages of the proposal', () => {
    expect(() => achievement('higher_is_better', {}, 1)).toThrow('Target belum diisi');
    expect(() => achievement('higher_is_better', { value: Number.NaN }, 1)).toThrow(
      'Target harus berupa angka',
    );
    expect(() => achievement('lower_is_better', { value: 1, lower: 0 }, 1)).toThrow(
      'Target bukan rentang: isi satu nilai target saja',
    );
    expect(() => achievement('range', { lower: 1 }, 1)).toThrow('Batas atas target belum diisi');
    expect(() => achievement('range', { lower: 1, upper: 2, value: 3 }, 1)).toThrow(
      'Target berupa rentang: isi batas bawah dan batas atas',
    );
    expect(() => rg(8, 7, 7.5)).toThrow('Batas bawah target (8) lebih besar dari batas atas (7)');
  });

  it('rejects an unknown polarity or range direction', () => {
    expect(() => achievement('sideways' as Polarity, { value: 1 }, 1)).toThrow(
      'Arah indikator "sideways" tidak dikenal',
    );
    expect(() => rg(7, 8, 9, 'middle' as RangeBetter)).toThrow('Arah rentang "middle" tidak dikenal');
  });

  it.each([
    [99.99, 'Batas atas capaian paling kecil 100'],
    [0, 'Batas atas capaian paling kecil 100'],
    [Number.NaN, 'Batas atas capaian harus berupa angka'],
    [Number.POSITIVE_INFINITY, 'Batas atas capaian harus berupa angka'],
  ])('rejects a cap of %s', (cap, message) => {
    expect(() => hi(80, 80, cap)).toThrow(message);
    expect(validateCap(cap)).toEqual([{ path: 'cap', message }]);
  });

  it('accepts no cap and caps of 100 or more', () => {
    expect([validateCap(null), validateCap(undefined), validateCap(100), validateCap(150)]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('handles huge values, and refuses a result too large to represent unless capped', () => {
    expect(hi(1e300, 1e300)).toBe(100);
    expect(hi(1e-300, 1e-300)).toBe(100);
    expect(lo(1e300, 1.5e300)).toBeCloseTo(50, 10);
    expect(() => hi(1e-10, 1e300)).toThrow('Capaian terlalu besar untuk dihitung');
    expect(hi(1e-10, 1e300, 120)).toBe(120);
    expect(hi(Number.MAX_VALUE, Number.MAX_VALUE)).toBe(100);
  });
});

describe('round2', () => {
  it.each([
    [1.005, 1.01],
    [1.004, 1],
    [-1.005, -1.01],
    [107.6923076923077, 107.69],
    [90.995, 91],
    [90.994999, 90.99],
    [0.285, 0.29],
    [1e-7, 0],
    [-1e-7, 0],
    [1e21, 1e21],
    [100, 100],
  ])('%s -> %s', (n, expected) => {
    expect(round2(n)).toBe(expected);
  });

  it('rejects non-numbers', () => {
    expect(() => round2(Number.NaN)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// periods and year values
// ---------------------------------------------------------------------------------------------

describe('periodsPerYear', () => {
  it('knows the periods of every frequency', () => {
    expect((['monthly', 'quarterly', 'semester', 'yearly'] as const).map((f) => periodsPerYear(f))).toEqual([
      12, 4, 2, 1,
    ]);
    expect(() => periodsPerYear('weekly' as 'monthly')).toThrow('Frekuensi pelaporan "weekly" tidak dikenal');
  });
});

const pr = (
  period: string,
  value: number | null,
  status: RealizationStatus = 'verified',
): PeriodRealization => ({
  period,
  value,
  status,
});

describe('yearValue', () => {
  const year = [
    pr('2026-Q3', 9, 'submitted'),
    pr('2026-Q1', 10),
    pr('2026-Q4', null, 'draft'),
    pr('2026-Q2', 12),
  ];

  it('official counts verified periods only', () => {
    expect(yearValue('sum', year, 'official')).toEqual({
      value: 22,
      provisional: false,
      counted: 2,
      lastPeriod: '2026-Q2',
    });
    expect(yearValue('latest', year, 'official').value).toBe(12);
    expect(yearValue('average', year, 'official').value).toBe(11);
  });

  it('provisional adds submitted periods and says so', () => {
    expect(yearValue('sum', year, 'provisional')).toEqual({
      value: 31,
      provisional: true,
      counted: 3,
      lastPeriod: '2026-Q3',
    });
    expect(yearValue('latest', year, 'provisional').value).toBe(9);
    expect(yearValue('average', year, 'provisional').value).toBeCloseTo(31 / 3, 12);
  });

  it('is not provisional when everything counted is verified', () => {
    expect(yearValue('sum', [pr('2026-Q1', 10)], 'provisional').provisional).toBe(false);
  });

  it('never counts drafts or returned reports', () => {
    const ps = [pr('2026-M01', 5, 'draft'), pr('2026-M02', 6, 'returned')];
    for (const mode of ['official', 'provisional'] as const)
      expect(yearValue('sum', ps, mode)).toEqual({
        value: null,
        provisional: false,
        counted: 0,
        lastPeriod: null,
      });
  });

  it('takes the latest by period order, not input order', () => {
    expect(
      yearValue('latest', [pr('2026-M12', 1), pr('2026-M02', 2), pr('2026-M10', 3)], 'official'),
    ).toMatchObject({
      value: 1,
      lastPeriod: '2026-M12',
    });
  });

  it('has no value without periods', () => {
    expect(yearValue('average', [], 'official').value).toBeNull();
  });

  it('keeps zero and negative values, and huge ones without overflow in the average', () => {
    expect(yearValue('sum', [pr('2026-S1', 0), pr('2026-S2', -3)], 'official').value).toBe(-3);
    expect(
      yearValue('average', [pr('2026-S1', 1.5e308), pr('2026-S2', 1.7e308)], 'official').value,
    ).toBeCloseTo(1.6e308, -300);
    expect(
      yearValue('average', [pr('2026-M01', 0.1), pr('2026-M02', 0.1), pr('2026-M03', 0.1)], 'official').value,
    ).toBe(0.1);
  });

  it.each([
    [[pr('2026-M13', 1)], 'Periode "2026-M13" tidak dikenali (contoh: 2026, 2026-S1, 2026-Q3, 2026-M07)'],
    [[pr('2026-M01', 1), pr('2026-M01', 2)], 'Realisasi Januari 2026 tercantum dua kali'],
    [[pr('2026-M01', 1), pr('2027-M02', 2)], 'Februari 2027 berada di tahun yang berbeda dari Januari 2026'],
    [
      [pr('2026-M01', 1), pr('2026-Q2', 2)],
      'Triwulan II 2026 berbeda frekuensi pelaporan dengan Januari 2026',
    ],
    [[pr('2026-M01', null)], 'Nilai realisasi Januari 2026 harus berupa angka'],
    [[pr('2026-M01', Number.NaN, 'submitted')], null],
    [[pr('2026-M01', 1, 'approved' as RealizationStatus)], 'Status realisasi "approved" tidak dikenal'],
  ])('rejects a broken year (%#)', (ps, message) => {
    if (message === null) {
      // A submitted NaN is not counted officially, but is in the provisional value.
      expect(yearValue('sum', ps, 'official').value).toBeNull();
      expect(() => yearValue('sum', ps, 'provisional')).toThrow('harus berupa angka');
    } else expect(() => yearValue('sum', ps, 'official')).toThrow(message);
  });

  it('rejects an unknown aggregation', () => {
    expect(() => yearValue('median' as 'sum', [pr('2026', 1)], 'official')).toThrow(
      'Cara agregasi "median" tidak dikenal',
    );
  });
});

describe('yearAchievement', () => {
  it('scores the year value against the year target, capped', () => {
    const periods = [pr('2026-Q1', 300), pr('2026-Q2', 400), pr('2026-Q3', 700, 'submitted')];
    const ind = {
      polarity: 'higher_is_better' as const,
      aggregation: 'sum' as const,
      target: { value: 1000 },
    };
    expect(yearAchievement(ind, periods, 'official')).toEqual({
      value: 700,
      provisional: false,
      counted: 2,
      lastPeriod: '2026-Q2',
      achievement: 70,
    });
    expect(yearAchievement(ind, periods, 'provisional', { cap: 120 })).toMatchObject({
      value: 1400,
      provisional: true,
      achievement: 120,
    });
    expect(yearAchievement(ind, [], 'official').achievement).toBeNull();
  });

  it('passes the range direction on', () => {
    const ind = {
      polarity: 'range' as const,
      aggregation: 'latest' as const,
      target: { lower: 7, upper: 8 },
      rangeBetter: 'lower' as const,
    };
    expect(round2(yearAchievement(ind, [pr('2026', 6.5)], 'official').achievement as number)).toBe(107.69);
  });
});

// ---------------------------------------------------------------------------------------------
// roll-up
// ---------------------------------------------------------------------------------------------

describe('rollUp', () => {
  it('is the weighted mean, with relative weights', () => {
    expect(
      rollUp([
        { value: 100, weight: 40 },
        { value: 50, weight: 60 },
      ]),
    ).toEqual({
      value: 70,
      counted: 2,
      total: 2,
    });
    expect(
      rollUp([
        { value: 100, weight: 4 },
        { value: 50, weight: 6 },
      ]).value,
    ).toBeCloseTo(70, 12);
    expect(
      rollUp([
        { value: 100, weight: 0.004 },
        { value: 50, weight: 0.006 },
      ]).value,
    ).toBeCloseTo(70, 12);
  });

  it('weighs equally when no item has a weight', () => {
    expect(rollUp([{ value: 90 }, { value: 60 }, { value: 30, weight: null }])).toEqual({
      value: 60,
      counted: 3,
      total: 3,
    });
  });

  it('leaves items without a value out and renormalises', () => {
    const r = rollUp([
      { value: 120, weight: 50 },
      { value: null, weight: 30 },
      { value: 80, weight: 20 },
    ]);
    expect(r).toMatchObject({ counted: 2, total: 3 });
    expect(r.value).toBeCloseTo(760 / 7, 12);
  });

  it('is null when nothing counts, or there is nothing', () => {
    expect(rollUp([{ value: null }, { value: null }])).toEqual({ value: null, counted: 0, total: 2 });
    expect(rollUp([])).toEqual({ value: null, counted: 0, total: 0 });
    expect(programScore([])).toEqual({ value: null, counted: 0, total: 0 });
  });

  it('keeps zero-weight items for information only', () => {
    expect(
      rollUp([
        { value: 90, weight: 100 },
        { value: 40, weight: 0 },
      ]),
    ).toEqual({
      value: 90,
      counted: 1,
      total: 1,
    });
    expect(
      rollUp([
        { value: 90, weight: 0 },
        { value: 40, weight: 0 },
      ]),
    ).toEqual({
      value: null,
      counted: 0,
      total: 0,
    });
  });

  it('counts a zero value as a value', () => {
    expect(rollUp([{ value: 0 }, { value: 100 }])).toEqual({ value: 50, counted: 2, total: 2 });
  });

  it('rejects negative or non-finite weights and values, naming the item', () => {
    expect(() => rollUp([{ key: 'ikm', value: 90, weight: -1 }])).toThrow(
      'Bobot butir "ikm" harus berupa angka yang tidak negatif',
    );
    expect(() => rollUp([{ value: 90, weight: Number.NaN }])).toThrow(
      'Bobot butir ke-1 harus berupa angka yang tidak negatif',
    );
    expect(() => rollUp([{ value: 90, weight: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
    expect(() => rollUp([{ value: 1 }, { value: -1 }])).toThrow(
      'Nilai butir ke-2 harus berupa angka yang tidak negatif',
    );
    expect(() => rollUp([{ value: Number.NaN }])).toThrow(RangeError);
  });

  it('refuses a mix of weighted and unweighted items', () => {
    expect(() => rollUp([{ value: 1, weight: 50 }, { value: 2 }])).toThrow(
      'Bobot harus diisi untuk semua butir atau dikosongkan untuk semua butir',
    );
  });

  it('requires indicator weights for a program score', () => {
    expect(() => programScore([{ key: 'aki', value: 90 }])).toThrow('Bobot butir "aki" wajib diisi');
    expect(programScore([{ value: 90, weight: 100 }]).value).toBe(90);
  });

  it('gives the value itself when all values are equal, and does not overflow', () => {
    expect(
      rollUp([
        { value: 0.1, weight: 1 },
        { value: 0.1, weight: 2 },
        { value: 0.1, weight: 3 },
      ]).value,
    ).toBe(0.1);
    expect(
      rollUp([
        { value: 1e308, weight: 1e308 },
        { value: 1e308, weight: 1e308 },
      ]).value,
    ).toBe(1e308);
    expect(rollUp([{ value: 1.7e308 }, { value: 1.5e308 }]).value).toBeCloseTo(1.6e308, -300);
  });

  it('levels above the program weigh equally unless told', () => {
    for (const f of [unitScore, missionScore, regionScore]) {
      expect(f([{ value: 80 }, { value: 60 }]).value).toBe(70);
      expect(
        f([
          { value: 80, weight: 3 },
          { value: 60, weight: 1 },
        ]).value,
      ).toBe(75);
    }
  });
});

describe('themeScore', () => {
  const dinkes = { key: 'dinkes', share: 60, score: 100 };
  const blimbing = { key: 'blimbing', share: 40, score: 80 };

  it('combines the outcome and the share-weighted contributors half and half by default', () => {
    expect(DEFAULT_OUTCOME_WEIGHT).toBe(50);
    expect(themeScore({ outcome: 90, contributors: [dinkes, blimbing] })).toEqual({
      value: 91,
      counted: 2,
      total: 2,
      outcome: 90,
      outcomeWeight: 50,
      contributorsScore: 92,
      contributions: [
        { key: 'dinkes', share: 60, score: 100, weight: 30, points: 30 },
        { key: 'blimbing', share: 40, score: 80, weight: 20, points: 16 },
      ],
    });
  });

  it('takes the outcome weight as a parameter, 0 and 100 included', () => {
    expect(themeScore({ outcome: 90, contributors: [dinkes, blimbing] }, 100)).toMatchObject({
      value: 90,
      outcomeWeight: 100,
      contributions: [
        { weight: 0, points: null },
        { weight: 0, points: null },
      ],
    });
    expect(themeScore({ outcome: 90, contributors: [dinkes, blimbing] }, 0)).toMatchObject({
      value: 92,
      outcomeWeight: 0,
      contributions: [
        { weight: 60, points: 60 },
        { weight: 40, points: 32 },
      ],
    });
    expect(themeScore({ outcome: 60, contributors: [dinkes] }, 25).value).toBe(90);
  });

  it('leaves out a missing outcome or contributor and renormalises', () => {
    expect(themeScore({ outcome: null, contributors: [dinkes, blimbing] })).toMatchObject({
      value: 92,
      outcomeWeight: 0,
    });
    expect(themeScore({ outcome: 70, contributors: [dinkes, { ...blimbing, score: null }] })).toMatchObject({
      value: 85,
      counted: 1,
      total: 2,
      contributions: [
        { weight: 50, points: 50 },
        { weight: 0, points: null },
      ],
    });
    expect(themeScore({ outcome: 70, contributors: [] })).toMatchObject({ value: 70, outcomeWeight: 100 });
    expect(themeScore({ outcome: null, contributors: [{ ...dinkes, score: null }] })).toMatchObject({
      value: null,
      contributorsScore: null,
    });
  });

  it('leaves out a contributor with a zero share', () => {
    expect(themeScore({ outcome: 90, contributors: [dinkes, { ...blimbing, share: 0 }] })).toMatchObject({
      value: 95,
      counted: 1,
      total: 1,
      contributions: [
        { weight: 50, points: 50 },
        { weight: 0, points: null },
      ],
    });
  });

  it('adds the points up to the score', () => {
    const t = themeScore({
      outcome: 63.3,
      contributors: [
        { key: 'a', share: 33.33, score: 81.2 },
        { key: 'b', share: 33.33, score: 97.4 },
        { key: 'c', share: 33.34, score: 12.5 },
      ],
    });
    const sum = t.contributions.reduce((s, c) => s + (c.points ?? 0), (t.outcomeWeight / 100) * 63.3);
    expect(sum).toBeCloseTo(t.value as number, 10);
  });

  it.each([-1, 100.01, Number.NaN])('rejects an outcome weight of %s', (w) => {
    expect(() => themeScore({ outcome: 1, contributors: [] }, w)).toThrow(
      'Bobot indikator hasil tema harus antara 0 dan 100',
    );
  });

  it('rejects a contributor listed twice, or a bad share', () => {
    expect(() => themeScore({ outcome: 1, contributors: [dinkes, dinkes] })).toThrow(
      'Kontributor "dinkes" tercantum dua kali',
    );
    expect(() => themeScore({ outcome: 1, contributors: [{ ...dinkes, share: -5 }] })).toThrow(
      'Bobot butir "dinkes" harus berupa angka yang tidak negatif',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// predicates
// ---------------------------------------------------------------------------------------------

describe('predicate', () => {
  it.each([
    [0, 'Sangat Kurang'],
    [50, 'Sangat Kurang'],
    [50.99, 'Sangat Kurang'],
    [50.994, 'Sangat Kurang'],
    [50.995, 'Kurang'],
    [51, 'Kurang'],
    [65, 'Kurang'],
    [65.99, 'Kurang'],
    [66, 'Cukup'],
    [75, 'Cukup'],
    [75.99, 'Cukup'],
    [76, 'Baik'],
    [90, 'Baik'],
    [90.5, 'Baik'],
    [90.99, 'Baik'],
    [90.994999, 'Baik'],
    [90.995, 'Sangat Baik'],
    [91, 'Sangat Baik'],
    [120, 'Sangat Baik'],
    [1e12, 'Sangat Baik'],
  ])('%s is %s by default', (score, label) => {
    expect(predicate(score)?.label).toBe(label);
  });

  it('is null without a score, and refuses negative or non-finite scores', () => {
    expect(predicate(null)).toBeNull();
    for (const bad of [-0.01, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => predicate(bad)).toThrow('Nilai harus berupa angka yang tidak negatif');
  });

  it('follows a region’s own bands and labels', () => {
    const bands: PredicateBand[] = [
      { code: 'sangat_kurang', label: 'D', min: 0 },
      { code: 'kurang', label: 'C', min: 30 },
      { code: 'cukup', label: 'B', min: 50 },
      { code: 'baik', label: 'A', min: 70 },
      { code: 'sangat_baik', label: 'AA', min: 90 },
    ];
    expect([10, 30, 49.99, 50, 89.99, 90].map((s) => predicate(s, bands)?.label)).toEqual([
      'D',
      'C',
      'C',
      'B',
      'A',
      'AA',
    ]);
    expect(predicate(90, bands)?.code).toBe('sangat_baik');
    expect(() => predicate(50, bands.slice(1))).toThrow('Predikat harus terdiri dari lima tingkat');
  });
});

describe('validateBands', () => {
  const bands = () => DEFAULT_BANDS.map((b) => ({ ...b }));
  const with_ = (i: number, patch: Partial<PredicateBand>) =>
    bands().map((b, j) => (j === i ? { ...b, ...patch } : b));

  it('accepts the default bands, decimals and a top bound up to 200', () => {
    expect(validateBands(DEFAULT_BANDS)).toEqual([]);
    expect(validateBands(with_(4, { min: 200 }))).toEqual([]);
    expect(validateBands(with_(1, { min: 50.5 }))).toEqual([]);
  });

  it.each([
    [
      'four bands',
      bands().slice(0, 4),
      [{ path: 'bands', message: 'Predikat harus terdiri dari lima tingkat' }],
    ],
    [
      'six bands',
      [...bands(), { code: 'sangat_baik', label: 'Istimewa', min: 150 }],
      [{ path: 'bands', message: 'Predikat harus terdiri dari lima tingkat' }],
    ],
    [
      'bands out of order',
      [bands()[1], bands()[0], ...bands().slice(2)],
      [
        { path: 'bands.0.code', message: 'Tingkat ke-1 harus predikat Sangat Kurang' },
        { path: 'bands.0.min', message: 'Batas bawah predikat terendah harus 0' },
        { path: 'bands.1.code', message: 'Tingkat ke-2 harus predikat Kurang' },
        {
          path: 'bands.1.min',
          message: 'Batas bawah predikat harus lebih tinggi dari tingkat sebelumnya (51)',
        },
      ],
    ],
    [
      'a lowest band above 0',
      with_(0, { min: 10 }),
      [{ path: 'bands.0.min', message: 'Batas bawah predikat terendah harus 0' }],
    ],
    [
      'a duplicate bound',
      with_(2, { min: 51 }),
      [
        {
          path: 'bands.2.min',
          message: 'Batas bawah predikat harus lebih tinggi dari tingkat sebelumnya (51)',
        },
      ],
    ],
    [
      'a descending bound',
      with_(3, { min: 60 }),
      [
        {
          path: 'bands.3.min',
          message: 'Batas bawah predikat harus lebih tinggi dari tingkat sebelumnya (66)',
        },
      ],
    ],
    [
      'a bound above 200',
      with_(4, { min: 200.01 }),
      [{ path: 'bands.4.min', message: 'Batas bawah predikat harus antara 0 dan 200' }],
    ],
    [
      'a negative bound',
      with_(0, { min: -1 }),
      [{ path: 'bands.0.min', message: 'Batas bawah predikat harus antara 0 dan 200' }],
    ],
    [
      'three decimals',
      with_(1, { min: 50.555 }),
      [{ path: 'bands.1.min', message: 'Batas bawah predikat paling banyak 2 angka desimal' }],
    ],
    [
      'a NaN bound',
      with_(1, { min: Number.NaN }),
      [{ path: 'bands.1.min', message: 'Batas bawah predikat harus berupa angka' }],
    ],
    [
      'an empty label',
      with_(2, { label: '  ' }),
      [{ path: 'bands.2.label', message: 'Nama predikat wajib diisi' }],
    ],
    [
      'a duplicate label',
      with_(3, { label: 'cukup' }),
      [{ path: 'bands.3.label', message: 'Nama predikat "cukup" sudah dipakai pada tingkat ke-3' }],
    ],
  ])('rejects %s', (_, b, errors) => {
    expect(validateBands(b as PredicateBand[])).toEqual(errors);
  });
});

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

/** Realistic data: up to a billion, with 2 decimals (targets and realizations are entered so). */
const value = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((n) => n / 100);
const positive = fc.integer({ min: 1, max: 100_000_000_000 }).map((n) => n / 100);
const anyTarget = fc.oneof(value, fc.constant(0));
const capArb = fc.oneof(fc.constant(null), fc.double({ min: 100, max: 500, noNaN: true }));
const rangeArb = fc.tuple(value, value).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
const better = fc.constantFrom<RangeBetter>('inside', 'lower', 'higher');

describe('properties', () => {
  it('higher is better never falls, lower is better never rises, as R grows', () => {
    fc.assert(
      fc.property(anyTarget, value, value, capArb, (t, r1, r2, cap) => {
        const [a, b] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(hi(t, a, cap) as number).toBeLessThanOrEqual(hi(t, b, cap) as number);
        expect(lo(t, a, cap) as number).toBeGreaterThanOrEqual(lo(t, b, cap) as number);
      }),
    );
  });

  it('a range with direction lower never rises, higher never falls, inside peaks inside', () => {
    fc.assert(
      fc.property(rangeArb, value, value, capArb, ([l, u], r1, r2, cap) => {
        const [a, b] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(rg(l, u, a, 'lower', cap) as number).toBeGreaterThanOrEqual(
          rg(l, u, b, 'lower', cap) as number,
        );
        expect(rg(l, u, a, 'higher', cap) as number).toBeLessThanOrEqual(
          rg(l, u, b, 'higher', cap) as number,
        );
        if (b <= u)
          expect(rg(l, u, a, 'inside') as number).toBeLessThanOrEqual(rg(l, u, b, 'inside') as number);
        if (a >= l)
          expect(rg(l, u, a, 'inside') as number).toBeGreaterThanOrEqual(rg(l, u, b, 'inside') as number);
        expect(rg(l, u, a, 'inside') as number).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('is 100 at the target (or inside the range), never below 0, never above the cap', () => {
    fc.assert(
      fc.property(anyTarget, rangeArb, better, value, capArb, (t, [l, u], d, r, cap) => {
        expect(hi(t, t)).toBe(100);
        expect(lo(t, t)).toBe(100);
        expect(rg(l, u, (l + u) / 2, d)).toBe(100);
        for (const a of [hi(t, r, cap), lo(t, r, cap), rg(l, u, r, d, cap)] as number[]) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(cap ?? Number.POSITIVE_INFINITY);
        }
      }),
    );
  });

  it('is continuous at the range bounds: 100 at the bound from either side', () => {
    fc.assert(
      fc.property(positive, positive, better, (x, w, d) => {
        const [l, u] = [x, x + w];
        expect(rg(l, u, l * (1 - 1e-9), d) as number).toBeCloseTo(100, 4);
        expect(rg(l, u, u * (1 + 1e-9), d) as number).toBeCloseTo(100, 4);
      }),
    );
  });

  const items = fc.array(
    fc.record({
      value: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1e4, noNaN: true })),
      // Weights as entered: percentages with 2 decimals (0 included).
      weight: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    }),
    { maxLength: 12 },
  );

  it('a roll-up lies between the smallest and largest counted value', () => {
    fc.assert(
      fc.property(items, (xs) => {
        const r = rollUp(xs);
        const counted = xs.filter((x) => x.value !== null && x.weight > 0).map((x) => x.value as number);
        expect(r.counted).toBe(counted.length);
        if (counted.length === 0) expect(r.value).toBeNull();
        else {
          expect(r.value as number).toBeGreaterThanOrEqual(Math.min(...counted));
          expect(r.value as number).toBeLessThanOrEqual(Math.max(...counted));
        }
      }),
    );
  });

  it('a roll-up does not depend on the order of the items or the scale of the weights', () => {
    fc.assert(
      fc.property(items, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, k) => {
        const r = rollUp(xs).value;
        const reversed = rollUp([...xs].reverse()).value;
        const scaled = rollUp(xs.map((x) => ({ ...x, weight: x.weight * k }))).value;
        if (r === null) {
          expect(reversed).toBeNull();
          expect(scaled).toBeNull();
        } else {
          expect(reversed as number).toBeCloseTo(r, 6);
          expect(scaled as number).toBeCloseTo(r, 6);
        }
      }),
    );
  });

  it('a theme lies between its parts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(null), fc.double({ min: 0, max: 200, noNaN: true })),
        fc.array(
          fc.record({
            share: fc.double({ min: 0.01, max: 100, noNaN: true }),
            score: fc.double({ min: 0, max: 200, noNaN: true }),
          }),
          { maxLength: 6 },
        ),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (outcome, cs, w) => {
          const t = themeScore({ outcome, contributors: cs.map((c, i) => ({ key: `u${i}`, ...c })) }, w);
          const parts = [outcome, ...cs.map((c) => c.score)].filter((v): v is number => v !== null);
          if (t.value === null) return;
          expect(t.value).toBeGreaterThanOrEqual(Math.min(...parts));
          expect(t.value).toBeLessThanOrEqual(Math.max(...parts));
          const points = t.contributions.reduce(
            (s, c) => s + (c.points ?? 0),
            (t.outcomeWeight / 100) * (outcome ?? 0),
          );
          expect(points).toBeCloseTo(t.value, 6);
        },
      ),
    );
  });

  it('the predicate never goes down as the score goes up', () => {
    const rank = (s: number) => DEFAULT_BANDS.findIndex((b) => b.code === predicate(s)?.code);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        (a, b) => {
          const [x, y] = a <= b ? [a, b] : [b, a];
          expect(rank(x)).toBeLessThanOrEqual(rank(y));
        },
      ),
    );
  });

  it('official values count no more periods than provisional ones', () => {
    const status = fc.constantFrom<RealizationStatus>('draft', 'submitted', 'verified', 'returned');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 12 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), status), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.constantFrom('sum' as const, 'latest' as const, 'average' as const),
        (months, data, aggregation) => {
          const ps = months.map((m, i) => pr(`2026-M${String(m).padStart(2, '0')}`, data[i][0], data[i][1]));
          const o = yearValue(aggregation, ps, 'official');
          const p = yearValue(aggregation, ps, 'provisional');
          expect(o.counted).toBeLessThanOrEqual(p.counted);
          expect(o.counted).toBe(ps.filter((x) => x.status === 'verified').length);
          if (aggregation === 'sum' && o.value !== null)
            expect(p.value as number).toBeGreaterThanOrEqual(o.value);
          if (p.counted === o.counted) expect(p).toEqual(o);
        },
      ),
    );
  });
});
