import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededCalendar } from '../../seed/holidays.js';
import {
  addDays,
  dayNumber,
  dayOfNumber,
  isWorkingDay,
  workingDaysBetween,
} from '../monitoring/working-days.domain.js';
import {
  activationDay,
  appealDeadline,
  appealOpen,
  DEFAULT_ESCALATION,
  escalatedLength,
  monthsBefore,
  servingDayOn,
  servingDays,
  nextVestRecord,
} from './sanction-calendar.domain.js';

const calendar = seededCalendar();
const dates = (plan: { days: { date: string; missed: boolean }[] }) =>
  plan.days.map((d) => (d.missed ? `${d.date} (missed)` : d.date));

describe('appeal window', () => {
  it('ends 3 working days after the notification, weekends and holidays skipped', () => {
    expect(appealDeadline(calendar, '2026-04-06')).toBe('2026-04-09'); // Monday -> Thursday
    expect(appealDeadline(calendar, '2026-04-09')).toBe('2026-04-14'); // Thursday -> Tuesday
    // Notified on Tuesday 17 March 2026: Nyepi, collective leave and Idulfitri come first.
    expect(appealDeadline(calendar, '2026-03-17')).toBe('2026-03-27');
    // Notified on a Saturday: Monday, Tuesday, Wednesday.
    expect(appealDeadline(calendar, '2026-04-11')).toBe('2026-04-15');
    expect(appealDeadline(calendar, '2026-04-06', 5)).toBe('2026-04-13');
  });

  it('is open from the notification through the whole deadline day', () => {
    expect(appealOpen(calendar, '2026-04-06', '2026-04-05')).toBe(false);
    expect(appealOpen(calendar, '2026-04-06', '2026-04-06')).toBe(true);
    expect(appealOpen(calendar, '2026-04-06', '2026-04-09')).toBe(true);
    expect(appealOpen(calendar, '2026-04-06', '2026-04-10')).toBe(false);
  });

  it('refuses a window that is not a whole number of days >= 1', () => {
    expect(() => appealDeadline(calendar, '2026-04-06', 0)).toThrow(RangeError);
    expect(() => appealDeadline(calendar, '2026-04-06', 1.5)).toThrow(RangeError);
  });

  it('makes the sanction active on the working day after it became final', () => {
    expect(activationDay(calendar, '2026-04-09')).toBe('2026-04-10');
    expect(activationDay(calendar, '2026-04-10')).toBe('2026-04-13');
    expect(activationDay(calendar, '2026-05-13')).toBe('2026-05-18'); // Ascension Day and collective leave
  });
});

describe('servingDays', () => {
  it('serves N working days from the next working day', () => {
    const plan = servingDays({ calendar, finalOn: '2026-04-09', length: 5 });
    expect(dates(plan)).toEqual(['2026-04-10', '2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16']);
    expect(plan).toMatchObject({
      start: '2026-04-10',
      end: '2026-04-16',
      length: 5,
      missed: 0,
      ignoredMissedDays: [],
    });
  });

  it('skips a holiday in the middle of a sanction', () => {
    // Thursday 14 May 2026 Ascension Day, Friday 15 May collective leave.
    const plan = servingDays({ calendar, finalOn: '2026-05-11', length: 5 });
    expect(dates(plan)).toEqual(['2026-05-12', '2026-05-13', '2026-05-18', '2026-05-19', '2026-05-20']);
  });

  it('starts after a long weekend when it becomes final just before one', () => {
    // Final on Tuesday 17 March 2026: 18-24 March are collective leave, Nyepi, Idulfitri and a weekend.
    const plan = servingDays({ calendar, finalOn: '2026-03-17', length: 5 });
    expect(dates(plan)).toEqual(['2026-03-25', '2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31']);
  });

  it("skips the subject's excused days, at the start too", () => {
    const plan = servingDays({
      calendar,
      finalOn: '2026-04-06',
      length: 5,
      excuses: [
        { start: '2026-04-07', end: '2026-04-07' },
        { start: '2026-04-09', end: '2026-04-09' },
      ],
    });
    expect(dates(plan)).toEqual(['2026-04-08', '2026-04-10', '2026-04-13', '2026-04-14', '2026-04-15']);
    expect(plan.start).toBe('2026-04-08');
  });

  it('adds one working day at the end for each day not served', () => {
    const plan = servingDays({
      calendar,
      finalOn: '2026-04-06',
      length: 5,
      missedDays: ['2026-04-08', '2026-04-10', '2026-04-11'],
    });
    expect(dates(plan)).toEqual([
      '2026-04-07',
      '2026-04-08 (missed)',
      '2026-04-09',
      '2026-04-10 (missed)',
      '2026-04-13',
      '2026-04-14',
      '2026-04-15',
    ]);
    expect(plan).toMatchObject({ end: '2026-04-15', missed: 2, ignoredMissedDays: ['2026-04-11'] });
    expect(servingDayOn(plan, '2026-04-09')).toEqual({ index: 2, of: 5, missed: false });
    expect(servingDayOn(plan, '2026-04-10')).toEqual({ index: 3, of: 5, missed: true });
    expect(servingDayOn(plan, '2026-04-15')).toEqual({ index: 5, of: 5, missed: false });
    expect(servingDayOn(plan, '2026-04-11')).toBeNull();
  });

  it('refuses a length that is not a whole number >= 1, and a subject excused for years', () => {
    expect(() => servingDays({ calendar, finalOn: '2026-04-06', length: 0 })).toThrow(RangeError);
    expect(() => servingDays({ calendar, finalOn: '2026-04-06', length: 2.5 })).toThrow(RangeError);
    expect(() =>
      servingDays({
        calendar,
        finalOn: '2026-04-06',
        length: 1,
        excuses: [{ start: '2026-01-01', end: '2036-01-01' }],
      }),
    ).toThrow(RangeError);
  });

  it('always serves `length` working days, the first after the final day, whatever the inputs', () => {
    const lo = dayNumber('2025-01-01');
    const day = fc.integer({ min: lo, max: lo + 700 }).map(dayOfNumber);
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 6 })), { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }),
        (finalOn, length, excuseSpans, missedOffsets) => {
          const excuses = excuseSpans.map(([start, n]) => ({ start, end: addDays(start, n) }));
          const missedDays = missedOffsets.map((n) => addDays(finalOn, n));
          const plan = servingDays({ calendar, finalOn, length, excuses, missedDays });
          expect(plan.days.filter((d) => !d.missed)).toHaveLength(length);
          for (const d of plan.days) {
            expect(isWorkingDay(calendar, d.date)).toBe(true);
            expect(excuses.some((e) => e.start <= d.date && d.date <= e.end)).toBe(false);
          }
          expect(plan.start > finalOn).toBe(true);
          // No working, non-excused day is skipped between the final day and the end.
          const free = (d: string) =>
            isWorkingDay(calendar, d) && !excuses.some((e) => e.start <= d && d <= e.end);
          let count = 0;
          for (let d = addDays(finalOn, 1); d <= plan.end; d = addDays(d, 1)) if (free(d)) count++;
          expect(count).toBe(plan.days.length);
          expect(workingDaysBetween(calendar, finalOn, plan.end)).toBeGreaterThanOrEqual(plan.days.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('escalation', () => {
  it('doubles the length for the same rule again within 3 months, boundary day included', () => {
    expect(escalatedLength(5, '2026-04-15', ['2026-01-15'])).toEqual({
      length: 10,
      repeat: true,
      previousHit: '2026-01-15',
      windowStart: '2026-01-15',
    });
    expect(escalatedLength(5, '2026-04-16', ['2026-01-15'])).toEqual({
      length: 5,
      repeat: false,
      previousHit: null,
      windowStart: '2026-01-16',
    });
  });

  it('clamps the window at the end of a shorter month', () => {
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2028-05-31', 3)).toBe('2028-02-29');
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
    expect(monthsBefore('2026-01-31', 0)).toBe('2026-01-31');
    expect(escalatedLength(3, '2026-05-31', ['2026-02-28']).repeat).toBe(true);
    expect(escalatedLength(3, '2026-05-31', ['2026-02-27']).repeat).toBe(false);
  });

  it('takes the latest earlier hit, ignores hits after this one, and applies the factor once', () => {
    expect(
      escalatedLength(5, '2026-04-15', ['2026-02-01', '2026-03-01', '2026-05-01', '2025-12-01']),
    ).toMatchObject({
      length: 10,
      previousHit: '2026-03-01',
    });
    expect(escalatedLength(5, '2026-04-15', ['2026-05-01']).repeat).toBe(false);
    expect(escalatedLength(5, '2026-04-15', [])).toMatchObject({ length: 5, repeat: false });
  });

  it('uses the rule policy: other windows and factors, rounded up, or none', () => {
    expect(escalatedLength(5, '2026-04-15', ['2025-10-15'], { withinMonths: 6, factor: 1.5 })).toMatchObject({
      length: 8,
      repeat: true,
    });
    expect(escalatedLength(5, '2026-04-15', ['2026-04-01'], null)).toMatchObject({
      length: 5,
      repeat: false,
    });
    expect(DEFAULT_ESCALATION).toEqual({ withinMonths: 3, factor: 2 });
    expect(() => escalatedLength(0, '2026-04-15', [])).toThrow(RangeError);
    expect(() => escalatedLength(5, '2026-04-15', [], { withinMonths: 3, factor: 0.5 })).toThrow(RangeError);
    expect(() => monthsBefore('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('the vest on the morning roster', () => {
  const none = { vestIssuedAt: null, vestReturnedAt: null };
  const now = new Date('2026-11-27T03:00:00Z'); // 10:00 WIB
  const at = (date: string) => (hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`);
  const today = { date: '2026-11-27', today: '2026-11-27', now, at: at('2026-11-27') };
  const past = { date: '2026-11-26', today: '2026-11-27', now, at: at('2026-11-26') };

  it('records now on the day itself, and a time of the day for a day that has passed', () => {
    expect(nextVestRecord(none, { vestIssued: 'now' }, today)).toEqual({
      record: { vestIssuedAt: now, vestReturnedAt: null },
    });
    expect(nextVestRecord(none, { vestIssued: '07:05' }, past)).toEqual({
      record: { vestIssuedAt: new Date('2026-11-26T00:05:00Z'), vestReturnedAt: null },
    });
    expect(nextVestRecord(none, { vestIssued: 'now' }, past)).toEqual({
      problem: {
        field: 'vestIssued',
        message: 'Untuk hari yang sudah lewat, isi jamnya (contoh: 07:15)',
        conflict: false,
      },
    });
    expect(nextVestRecord(none, { vestIssued: '10:01' }, today)).toMatchObject({
      problem: { field: 'vestIssued', message: 'Jam yang belum tiba tidak dapat dicatat' },
    });
  });

  it('keeps what the entry leaves out, clears on request, and takes the vest back only after it went out', () => {
    const issued = { vestIssuedAt: new Date('2026-11-27T00:10:00Z'), vestReturnedAt: null };
    expect(nextVestRecord(issued, { vestReturned: '09:00' }, today)).toEqual({
      record: { ...issued, vestReturnedAt: new Date('2026-11-27T02:00:00Z') },
    });
    expect(nextVestRecord(issued, { vestReturned: '07:00' }, today)).toMatchObject({
      problem: { field: 'vestReturned', conflict: false },
    });
    expect(nextVestRecord(none, { vestReturned: 'now' }, today)).toMatchObject({
      problem: {
        field: 'vestReturned',
        message: 'Catat rompi diserahkan sebelum dikembalikan',
        conflict: true,
      },
    });
    expect(nextVestRecord(issued, { vestIssued: 'clear' }, today)).toEqual({ record: none });
    expect(nextVestRecord(issued, {}, today)).toEqual({ record: issued });
  });
});
