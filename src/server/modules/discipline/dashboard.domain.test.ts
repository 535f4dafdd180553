import { describe, expect, it } from 'vitest';
import {
  dashboardReward,
  dashboardSanction,
  endedMonths,
  firstMonthFrom,
  latenessEffect,
  monthRate,
  tallyCases,
} from './dashboard.domain.js';

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

describe('counting the cases and the months', () => {
  const fact = <S extends string>(state: S, ruleCode: string, unitId: string, hitOn: string) => ({
    state,
    ruleCode,
    ruleName: ruleCode.toLowerCase(),
    unitId,
    hitOn,
  });

  it('counts every sanction but the rejected, cancelled and revoked, by rule, unit and month', () => {
    const t = tallyCases(
      [
        fact('proposed' as const, 'SUKA_TERLAMBAT', 'u1', '2026-10-31'),
        fact('active' as const, 'SUKA_TERLAMBAT', 'u1', '2026-09-30'),
        fact('appealed' as const, 'KINERJA_RENDAH', 'u2', '2026-09-30'),
        fact('revoked' as const, 'SUKA_TERLAMBAT', 'u2', '2026-09-30'),
        fact('rejected' as const, 'SUKA_TERLAMBAT', 'u2', '2026-09-30'),
      ],
      [
        fact('granted' as const, 'ASN_TELADAN', 'u2', '2026-09-30'),
        fact('cancelled' as const, 'ASN_TELADAN', 'u1', '2026-09-30'),
      ],
      new Map([
        ['u1', 'Dinas Satu'],
        ['u2', 'Dinas Dua'],
      ]),
      2026,
    );
    expect(t.totals).toEqual({
      sanctions: 3,
      active: 1,
      appealed: 1,
      revoked: 1,
      rewards: 1,
      awaitingApproval: 1,
    });
    expect(t.byRule).toEqual([
      { code: 'SUKA_TERLAMBAT', name: 'suka_terlambat', kind: 'sanction', count: 2 },
      { code: 'ASN_TELADAN', name: 'asn_teladan', kind: 'reward', count: 1 },
      { code: 'KINERJA_RENDAH', name: 'kinerja_rendah', kind: 'sanction', count: 1 },
    ]);
    expect(t.byUnit).toEqual([
      { workUnitId: 'u1', name: 'Dinas Satu', sanctions: 2, rewards: 0 },
      { workUnitId: 'u2', name: 'Dinas Dua', sanctions: 1, rewards: 1 },
    ]);
    expect(t.byMonth).toHaveLength(12);
    expect(t.byMonth[8]).toEqual({ month: '2026-09', sanctions: 2, rewards: 1 });
    expect(t.byMonth[9]).toEqual({ month: '2026-10', sanctions: 1, rewards: 0 });
    expect(dashboardSanction('proposed')).toBe(true);
    expect(dashboardReward('cancelled')).toBe(false);
  });

  it('lists the ended months of a year and the rate of a month', () => {
    expect(endedMonths(2026, '2026-11-28')).toEqual(
      Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    expect(endedMonths(2025, '2026-11-28')).toHaveLength(12);
    expect(endedMonths(2027, '2026-11-28')).toEqual([]);
    expect(endedMonths(2026, '2026-01-01')).toEqual([]);
    expect(monthRate({ month: '2026-10', lateDays: 8, servantDays: 220 })).toBe(3.64);
    expect(monthRate({ month: '2026-10', lateDays: 0, servantDays: 0 })).toBe(0);
  });
});
