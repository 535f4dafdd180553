import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ramadanRange, seedCalendarInput, seededCalendar } from '../../seed/holidays.js';
import { buildCalendar } from '../monitoring/working-days.domain.js';
import {
  BAND_CODES,
  DEFAULT_LATENESS_RULES,
  DEFAULT_SCHEDULE,
  defaultScheduleSet,
  describeRecap,
  earlyBand,
  evaluateDay,
  evaluateDays,
  excuseOn,
  formatDay,
  hoursFor,
  lateBand,
  monthRange,
  recapDays,
  secondsOfDay,
  validateExcuse,
  validateLatenessRules,
  validateScheduleSet,
  type AsnAttendance,
  type Excuse,
  type LatenessContext,
  type LatenessRules,
  type ScheduleSet,
  type WorkSchedule,
} from './lateness.domain.js';

const calendar = seededCalendar();
const ramadan2026 = ramadanRange(2026)!;
const ctx: LatenessContext = {
  calendar,
  schedules: defaultScheduleSet([ramadan2026]),
  rules: DEFAULT_LATENESS_RULES,
};
const at = (day: string, ...times: string[]) => times.map((t) => `${day} ${t}`);
/** A servant of the region's schedule with these punches. */
const asn = (punches: string[], extra: Partial<AsnAttendance> = {}): AsnAttendance => ({ punches, ...extra });

// 2026-04-06 is a Monday, 2026-04-10 a Friday.
const MON = '2026-04-06';
const FRI = '2026-04-10';

describe('the default schedule', () => {
  it('is Monday-Thursday 07:30-16:00 and Friday 07:30-16:30, Ramadan 08:00-15:00 and 15:30', () => {
    expect(hoursFor(ctx.schedules, null, MON)).toMatchObject({
      start: '07:30',
      end: '16:00',
      variant: 'regular',
      source: 'region',
    });
    expect(hoursFor(ctx.schedules, null, FRI)).toMatchObject({ start: '07:30', end: '16:30' });
    expect(hoursFor(ctx.schedules, null, '2026-03-02')).toMatchObject({
      start: '08:00',
      end: '15:00',
      variant: 'ramadan',
    });
    expect(hoursFor(ctx.schedules, null, '2026-03-06')).toMatchObject({ start: '08:00', end: '15:30' });
    expect(hoursFor(ctx.schedules, null, '2026-04-11')).toBeNull(); // Saturday
  });

  it('adds up to 37.5 hours a week after the breaks (1 hour, 1.5 hours on Friday)', () => {
    const hours = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
    const gross = hours.reduce((sum, d) => {
      const h = DEFAULT_SCHEDULE.regular[d]!;
      return sum + (secondsOfDay(h.end) - secondsOfDay(h.start)) / 3600;
    }, 0);
    expect(gross - 4 * 1 - 1.5).toBe(37.5);
  });
});

describe('check-in and minutes late', () => {
  it.each([
    ['07:29:59', 0, null],
    ['07:30:00', 0, null],
    ['07:30:59', 0, null],
    ['07:31:00', 1, 'TL1'],
    ['08:00:00', 30, 'TL1'],
    ['08:00:59', 30, 'TL1'],
    ['08:01:00', 31, 'TL2'],
    ['08:30:59', 60, 'TL2'],
    ['08:31:00', 61, 'TL3'],
    ['09:00:59', 90, 'TL3'],
    ['09:01:00', 91, 'TL4'],
    ['11:44:59', 254, 'TL4'],
  ])('in at %s on a Monday: %i minutes, %s', (time, minutes, band) => {
    const day = evaluateDay(ctx, asn([...at(MON, time, '16:00:00')]), MON);
    expect(day.kind).toBe('present');
    expect(day.checkIn).toBe(time);
    expect(day.minutesLate).toBe(minutes);
    expect(day.late).toBe(band);
    expect(day.early).toBeNull();
  });

  it('explains a late day in words', () => {
    const day = evaluateDay(ctx, asn(at(MON, '16:05:00', '07:42:10')), MON);
    expect(day.explanation).toBe(
      'Masuk 07:42:10, jadwal 07:30: terlambat 12 menit (TL1). Pulang 16:05:00, jadwal 16:00: tepat waktu.',
    );
    expect(day.weight).toBe(0.5);
  });
});

describe('check-out and minutes early', () => {
  it.each([
    ['16:00:00', 0, null],
    ['15:59:01', 0, null],
    ['15:59:00', 1, 'PSW1'],
    ['15:30:00', 30, 'PSW1'],
    ['15:29:01', 30, 'PSW1'],
    ['15:29:00', 31, 'PSW2'],
    ['14:59:01', 60, 'PSW2'],
    ['14:59:00', 61, 'PSW3'],
    ['14:29:01', 90, 'PSW3'],
    ['14:29:00', 91, 'PSW4'],
    ['11:45:00', 255, 'PSW4'],
  ])('out at %s on a Monday: %i minutes early, %s', (time, minutes, band) => {
    const day = evaluateDay(ctx, asn(at(MON, '07:15:00', time)), MON);
    expect(day.checkOut).toBe(time);
    expect(day.minutesEarly).toBe(minutes);
    expect(day.early).toBe(band);
    expect(day.late).toBeNull();
  });

  it('uses the Friday end time 16:30', () => {
    const friday = evaluateDay(ctx, asn(at(FRI, '07:20:00', '16:05:00')), FRI);
    expect(friday).toMatchObject({ minutesEarly: 25, early: 'PSW1', weight: 0.5 });
    expect(friday.explanation).toBe(
      'Masuk 07:20:00, jadwal 07:30: tepat waktu. Pulang 16:05:00, jadwal 16:30: pulang lebih awal 25 menit (PSW1).',
    );
    const thursday = evaluateDay(ctx, asn(at('2026-04-09', '07:20:00', '16:05:00')), '2026-04-09');
    expect(thursday).toMatchObject({ minutesEarly: 0, early: null, weight: 0 });
  });
});

describe('the punches of a day', () => {
  it('takes the earliest punch as check-in and the latest as check-out, in any order', () => {
    const day = evaluateDay(
      ctx,
      asn(at(MON, '12:30:00', '07:45:00', '16:10:00', '07:25:00', '13:00:00')),
      MON,
    );
    expect(day).toMatchObject({
      checkIn: '07:25:00',
      checkOut: '16:10:00',
      late: null,
      early: null,
      weight: 0,
    });
  });

  it('counts a single punch before the middle of the day (11:45) as check-in, from it on as check-out', () => {
    const before = evaluateDay(ctx, asn(at(MON, '11:44:59')), MON);
    expect(before).toMatchObject({
      checkIn: '11:44:59',
      checkOut: null,
      minutesLate: 254,
      late: 'TL4',
      minutesEarly: null,
      early: 'PSW4',
      weight: 5,
    });
    expect(before.explanation).toBe(
      'Masuk 11:44:59, jadwal 07:30: terlambat 254 menit (TL4). Tidak ada catatan pulang sejak 11:45 (PSW4).',
    );
    const after = evaluateDay(ctx, asn(at(MON, '11:45:00')), MON);
    expect(after).toMatchObject({ checkIn: null, checkOut: '11:45:00', late: 'TL4', early: 'PSW4' });
    const morning = evaluateDay(ctx, asn(at(MON, '07:10:00')), MON);
    expect(morning).toMatchObject({
      checkIn: '07:10:00',
      late: null,
      checkOut: null,
      early: 'PSW4',
      weight: 2.5,
    });
    expect(morning.explanation).toBe(
      'Masuk 07:10:00, jadwal 07:30: tepat waktu. Tidak ada catatan pulang sejak 11:45 (PSW4).',
    );
    const evening = evaluateDay(ctx, asn(at(MON, '16:20:00')), MON);
    expect(evening).toMatchObject({
      checkIn: null,
      late: 'TL4',
      checkOut: '16:20:00',
      early: null,
      weight: 2.5,
    });
    expect(evening.explanation).toBe(
      'Tidak ada catatan masuk sebelum 11:45 (TL4). Pulang 16:20:00, jadwal 16:00: tepat waktu.',
    );
  });

  it('has its middle at 12:00 on a Friday', () => {
    expect(evaluateDay(ctx, asn(at(FRI, '11:59:59')), FRI).checkIn).toBe('11:59:59');
    expect(evaluateDay(ctx, asn(at(FRI, '12:00:00')), FRI).checkOut).toBe('12:00:00');
  });

  it('treats a double tap in the morning as a check-in without check-out', () => {
    const day = evaluateDay(ctx, asn(at(MON, '07:20:01', '07:20:03')), MON);
    expect(day).toMatchObject({ checkIn: '07:20:01', checkOut: null, early: 'PSW4' });
  });

  it('counts a working day without any punch and without excuse as TK, apart from TL and PSW', () => {
    const day = evaluateDay(ctx, asn([]), MON);
    expect(day).toMatchObject({ kind: 'absent', absent: true, late: null, early: null, weight: 3 });
    expect(day.explanation).toBe(
      'Tidak ada catatan kehadiran dan tidak ada keterangan: tanpa keterangan (TK).',
    );
  });

  it('refuses a malformed punch', () => {
    expect(() => evaluateDay(ctx, asn(['2026-04-06T07:30:00']), MON)).toThrow(RangeError);
    expect(() => evaluateDay(ctx, asn(['2026-02-30 07:30:00']), MON)).toThrow(RangeError);
    expect(() => evaluateDays(ctx, asn([]), '2026-04-07', MON)).toThrow(RangeError);
  });
});

describe('Ramadan', () => {
  it('uses 08:00-15:00 on a Ramadan day and 07:30-16:00 after Ramadan (seeded 2026 dates)', () => {
    const inRamadan = evaluateDay(ctx, asn(at('2026-03-17', '07:55:00', '15:01:00')), '2026-03-17');
    expect(inRamadan).toMatchObject({ late: null, early: null, weight: 0 });
    expect(inRamadan.hours?.variant).toBe('ramadan');
    expect(inRamadan.explanation).toBe(
      'Masuk 07:55:00, jadwal Ramadan 08:00: tepat waktu. Pulang 15:01:00, jadwal Ramadan 15:00: tepat waktu.',
    );
    // The first working day after the Idulfitri block.
    const after = evaluateDay(ctx, asn(at('2026-03-25', '07:55:00', '15:01:00')), '2026-03-25');
    expect(after).toMatchObject({
      minutesLate: 25,
      late: 'TL1',
      minutesEarly: 59,
      early: 'PSW2',
      weight: 1.5,
    });
  });

  it('switches exactly on the day after the last Ramadan day', () => {
    const c: LatenessContext = {
      ...ctx,
      schedules: defaultScheduleSet([{ start: '2026-04-01', end: '2026-04-07' }]),
    };
    const last = evaluateDay(c, asn(at('2026-04-07', '07:59:59', '15:00:00')), '2026-04-07');
    const next = evaluateDay(c, asn(at('2026-04-08', '07:59:59', '15:00:00')), '2026-04-08');
    expect([last.late, last.early, last.hours?.variant]).toEqual([null, null, 'ramadan']);
    expect([next.late, next.early, next.hours?.variant]).toEqual(['TL1', 'PSW2', 'regular']);
  });
});

describe('days that do not count', () => {
  it('ignores punches on a holiday, collective leave and a weekend, and says why', () => {
    const punches = [
      ...at('2026-03-19', '07:30:00', '16:00:00'),
      ...at('2026-03-20', '09:00:00'),
      ...at('2026-04-11', '08:00:00'),
    ];
    const [nyepi, cuti, saturday] = [
      evaluateDay(ctx, asn(punches), '2026-03-19'),
      evaluateDay(ctx, asn(punches), '2026-03-20'),
      evaluateDay(ctx, asn(punches), '2026-04-11'),
    ];
    expect(nyepi).toMatchObject({ kind: 'day_off', ignoredPunches: 2, late: null, weight: 0, checkIn: null });
    expect(nyepi.explanation).toBe(
      'Hari libur (libur nasional): Hari Suci Nyepi (Tahun Baru Saka 1948). 2 catatan kehadiran pada hari ini diabaikan.',
    );
    expect(cuti.explanation).toBe(
      'Hari libur (cuti bersama): Cuti bersama Idulfitri. 1 catatan kehadiran pada hari ini diabaikan.',
    );
    expect(saturday.explanation).toBe(
      'Sabtu: bukan hari kerja. 1 catatan kehadiran pada hari ini diabaikan.',
    );
    expect(evaluateDay(ctx, asn([]), '2026-03-19').absent).toBe(false);
  });

  it('cancels an excused day, late punches or none', () => {
    const leave: Excuse = { kind: 'leave', start: '2026-04-06', end: '2026-04-08' };
    const a = asn(at(MON, '09:30:00'), { excuses: [leave] });
    const day = evaluateDay(ctx, a, MON);
    expect(day).toMatchObject({ kind: 'excused', late: null, absent: false, weight: 0, ignoredPunches: 1 });
    expect(day.excuse).toEqual(leave);
    expect(day.explanation).toBe(
      'Cuti (6-8 April 2026): hari ini tidak dihitung. 1 catatan kehadiran pada hari ini diabaikan.',
    );
    expect(evaluateDay(ctx, a, '2026-04-08').kind).toBe('excused');
    expect(evaluateDay(ctx, a, '2026-04-09').kind).toBe('absent');
    const sick = evaluateDay(
      ctx,
      asn([], { excuses: [{ kind: 'sick', start: '2026-03-30', end: '2026-04-06' }] }),
      MON,
    );
    expect(sick.explanation).toBe('Sakit (30 Maret-6 April 2026): hari ini tidak dihitung.');
    const travel = evaluateDay(
      ctx,
      asn([], { excuses: [{ kind: 'official_travel', start: '2025-12-29', end: MON }] }),
      MON,
    );
    expect(travel.explanation).toBe('Dinas luar (29 Desember 2025-6 April 2026): hari ini tidak dihitung.');
  });

  it('does not count days before the first or after the last day of service', () => {
    const days = evaluateDays(
      ctx,
      asn([], { activeFrom: '2026-04-08', activeUntil: '2026-04-09' }),
      MON,
      FRI,
    );
    expect(days.map((d) => d.kind)).toEqual(['not_active', 'not_active', 'absent', 'absent', 'not_active']);
    expect(days[0].explanation).toBe('Di luar masa tugas ASN pada unit ini: tidak dihitung.');
  });

  it('gives a month with no counted day to a servant on leave all month', () => {
    const april = monthRange('2026-04');
    const onLeave = asn(at('2026-04-13', '07:30:00'), { excuses: [{ kind: 'leave', ...april }] });
    const days = evaluateDays(ctx, onLeave, april.start, april.end);
    expect(days).toHaveLength(30);
    const recap = recapDays(days, ctx.rules);
    // April 2026: 22 weekdays, Good Friday on the 3rd.
    expect(recap).toMatchObject({
      workingDays: 21,
      excusedDays: 21,
      daysCounted: 0,
      presentDays: 0,
      absent: 0,
      weight: 0,
      capped: false,
      flaggedDays: [],
    });
    expect(describeRecap(recap)).toBe('Tidak ada keterlambatan; potongan 0%');
  });
});

describe('unit schedules', () => {
  const shift: WorkSchedule = {
    regular: {
      monday: { start: '07:00', end: '14:00' },
      tuesday: { start: '07:00', end: '14:00' },
      wednesday: { start: '07:00', end: '14:00' },
      thursday: { start: '07:00', end: '14:00' },
    },
  };
  const schedules: ScheduleSet = { ...defaultScheduleSet([ramadan2026]), units: { pkm: shift } };
  const c: LatenessContext = { ...ctx, schedules };

  it('override the region schedule for the unit only', () => {
    const punches = at(MON, '07:10:00', '14:05:00');
    expect(evaluateDay(c, asn(punches, { workUnitId: 'pkm' }), MON)).toMatchObject({
      minutesLate: 10,
      late: 'TL1',
      early: null,
    });
    expect(evaluateDay(c, asn(punches, { workUnitId: 'dinkes' }), MON)).toMatchObject({
      late: null,
      minutesEarly: 115,
      early: 'PSW4',
    });
    expect(hoursFor(schedules, 'pkm', MON)?.source).toBe('unit');
  });

  it('keep their regular hours in Ramadan unless they have Ramadan hours', () => {
    expect(hoursFor(schedules, 'pkm', '2026-03-02')).toMatchObject({ start: '07:00', variant: 'regular' });
  });

  it('may leave a weekday unworked', () => {
    const day = evaluateDay(c, asn(at(FRI, '07:00:00'), { workUnitId: 'pkm' }), FRI);
    expect(day).toMatchObject({ kind: 'no_schedule', ignoredPunches: 1, weight: 0 });
    expect(day.explanation).toBe(
      'Tidak ada jam kerja pada hari Jumat menurut jadwal: tidak dihitung. 1 catatan kehadiran pada hari ini diabaikan.',
    );
  });
});

describe('the monthly recap', () => {
  const week = evaluateDays(
    ctx,
    asn([
      ...at('2026-04-06', '07:42:10', '16:05:00'), // TL1
      ...at('2026-04-07', '08:45:00', '15:00:00'), // TL3, PSW2
      // 2026-04-08: TK
      ...at('2026-04-09', '07:30:00'), // PSW4
      ...at('2026-04-10', '07:00:00', '16:30:00'), // on time
      ...at('2026-04-11', '10:00:00'), // Saturday, ignored
      ...at('2026-04-13', '07:29:00', '16:01:00'), // outside the range
    ]),
    '2026-04-06',
    '2026-04-12',
  );

  it('counts bands, TK, on-time days and the weight, with the facts per day', () => {
    const recap = recapDays(week, ctx.rules);
    expect(recap).toEqual({
      workingDays: 5,
      daysCounted: 5,
      excusedDays: 0,
      presentDays: 4,
      onTimeDays: 1,
      late: { TL1: 1, TL2: 0, TL3: 1, TL4: 0 },
      early: { PSW1: 0, PSW2: 1, PSW3: 0, PSW4: 1 },
      absent: 1,
      uncappedWeight: 0.5 + 1.25 + 1 + 3 + 2.5,
      weight: 8.25,
      capped: false,
      flaggedDays: [
        { date: '2026-04-06', bands: ['TL1'] },
        { date: '2026-04-07', bands: ['TL3', 'PSW2'] },
        { date: '2026-04-08', bands: ['TK'] },
        { date: '2026-04-09', bands: ['PSW4'] },
      ],
    });
    expect(describeRecap(recap)).toBe('TL1 1, TL3 1, PSW2 1, PSW4 1, TK 1; potongan 8,25%');
  });

  it('gives the same numbers without the explanations (explain: false), and empty texts for present days', () => {
    const punches = [
      ...at('2026-04-06', '07:42:10', '16:05:00'),
      ...at('2026-04-07', '08:45:00', '15:00:00'),
      ...at('2026-04-09', '07:30:00'),
      ...at('2026-04-11', '10:00:00'),
    ];
    const plain = evaluateDays(ctx, asn(punches), '2026-04-06', '2026-04-12', { explain: false });
    const explained = evaluateDays(ctx, asn(punches), '2026-04-06', '2026-04-12');
    expect(plain.map(({ explanation: _e, ...d }) => d)).toEqual(
      explained.map(({ explanation: _e, ...d }) => d),
    );
    expect(plain.filter((d) => d.kind === 'present').map((d) => d.explanation)).toEqual(['', '', '']);
    expect(explained[0].explanation).toContain('terlambat 12 menit (TL1)');
    expect(recapDays(plain, ctx.rules)).toEqual(recapDays(explained, ctx.rules));
  });

  it('caps the month at the region cap', () => {
    const rules: LatenessRules = { ...DEFAULT_LATENESS_RULES, monthlyCap: 5 };
    const recap = recapDays(week, rules);
    expect(recap).toMatchObject({ uncappedWeight: 8.25, weight: 5, capped: true });
    expect(describeRecap(recap)).toBe(
      'TL1 1, TL3 1, PSW2 1, PSW4 1, TK 1; potongan 5% (dibatasi; tanpa batas 8,25%)',
    );
  });

  it('uses the region weights and band limits', () => {
    const rules: LatenessRules = {
      late: { limits: [15, 45, 75], weights: [1, 2, 3, 4] },
      early: { limits: [15, 45, 75], weights: [1, 2, 3, 4] },
      absenceWeight: 5,
      monthlyCap: 100,
    };
    const days = evaluateDays({ ...ctx, rules }, asn(at('2026-04-06', '07:46:00', '16:00:00')), MON, MON);
    expect(days[0]).toMatchObject({ minutesLate: 16, late: 'TL2', weight: 2 });
    expect(recapDays(evaluateDays({ ...ctx, rules }, asn([]), MON, MON), rules).weight).toBe(5);
  });
});

describe('bands', () => {
  it('maps minutes to bands at the limits, and a missing punch to band 4', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, null].map((m) => lateBand(m))).toEqual([
      null,
      'TL1',
      'TL1',
      'TL2',
      'TL2',
      'TL3',
      'TL3',
      'TL4',
      'TL4',
    ]);
    expect([0, 1, 30, 31, 60, 61, 90, 91, null].map((m) => earlyBand(m))).toEqual([
      null,
      'PSW1',
      'PSW1',
      'PSW2',
      'PSW2',
      'PSW3',
      'PSW3',
      'PSW4',
      'PSW4',
    ]);
    expect(BAND_CODES).toEqual(['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK']);
  });

  it('minutes late are the whole minutes after the start, for any check-in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 * 3600 + 44 * 60 + 59 }), (s) => {
        const time = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
          .map((n) => String(n).padStart(2, '0'))
          .join(':');
        const day = evaluateDay(ctx, asn([`${MON} ${time}`, `${MON} 16:00:00`]), MON);
        const expected = Math.max(0, Math.floor((s - (7 * 3600 + 30 * 60)) / 60));
        expect(day.minutesLate).toBe(expected);
        expect(day.late).toBe(lateBand(expected));
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateScheduleSet', () => {
  it('accepts the default schedules with the seeded Ramadan', () => {
    expect(validateScheduleSet(defaultScheduleSet([ramadan2026]))).toEqual([]);
  });

  it('explains bad hours, weekend hours, an empty week, and bad Ramadan ranges', () => {
    expect(
      validateScheduleSet({
        region: {
          regular: {
            monday: { start: '7:30', end: '16:00' },
            tuesday: { start: '07:30', end: '07:30' },
            wednesday: { start: '07:30', end: '25:00' },
            saturday: { start: '08:00', end: '12:00' },
          },
          ramadan: {},
        },
        ramadan: [
          { start: '2026-02-19', end: '2026-03-20' },
          { start: '2026-03-01', end: '2026-03-10' },
          { start: '2026-04-10', end: '2026-04-01' },
          { start: '2027-01-01', end: '2027-02-15' },
          { start: '2026-02-30', end: 'x' },
        ],
        units: { pkm: { regular: { friday: { start: '14:00', end: '06:00' } } } },
      }),
    ).toEqual([
      { path: 'region.regular.monday.start', message: 'Jam masuk tidak valid (format JJ:MM)' },
      {
        path: 'region.regular.tuesday.end',
        message: 'Jam pulang harus setelah jam masuk (shift yang melewati tengah malam belum didukung)',
      },
      { path: 'region.regular.wednesday.end', message: 'Jam pulang tidak valid (format JJ:MM)' },
      { path: 'region.regular.saturday', message: 'Sabtu bukan hari kerja: jam kerja tidak dapat diisi' },
      { path: 'region.ramadan', message: 'Jadwal harus memuat paling sedikit satu hari kerja' },
      {
        path: 'units.pkm.regular.friday.end',
        message: 'Jam pulang harus setelah jam masuk (shift yang melewati tengah malam belum didukung)',
      },
      { path: 'ramadan.1.start', message: 'Rentang Ramadan tumpang tindih dengan rentang ke-1' },
      { path: 'ramadan.2.end', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
      { path: 'ramadan.3.end', message: 'Rentang Ramadan paling panjang 31 hari' },
      { path: 'ramadan.4.start', message: 'Tanggal mulai tidak valid (format TTTT-BB-HH)' },
      { path: 'ramadan.4.end', message: 'Tanggal selesai tidak valid (format TTTT-BB-HH)' },
    ]);
  });
});

describe('validateLatenessRules', () => {
  it('accepts the defaults', () => {
    expect(validateLatenessRules(DEFAULT_LATENESS_RULES)).toEqual([]);
  });

  it('explains limits out of order, wrong counts and percentages out of range', () => {
    expect(
      validateLatenessRules({
        late: { limits: [30, 30, 0.5], weights: [0.5, 1, 1.25, 101] },
        early: { limits: [30, 60] as never, weights: [1, 2, 3] as never },
        absenceWeight: -1,
        monthlyCap: Number.NaN,
      }),
    ).toEqual([
      { path: 'late.limits.1', message: 'Batas TL2 harus lebih besar dari batas TL1' },
      { path: 'late.limits.2', message: 'Batas TL3 harus bilangan bulat 1-480 menit' },
      { path: 'late.weights.3', message: 'Bobot TL4 harus angka 0-100 (%)' },
      { path: 'early.limits', message: 'Batas menit PSW harus tepat 3 angka' },
      { path: 'early.weights', message: 'Bobot PSW harus tepat 4 angka' },
      { path: 'absenceWeight', message: 'Bobot TK harus angka 0-100 (%)' },
      { path: 'monthlyCap', message: 'Batas potongan per bulan harus angka 0-100 (%)' },
    ]);
  });
});

describe('excuses', () => {
  it('validates kind, dates and length', () => {
    expect(validateExcuse({ kind: 'sick', start: MON, end: MON })).toEqual([]);
    expect(validateExcuse({ kind: 'izin' as never, start: '2026-04-10', end: MON })).toEqual([
      { path: 'kind', message: 'Jenis keterangan harus cuti, sakit, atau dinas luar' },
      { path: 'end', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
    ]);
    expect(validateExcuse({ kind: 'leave', start: '2026-01-01', end: '2027-01-02' })).toEqual([
      { path: 'end', message: 'Satu keterangan paling panjang 366 hari' },
    ]);
    expect(validateExcuse({ kind: 'leave', start: '', end: '2026-02-30' })).toEqual([
      { path: 'start', message: 'Tanggal mulai tidak valid (format TTTT-BB-HH)' },
      { path: 'end', message: 'Tanggal selesai tidak valid (format TTTT-BB-HH)' },
    ]);
  });

  it('finds the excuse covering a day, bounds included', () => {
    const e: Excuse = { kind: 'leave', start: '2026-04-06', end: '2026-04-08' };
    expect([
      excuseOn([e], '2026-04-05'),
      excuseOn([e], MON),
      excuseOn([e], '2026-04-08'),
      excuseOn([e], '2026-04-09'),
    ]).toEqual([null, e, e, null]);
  });
});

describe('the shared day plan', () => {
  it('keeps calendars, schedule sets and ranges apart', () => {
    const schedules = defaultScheduleSet([ramadan2026]);
    const withRegional = buildCalendar({
      ...seedCalendarInput(),
      extraHolidays: [{ date: MON, name: 'Hari Jadi Kota Malang' }],
    });
    const punches = at(MON, '07:45:00', '16:00:00');
    expect(evaluateDay({ ...ctx, schedules }, asn(punches), MON).late).toBe('TL1');
    expect(evaluateDay({ ...ctx, schedules, calendar: withRegional }, asn(punches), MON).explanation).toBe(
      'Hari libur (libur daerah): Hari Jadi Kota Malang. 2 catatan kehadiran pada hari ini diabaikan.',
    );
    // The same day inside a longer range gives the same result.
    const week = evaluateDays({ ...ctx, schedules }, asn(punches), '2026-04-05', '2026-04-11');
    expect(week[1]).toEqual(evaluateDay({ ...ctx, schedules }, asn(punches), MON));
  });
});

describe('helpers', () => {
  it('formats days and months', () => {
    expect(formatDay('2026-04-06')).toBe('6 April 2026');
    expect(monthRange('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });

  it('reads times of day', () => {
    expect(['07:30', '07:30:59', '23:59:59', '24:00', '7:30', '07-30', '07:30:60'].map(secondsOfDay)).toEqual(
      [27000, 27059, 86399, -1, -1, -1, -1],
    );
  });
});
