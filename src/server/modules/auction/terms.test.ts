import { describe, expect, it } from 'vitest';
import { listOr } from './state-machine.js';
import {
  applyTerms,
  formatNumber,
  isoDay,
  isRupiah,
  targetSlots,
  toughnessDelta,
  type Terms,
} from './terms.js';

describe('isoDay', () => {
  it('counts days from 1970-01-01 for real dates, leap days included', () => {
    expect(isoDay('1970-01-01')).toBe(0);
    expect(isoDay('2028-03-01')! - isoDay('2028-02-28')!).toBe(2);
    expect(isoDay('2028-02-29')).not.toBeNull();
  });

  it.each(['2027-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '2026-01-05T00:00', ''])(
    'rejects %j',
    (s) => {
      expect(isoDay(s)).toBeNull();
    },
  );
});

describe('applyTerms', () => {
  const base: Terms = {
    targets: [
      { indicatorKey: 'a', year: 2026, value: 1 },
      { indicatorKey: 'a', year: 2027, value: 2 },
    ],
    milestones: [{ milestoneKey: 'm', date: '2026-06-30' }],
    budget: [{ year: 2026, amount: 10 }],
  };

  it('replaces by key in place, keeps the rest, and appends what the base lacks', () => {
    const out = applyTerms(base, {
      targets: [
        { indicatorKey: 'a', year: 2027, value: 3 },
        { indicatorKey: 'b', year: 2026, value: 9 },
      ],
      budget: [{ year: 2026, amount: 0 }],
    });
    expect(out).toEqual({
      targets: [
        { indicatorKey: 'a', year: 2026, value: 1 },
        { indicatorKey: 'a', year: 2027, value: 3 },
        { indicatorKey: 'b', year: 2026, value: 9 },
      ],
      milestones: [{ milestoneKey: 'm', date: '2026-06-30' }],
      budget: [{ year: 2026, amount: 0 }],
    });
  });

  it('returns new arrays and leaves the base alone', () => {
    const before = structuredClone(base);
    const out = applyTerms(base, {});
    expect(out).toEqual(base);
    expect(out.targets).not.toBe(base.targets);
    applyTerms(base, { milestones: [{ milestoneKey: 'm', date: '2026-01-01' }] });
    expect(base).toEqual(before);
  });
});

describe('toughness', () => {
  it('gets tougher upwards for higher is better and the lower bound, downwards otherwise', () => {
    expect(targetSlots('higher_is_better', { value: 5 })).toEqual([
      { field: 'value', tougher: 'up', value: 5 },
    ]);
    expect(targetSlots('lower_is_better', { value: 5 })).toEqual([
      { field: 'value', tougher: 'down', value: 5 },
    ]);
    expect(targetSlots('range', { lower: 1, upper: 2 })).toEqual([
      { field: 'lower', tougher: 'up', value: 1 },
      { field: 'upper', tougher: 'down', value: 2 },
    ]);
    expect([toughnessDelta('up', 1, 2), toughnessDelta('up', 2, 2), toughnessDelta('up', 2, 1)]).toEqual([
      1, 0, -1,
    ]);
    expect([toughnessDelta('down', 1, 2), toughnessDelta('down', 2, 1)]).toEqual([-1, 1]);
  });
});

describe('small value rules', () => {
  it.each([
    [0, true],
    [Number.MAX_SAFE_INTEGER, true],
    [-1, false],
    [0.5, false],
    [Number.MAX_SAFE_INTEGER + 1, false],
    ['10', false],
  ])('isRupiah(%j) is %s', (n, ok) => expect(isRupiah(n)).toBe(ok));

  it('writes numbers the Indonesian way', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });

  it('lists alternatives the Indonesian way', () => {
    expect([listOr([]), listOr(['A']), listOr(['A', 'B']), listOr(['A', 'B', 'C'])]).toEqual([
      '',
      'A',
      'A atau B',
      'A, B, atau C',
    ]);
  });
});
