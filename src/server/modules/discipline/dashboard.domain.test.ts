import { describe, expect, it } from 'vitest';
import { firstMonthFrom, latenessEffect } from './dashboard.domain.js';

describe('the effect of the rules on lateness', () => {
  const months = [
    { month: '2026-08', lateDays: 10, servantDays: 100 },
    { month: '2026-09', lateDays: 30, servantDays: 100 },
    { month: '2026-10', lateDays: 5, servantDays: 100 },
    { month: '2026-11', lateDays: 0, servantDays: 0 },
  ];

  it('weighs the months before and from the first month of the rules by working days', () => {
    expect(latenessEffect(months, '2026-10-01')).toEqual({ before: 20, after: 5, firstAfter: '2026-10' });
    // First applied on the last day of September: September is still "before".
    expect(latenessEffect(months, '2026-09-30')).toEqual({ before: 20, after: 5, firstAfter: '2026-10' });
    // Started in October: October is "before"; November has no working days counted, so no "after".
    expect(latenessEffect(months, '2026-10-31')).toEqual({ before: 15, after: null, firstAfter: '2026-11' });
  });

  it('weighs by working days rather than averaging the monthly rates', () => {
    const uneven = [
      { month: '2026-01', lateDays: 1, servantDays: 10 },
      { month: '2026-02', lateDays: 30, servantDays: 1000 },
    ];
    expect(latenessEffect(uneven, '2026-03-01').before).toBe(3.07);
  });

  it('has nothing to compare without rules', () => {
    expect(latenessEffect(months, null)).toEqual({ before: null, after: null, firstAfter: null });
  });

  it('finds the first month that begins on or after a day, across the year end', () => {
    expect(firstMonthFrom('2026-12-15')).toBe('2027-01');
    expect(firstMonthFrom('2026-12-01')).toBe('2026-12');
    expect(firstMonthFrom('2026-01-31')).toBe('2026-02');
  });
});
