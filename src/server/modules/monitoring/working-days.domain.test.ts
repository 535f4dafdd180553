import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededCalendar, seedCalendarInput } from '../../seed/holidays.js';
import {
  addDays,
  addWorkingDays,
  buildCalendar,
  calendarCoverage,
  dayNumber,
  dayOfNumber,
  dayOff,
  daysOffOfYear,
  FIXED_DATE_HOLIDAYS,
  isDay,
  isWorkingDay,
  nextWorkingDay,
  validateCalendarEntries,
  weekdayOf,
  workingDayOnOrAfter,
  workingDaysBetween,
  workingDaysLate,
  type CalendarInput,
  type WorkingCalendar,
} from './working-days.domain.js';

/** The seeded calendar: the 2025 and 2026 decrees; other years fall back to the fixed dates. */
const cal = seededCalendar();

/** Working days in (from, to] by walking day by day: the reference for the fast count. */
function naiveBetween(c: WorkingCalendar, from: string, to: string): number {
  if (to < from) return 0 - naiveBetween(c, to, from);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(c, d)) n++;
  return n;
}

describe('calendar days', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '2026-12-31', '1000-01-01', '9999-12-31'])(
    'accepts %s',
    (d) => expect(isDay(d)).toBe(true),
  );

  it.each([
    '2026-02-29',
    '2100-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '26-01-01',
    '',
    20260101,
  ])('rejects %s', (d) => expect(isDay(d)).toBe(false));

  it('knows the day of the week and steps across month, leap and year ends', () => {
    expect(weekdayOf('2026-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2026-04-10')).toBe(5); // Friday
    expect(weekdayOf('2026-01-10')).toBe(6); // Saturday
    expect(weekdayOf('1969-12-28')).toBe(0); // Sunday, before the epoch
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(dayOfNumber(dayNumber('2026-03-21'))).toBe('2026-03-21');
  });

  it('throws on a day that is not one', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2026/01/05')).toThrow(RangeError);
  });
});

describe('buildCalendar and dayOff', () => {
  it('tells weekends, holidays, collective leave, regional and fixed-date holidays apart', () => {
    expect(dayOff(cal, '2026-03-19')).toEqual({
      date: '2026-03-19',
      kind: 'holiday',
      name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)',
    });
    expect(dayOff(cal, '2026-03-20')).toEqual({
      date: '2026-03-20',
      kind: 'collective_leave',
      name: 'Cuti bersama Idulfitri',
    });
    // Idulfitri 1447 falls on a Saturday: the weekend wins.
    expect(dayOff(cal, '2026-03-21')).toEqual({ date: '2026-03-21', kind: 'weekend', name: 'Sabtu' });
    expect(dayOff(cal, '2026-03-22')?.name).toBe('Minggu');
    expect(dayOff(cal, '2026-03-25')).toBeNull();
    // 2027 has no decree: 17 August still is a holiday, Idulfitri is not known.
    expect(dayOff(cal, '2027-08-17')).toEqual({
      date: '2027-08-17',
      kind: 'fixed_holiday',
      name: 'Proklamasi Kemerdekaan',
    });
    expect(dayOff(cal, '2027-01-01')?.name).toBe('Tahun Baru 2027 Masehi');
    const malang = buildCalendar({
      ...seedCalendarInput(),
      extraHolidays: [{ date: '2026-04-01', name: 'Hari Jadi Kota Malang' }],
    });
    expect(dayOff(malang, '2026-04-01')).toEqual({
      date: '2026-04-01',
      kind: 'regional_holiday',
      name: 'Hari Jadi Kota Malang',
    });
    expect(isWorkingDay(cal, '2026-04-01')).toBe(true);
  });

  it('makes removed dates working days again, but neither weekends nor regional holidays', () => {
    const input: CalendarInput = {
      ...seedCalendarInput(),
      extraHolidays: [{ date: '2026-04-01', name: 'Hari Jadi Kota Malang' }],
      removedDates: ['2026-03-20', '2027-08-17', '2026-03-21', '2026-04-01'],
    };
    const c = buildCalendar(input);
    expect(isWorkingDay(c, '2026-03-20')).toBe(true); // collective leave removed
    expect(isWorkingDay(c, '2027-08-17')).toBe(true); // fixed-date fallback removed
    expect(isWorkingDay(c, '2026-03-21')).toBe(false); // still a Saturday
    expect(isWorkingDay(c, '2026-04-01')).toBe(false); // regional holidays are deleted, not removed
  });

  it('keeps the first listing of a date: holiday before collective leave before regional', () => {
    const c = buildCalendar({
      years: {
        2026: {
          holidays: [{ date: '2026-06-01', name: 'Hari Lahir Pancasila' }],
          collectiveLeave: [{ date: '2026-06-01', name: 'Cuti' }],
        },
      },
      extraHolidays: [{ date: '2026-06-01', name: 'Libur daerah' }],
    });
    expect(dayOff(c, '2026-06-01')?.kind).toBe('holiday');
    expect(workingDaysBetween(c, '2026-05-29', '2026-06-02')).toBe(1); // Monday 1 June off once only
  });

  it('refuses malformed dates', () => {
    expect(() =>
      buildCalendar({
        years: { 2026: { holidays: [{ date: '2026-02-30', name: 'x' }], collectiveLeave: [] } },
      }),
    ).toThrow(RangeError);
    expect(() => buildCalendar({ years: {}, removedDates: ['kemarin'] })).toThrow(RangeError);
    expect(() => buildCalendar({ years: { tahun: { holidays: [], collectiveLeave: [] } } })).toThrow(
      RangeError,
    );
  });

  it('lists the days off of a year, decreed or fixed-date', () => {
    const y2026 = daysOffOfYear(cal, 2026);
    expect(y2026).toHaveLength(25);
    expect(y2026.filter((d) => d.kind === 'collective_leave')).toHaveLength(8);
    expect(y2026.map((d) => d.date)).toEqual([...y2026.map((d) => d.date)].sort());
    expect(daysOffOfYear(cal, 2027).map((d) => [d.date, d.kind])).toEqual(
      FIXED_DATE_HOLIDAYS.map((h) => [`2027-${h.monthDay}`, 'fixed_holiday']),
    );
  });
});

describe('workingDaysBetween', () => {
  it('excludes the start day and includes the end day', () => {
    expect(workingDaysBetween(cal, '2026-04-06', '2026-04-06')).toBe(0);
    expect(workingDaysBetween(cal, '2026-04-06', '2026-04-07')).toBe(1); // Monday -> Tuesday
    expect(workingDaysBetween(cal, '2026-04-10', '2026-04-13')).toBe(1); // Friday -> Monday
    expect(workingDaysBetween(cal, '2026-04-10', '2026-04-12')).toBe(0); // Friday -> Sunday
    expect(workingDaysBetween(cal, '2026-04-06', '2026-04-10')).toBe(4); // Monday -> Friday
    expect(workingDaysBetween(cal, '2026-04-13', '2026-04-10')).toBe(-1); // the other way round
  });

  it('counts the working days of the decreed and the fallback years', () => {
    // 261 weekdays each; 2026 loses 21 weekdays to holidays and collective leave, 2025 loses 23.
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(240);
    expect(workingDaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(238);
    // 2027 without decree: 1 Jan, 1 Jun and 17 Aug fall on weekdays.
    expect(workingDaysBetween(cal, '2026-12-31', '2027-12-31')).toBe(258);
    // 2028, a leap year without decree: 260 weekdays minus 1 May, 1 Jun, 17 Aug, 25 Dec.
    expect(workingDaysBetween(cal, '2027-12-31', '2028-12-31')).toBe(256);
  });

  it('skips the 2026 Idulfitri block: Nyepi, cuti bersama and the weekend', () => {
    // Wed 18 cuti Nyepi, Thu 19 Nyepi, Fri 20 cuti, Sat 21 and Sun 22 Idulfitri, Mon 23 and Tue 24 cuti.
    expect(workingDaysBetween(cal, '2026-03-17', '2026-03-24')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-17', '2026-03-25')).toBe(1);
    expect(workingDaysBetween(cal, '2026-03-10', '2026-03-25')).toBe(6);
  });

  it('crosses year ends, including into a year without decree', () => {
    // Thu 24 Dec cuti, Fri 25 Christmas; 2027-01-01 is a fixed-date holiday (Friday).
    expect(workingDaysBetween(cal, '2026-12-23', '2027-01-04')).toBe(5); // 28, 29, 30, 31 Dec, 4 Jan
    expect(workingDaysBetween(cal, '2026-12-23', '2027-01-04')).toBe(
      naiveBetween(cal, '2026-12-23', '2027-01-04'),
    );
  });
});

describe('addWorkingDays, nextWorkingDay, workingDayOnOrAfter', () => {
  it('counts forward over weekends and holidays', () => {
    expect(addWorkingDays(cal, '2026-04-10', 1)).toBe('2026-04-13');
    expect(addWorkingDays(cal, '2026-04-10', 5)).toBe('2026-04-17');
    expect(addWorkingDays(cal, '2026-03-17', 1)).toBe('2026-03-25');
    expect(addWorkingDays(cal, '2026-12-23', 5)).toBe('2027-01-04');
    expect(nextWorkingDay(cal, '2026-03-17')).toBe('2026-03-25');
  });

  it('returns the day itself for n = 0, working day or not', () => {
    expect(addWorkingDays(cal, '2026-03-21', 0)).toBe('2026-03-21');
    expect(addWorkingDays(cal, '2026-03-25', 0)).toBe('2026-03-25');
  });

  it('refuses a negative or fractional n', () => {
    expect(() => addWorkingDays(cal, '2026-03-25', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-03-25', 1.5)).toThrow(RangeError);
  });

  it('rolls a day off to the next working day and keeps a working day', () => {
    expect(workingDayOnOrAfter(cal, '2026-03-18')).toBe('2026-03-25');
    expect(workingDayOnOrAfter(cal, '2026-01-10')).toBe('2026-01-12');
    expect(workingDayOnOrAfter(cal, '2026-03-25')).toBe('2026-03-25');
  });
});

describe('workingDaysLate', () => {
  it('is 0 on and before the deadline day', () => {
    expect(workingDaysLate(cal, '2026-04-10', '2026-04-10')).toBe(0);
    expect(workingDaysLate(cal, '2026-04-10', '2026-03-01')).toBe(0);
  });

  it('is 1 for a Monday submission after a Friday deadline, and for the weekend in between', () => {
    expect(workingDaysLate(cal, '2026-04-10', '2026-04-11')).toBe(1);
    expect(workingDaysLate(cal, '2026-04-10', '2026-04-12')).toBe(1);
    expect(workingDaysLate(cal, '2026-04-10', '2026-04-13')).toBe(1);
    expect(workingDaysLate(cal, '2026-04-10', '2026-04-14')).toBe(2);
  });

  it('keeps a weekend or holiday deadline on its calendar day and counts working days after it', () => {
    // 10 January 2026 is a Saturday.
    expect(workingDaysLate(cal, '2026-01-10', '2026-01-10')).toBe(0);
    expect(workingDaysLate(cal, '2026-01-10', '2026-01-11')).toBe(1);
    expect(workingDaysLate(cal, '2026-01-10', '2026-01-12')).toBe(1);
    expect(workingDaysLate(cal, '2026-01-10', '2026-01-13')).toBe(2);
    // 1 January 2026 (Thursday) is a holiday.
    expect(workingDaysLate(cal, '2026-01-01', '2026-01-02')).toBe(1);
  });

  it('does not count the 2026 Idulfitri block', () => {
    expect(workingDaysLate(cal, '2026-03-10', '2026-03-25')).toBe(6);
    for (const d of ['2026-03-18', '2026-03-20', '2026-03-22', '2026-03-24', '2026-03-25'])
      expect(workingDaysLate(cal, '2026-03-17', d)).toBe(1);
    expect(workingDaysLate(cal, '2026-03-17', '2026-03-26')).toBe(2);
  });
});

describe('calendarCoverage', () => {
  it('is decreed for the seeded years', () => {
    expect(calendarCoverage(cal, 2025)).toEqual({ decreed: true });
    expect(calendarCoverage(cal, 2026)).toEqual({ decreed: true });
  });

  it('warns the admin in Indonesian for a year without decree', () => {
    const coverage = calendarCoverage(cal, 2027);
    expect(coverage.decreed).toBe(false);
    expect(coverage.warning).toContain('tahun 2027 belum diisi');
    expect(coverage.warning).toContain('1 Januari, 1 Mei, 1 Juni, 17 Agustus, 25 Desember');
  });

  it('counts a year listed with no dates as decreed (the admin said so)', () => {
    const c = buildCalendar({ years: { 2027: { holidays: [], collectiveLeave: [] } } });
    expect(calendarCoverage(c, 2027)).toEqual({ decreed: true });
    expect(isWorkingDay(c, '2027-08-17')).toBe(true);
  });
});

describe('validateCalendarEntries', () => {
  it('accepts the seeded decrees', () => {
    const input = seedCalendarInput();
    expect(validateCalendarEntries(2025, input.years['2025'])).toEqual([]);
    expect(validateCalendarEntries(2026, input.years['2026'])).toEqual([]);
  });

  it('checks the date, the year and the name of every entry', () => {
    expect(
      validateCalendarEntries(2026, {
        holidays: [
          { date: '2026-02-30', name: 'Tanggal salah' },
          { date: '2027-01-01', name: 'Tahun Baru' },
          { date: '2026-08-17', name: '   ' },
          { date: '2026-08-18', name: 'x'.repeat(121) },
        ],
      }),
    ).toEqual([
      { path: 'holidays.0.date', message: 'Tanggal tidak valid (format TTTT-BB-HH)' },
      { path: 'holidays.1.date', message: 'Tanggal harus di tahun 2026' },
      { path: 'holidays.2.name', message: 'Nama hari libur wajib diisi' },
      { path: 'holidays.3.name', message: 'Nama hari libur paling panjang 120 karakter' },
    ]);
  });

  it('refuses a date twice, within a list and across the lists', () => {
    expect(
      validateCalendarEntries(2026, {
        holidays: [{ date: '2026-03-19', name: 'Nyepi' }],
        collectiveLeave: [
          { date: '2026-03-20', name: 'Cuti bersama Idulfitri' },
          { date: '2026-03-20', name: 'Cuti bersama Idulfitri' },
        ],
        extraHolidays: [{ date: '2026-03-19', name: 'Libur daerah' }],
      }),
    ).toEqual([
      { path: 'collectiveLeave.1.date', message: 'Tanggal 2026-03-20 sudah tercantum sebagai cuti bersama' },
      { path: 'extraHolidays.0.date', message: 'Tanggal 2026-03-19 sudah tercantum sebagai libur nasional' },
    ]);
  });

  it('refuses a year outside 2000-2100 and entries that are not objects of strings', () => {
    expect(validateCalendarEntries(1999, {})).toEqual([
      { path: 'year', message: 'Tahun kalender harus tahun antara 2000 dan 2100' },
    ]);
    expect(
      validateCalendarEntries(2026, { holidays: [{ date: 20260101, name: null } as never, null as never] }),
    ).toEqual([
      { path: 'holidays.0.date', message: 'Tanggal tidak valid (format TTTT-BB-HH)' },
      { path: 'holidays.0.name', message: 'Nama hari libur wajib diisi' },
      { path: 'holidays.1.date', message: 'Tanggal tidak valid (format TTTT-BB-HH)' },
      { path: 'holidays.1.name', message: 'Nama hari libur wajib diisi' },
    ]);
  });
});

describe('properties', () => {
  // Days from 2024-01-01 to 2028-12-31: decreed years, fallback years, a leap day.
  const lo = dayNumber('2024-01-01');
  const hi = dayNumber('2028-12-31');
  const day = fc.integer({ min: lo, max: hi }).map(dayOfNumber);
  /** The seeded decrees plus random regional holidays and removed dates. */
  const calendar = fc
    .record({
      extra: fc.uniqueArray(day, { maxLength: 15 }),
      removed: fc.uniqueArray(day, { maxLength: 15 }),
    })
    .map(({ extra, removed }) =>
      buildCalendar({
        ...seedCalendarInput(),
        extraHolidays: extra.map((date) => ({ date, name: 'Libur daerah' })),
        removedDates: removed,
      }),
    );

  it('workingDaysBetween equals a day-by-day count', () => {
    fc.assert(
      fc.property(calendar, day, day, (c, a, b) => {
        expect(workingDaysBetween(c, a, b)).toBe(naiveBetween(c, a, b));
      }),
      { numRuns: 200 },
    );
  });

  it('workingDaysBetween is additive over adjacent spans, in any order', () => {
    fc.assert(
      fc.property(calendar, day, day, day, (c, a, b, d) => {
        expect(workingDaysBetween(c, a, b) + workingDaysBetween(c, b, d)).toBe(workingDaysBetween(c, a, d));
      }),
    );
  });

  it('addWorkingDays lands on a working day n working days later, the first such day', () => {
    fc.assert(
      fc.property(calendar, day, fc.integer({ min: 1, max: 300 }), (c, d, n) => {
        const r = addWorkingDays(c, d, n);
        expect(isWorkingDay(c, r)).toBe(true);
        expect(workingDaysBetween(c, d, r)).toBe(n);
        expect(workingDaysBetween(c, d, addDays(r, -1))).toBe(n - 1);
      }),
    );
  });

  it('addWorkingDays inverts workingDaysBetween up to a working day', () => {
    fc.assert(
      fc.property(calendar, day, day, (c, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const target = workingDayOnOrAfter(c, to);
        expect(addWorkingDays(c, from, workingDaysBetween(c, from, target))).toBe(target);
      }),
    );
  });

  it('workingDaysLate is 0 up to the deadline, at least 1 after it, and never decreases', () => {
    fc.assert(
      fc.property(calendar, day, day, (c, deadline, done) => {
        const late = workingDaysLate(c, deadline, done);
        if (done <= deadline) expect(late).toBe(0);
        else expect(late).toBeGreaterThanOrEqual(1);
        expect(workingDaysLate(c, deadline, addDays(done, 1))).toBeGreaterThanOrEqual(late);
      }),
    );
  });
});
