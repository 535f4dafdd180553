import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededCalendar } from '../../seed/holidays.js';
import { frequencies, type Frequency } from '../auction/proposal.domain.js';
import {
  deadlineOf,
  DEFAULT_DEADLINE_SETTING,
  parsePeriodKey,
  periodOfDay,
  periodStateLabels,
  periodStates,
  periodStatus,
  periodsOf,
  todoList,
  validateDeadlineSetting,
  type Period,
  type RealizationState,
  type TodoIndicator,
} from './periods.domain.js';
import { addDays, dayNumber, dayOfNumber } from './working-days.domain.js';

const cal = seededCalendar();
const period = (key: string): Period => {
  const p = parsePeriodKey(key);
  if (!p) throw new Error(`bad key ${key}`);
  return p;
};

describe('periodsOf', () => {
  it('gives the twelve months of a year with Indonesian labels', () => {
    const months = periodsOf('monthly', 2026);
    expect(months.map((p) => p.key)).toEqual([
      '2026-M01',
      '2026-M02',
      '2026-M03',
      '2026-M04',
      '2026-M05',
      '2026-M06',
      '2026-M07',
      '2026-M08',
      '2026-M09',
      '2026-M10',
      '2026-M11',
      '2026-M12',
    ]);
    expect(months.map((p) => p.label)).toEqual([
      'Januari 2026',
      'Februari 2026',
      'Maret 2026',
      'April 2026',
      'Mei 2026',
      'Juni 2026',
      'Juli 2026',
      'Agustus 2026',
      'September 2026',
      'Oktober 2026',
      'November 2026',
      'Desember 2026',
    ]);
    expect(months[0]).toEqual({
      frequency: 'monthly',
      year: 2026,
      index: 1,
      key: '2026-M01',
      label: 'Januari 2026',
      start: '2026-01-01',
      end: '2026-01-31',
    });
    expect(months[1].end).toBe('2026-02-28');
    expect(months[3].end).toBe('2026-04-30');
  });

  it('gives quarters, semesters and the year', () => {
    expect(periodsOf('quarterly', 2026).map((p) => [p.key, p.label, p.start, p.end])).toEqual([
      ['2026-Q1', 'Triwulan I 2026', '2026-01-01', '2026-03-31'],
      ['2026-Q2', 'Triwulan II 2026', '2026-04-01', '2026-06-30'],
      ['2026-Q3', 'Triwulan III 2026', '2026-07-01', '2026-09-30'],
      ['2026-Q4', 'Triwulan IV 2026', '2026-10-01', '2026-12-31'],
    ]);
    expect(periodsOf('semester', 2026).map((p) => [p.key, p.label, p.start, p.end])).toEqual([
      ['2026-S1', 'Semester I 2026', '2026-01-01', '2026-06-30'],
      ['2026-S2', 'Semester II 2026', '2026-07-01', '2026-12-31'],
    ]);
    expect(periodsOf('yearly', 2026)).toEqual([
      {
        frequency: 'yearly',
        year: 2026,
        index: 1,
        key: '2026',
        label: 'Tahun 2026',
        start: '2026-01-01',
        end: '2026-12-31',
      },
    ]);
  });

  it.each(frequencies.flatMap((f) => [2026, 2028, 2100].map((y) => [f, y] as const)))(
    '%s %s covers the year without gap or overlap',
    (frequency, year) => {
      const ps = periodsOf(frequency, year);
      expect(ps.length).toBe({ monthly: 12, quarterly: 4, semester: 2, yearly: 1 }[frequency]);
      expect(ps[0].start).toBe(`${year}-01-01`);
      expect(ps.at(-1)?.end).toBe(`${year}-12-31`);
      ps.forEach((p, i) => {
        expect(p.index).toBe(i + 1);
        if (i > 0) expect(p.start).toBe(addDays(ps[i - 1].end, 1));
        expect(parsePeriodKey(p.key)).toEqual(p);
      });
      const days = ps.reduce((n, p) => n + dayNumber(p.end) - dayNumber(p.start) + 1, 0);
      expect(days).toBe(year % 4 === 0 && year % 100 !== 0 ? 366 : 365);
    },
  );

  it('knows leap years: February 2028 has 29 days, 2027 and 2100 have 28', () => {
    expect(periodsOf('monthly', 2028)[1].end).toBe('2028-02-29');
    expect(periodsOf('monthly', 2027)[1].end).toBe('2027-02-28');
    expect(periodsOf('monthly', 2100)[1].end).toBe('2100-02-28');
  });

  it('refuses an unknown frequency and a year that is not one', () => {
    expect(() => periodsOf('weekly' as Frequency, 2026)).toThrow(RangeError);
    expect(() => periodsOf('monthly', 2026.5)).toThrow(RangeError);
    expect(() => periodsOf('monthly', 999)).toThrow(RangeError);
  });
});

describe('periodOfDay', () => {
  it.each([
    ['2028-02-29', ['2028-M02', '2028-Q1', '2028-S1', '2028']],
    ['2026-01-01', ['2026-M01', '2026-Q1', '2026-S1', '2026']],
    ['2026-03-31', ['2026-M03', '2026-Q1', '2026-S1', '2026']],
    ['2026-04-01', ['2026-M04', '2026-Q2', '2026-S1', '2026']],
    ['2026-06-30', ['2026-M06', '2026-Q2', '2026-S1', '2026']],
    ['2026-07-01', ['2026-M07', '2026-Q3', '2026-S2', '2026']],
    ['2026-12-31', ['2026-M12', '2026-Q4', '2026-S2', '2026']],
  ])('puts %s in %j', (day, keys) => {
    expect(frequencies.map((f) => periodOfDay(f, day).key)).toEqual(keys);
  });

  it('refuses a day that is not one', () => {
    expect(() => periodOfDay('monthly', '2026-02-29')).toThrow(RangeError);
  });

  it('always returns the period of periodsOf that contains the day', () => {
    const day = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2030-12-31') }).map(dayOfNumber);
    fc.assert(
      fc.property(fc.constantFrom(...frequencies), day, (frequency, d) => {
        const p = periodOfDay(frequency, d);
        expect(p.start <= d && d <= p.end).toBe(true);
        expect(periodsOf(frequency, p.year)).toContainEqual(p);
      }),
    );
  });
});

describe('parsePeriodKey', () => {
  it.each([
    '2026-M00',
    '2026-M13',
    '2026-M1',
    '2026-Q0',
    '2026-Q5',
    '2026-S3',
    '26',
    '2026-',
    'tahun',
    '0999',
  ])('refuses %s', (key) => expect(parsePeriodKey(key)).toBeNull());
});

describe('deadlineOf', () => {
  it('is the 10th of the month after the period by default, across the year end', () => {
    expect(DEFAULT_DEADLINE_SETTING).toEqual({ dayOfFollowingMonth: 10 });
    expect(deadlineOf(period('2026-M01'))).toBe('2026-02-10');
    expect(deadlineOf(period('2026-M11'))).toBe('2026-12-10');
    expect(deadlineOf(period('2026-M12'))).toBe('2027-01-10');
    expect(deadlineOf(period('2026-Q1'))).toBe('2026-04-10');
    expect(deadlineOf(period('2026-Q4'))).toBe('2027-01-10');
    expect(deadlineOf(period('2026-S1'))).toBe('2026-07-10');
    expect(deadlineOf(period('2026-S2'))).toBe('2027-01-10');
    expect(deadlineOf(period('2026'))).toBe('2027-01-10');
  });

  it('takes the configured day, 1 to 28', () => {
    expect(deadlineOf(period('2026-M01'), { dayOfFollowingMonth: 1 })).toBe('2026-02-01');
    expect(deadlineOf(period('2028-M01'), { dayOfFollowingMonth: 28 })).toBe('2028-02-28');
    expect(deadlineOf(period('2027-M01'), { dayOfFollowingMonth: 28 })).toBe('2027-02-28');
    expect(deadlineOf(period('2028-M02'), { dayOfFollowingMonth: 28 })).toBe('2028-03-28');
    expect(deadlineOf(period('2026'), { dayOfFollowingMonth: 1 })).toBe('2027-01-01');
    expect(deadlineOf(period('2026-Q4'), { dayOfFollowingMonth: 28 })).toBe('2027-01-28');
  });

  it.each([0, 29, 31, 10.5, Number.NaN])('refuses the day %s', (d) => {
    expect(validateDeadlineSetting({ dayOfFollowingMonth: d })).toEqual([
      {
        path: 'dayOfFollowingMonth',
        message: 'Batas pelaporan harus tanggal 1 sampai 28 pada bulan berikutnya',
      },
    ]);
    expect(() => deadlineOf(period('2026-M01'), { dayOfFollowingMonth: d })).toThrow(RangeError);
  });

  it('accepts the days 1 and 28', () => {
    expect(validateDeadlineSetting({ dayOfFollowingMonth: 1 })).toEqual([]);
    expect(validateDeadlineSetting({ dayOfFollowingMonth: 28 })).toEqual([]);
  });
});

describe('periodStatus', () => {
  const march = period('2026-M03'); // deadline Friday 2026-04-10
  const status = (today: string, realization: RealizationState | null, p = march) =>
    periodStatus({ period: p, deadline: deadlineOf(p), today, realization, calendar: cal });

  it('has a label for every state', () => {
    expect(Object.keys(periodStateLabels).sort()).toEqual([...periodStates].sort());
  });

  it('is not due before the last day of the period, due from it through the deadline, then overdue', () => {
    expect(status('2026-03-30', null)).toEqual({ status: 'not_due', workingDaysLate: 0 });
    expect(status('2026-03-31', null)).toEqual({ status: 'due', workingDaysLate: 0 });
    expect(status('2026-04-10', null)).toEqual({ status: 'due', workingDaysLate: 0 });
    expect(status('2026-04-11', null)).toEqual({ status: 'overdue', workingDaysLate: 1 });
    expect(status('2026-04-13', null)).toEqual({ status: 'overdue', workingDaysLate: 1 });
    expect(status('2026-04-15', null)).toEqual({ status: 'overdue', workingDaysLate: 3 });
  });

  it('treats a draft as nothing submitted', () => {
    expect(status('2026-03-15', { status: 'draft' })).toEqual({ status: 'not_due', workingDaysLate: 0 });
    expect(status('2026-04-01', { status: 'draft' })).toEqual({ status: 'due', workingDaysLate: 0 });
    expect(status('2026-04-14', { status: 'draft' })).toEqual({ status: 'overdue', workingDaysLate: 2 });
  });

  it('is submitted on the deadline day and late by 1 working day on the Monday after a Friday deadline', () => {
    expect(status('2026-04-20', { status: 'submitted', submittedOn: '2026-04-10' })).toEqual({
      status: 'submitted',
      workingDaysLate: 0,
    });
    expect(status('2026-04-20', { status: 'submitted', submittedOn: '2026-04-02' })).toEqual({
      status: 'submitted',
      workingDaysLate: 0,
    });
    expect(status('2026-04-20', { status: 'submitted', submittedOn: '2026-04-13' })).toEqual({
      status: 'late_submitted',
      workingDaysLate: 1,
    });
    expect(status('2026-04-20', { status: 'submitted' })).toEqual({
      status: 'submitted',
      workingDaysLate: 0,
    });
  });

  it('keeps a Saturday deadline (December 2025, 10 January 2026) and counts working days after it', () => {
    const december = period('2025-M12');
    expect(deadlineOf(december)).toBe('2026-01-10');
    expect(status('2026-01-10', null, december)).toEqual({ status: 'due', workingDaysLate: 0 });
    expect(status('2026-01-11', null, december)).toEqual({ status: 'overdue', workingDaysLate: 1 });
    expect(status('2026-01-13', null, december)).toEqual({ status: 'overdue', workingDaysLate: 2 });
    expect(status('2026-01-20', { status: 'submitted', submittedOn: '2026-01-12' }, december)).toEqual({
      status: 'late_submitted',
      workingDaysLate: 1,
    });
  });

  it('keeps a holiday deadline (1 January 2026 with day 1) on its day', () => {
    const y2025 = period('2025');
    const deadline = deadlineOf(y2025, { dayOfFollowingMonth: 1 });
    expect(deadline).toBe('2026-01-01');
    const at = (submittedOn: string) =>
      periodStatus({
        period: y2025,
        deadline,
        today: '2026-02-01',
        realization: { status: 'submitted', submittedOn },
        calendar: cal,
      });
    expect(at('2026-01-01')).toEqual({ status: 'submitted', workingDaysLate: 0 });
    expect(at('2026-01-02')).toEqual({ status: 'late_submitted', workingDaysLate: 1 });
  });

  it('does not count the 2026 Idulfitri collective leave in the lateness', () => {
    // February: deadline Tuesday 10 March; 18-24 March are Nyepi, Idulfitri and cuti bersama.
    expect(
      status('2026-04-01', { status: 'submitted', submittedOn: '2026-03-25' }, period('2026-M02')),
    ).toEqual({
      status: 'late_submitted',
      workingDaysLate: 6,
    });
  });

  it('reports verified and returned whatever the dates, with the lateness of the submission', () => {
    expect(status('2026-03-01', { status: 'verified', submittedOn: '2026-04-13' })).toEqual({
      status: 'verified',
      workingDaysLate: 1,
    });
    expect(status('2026-05-01', { status: 'verified', submittedOn: '2026-04-09' })).toEqual({
      status: 'verified',
      workingDaysLate: 0,
    });
    expect(status('2026-05-01', { status: 'returned', submittedOn: '2026-04-09' })).toEqual({
      status: 'returned',
      workingDaysLate: 0,
    });
    expect(status('2026-05-01', { status: 'returned', submittedOn: '2026-04-14' })).toEqual({
      status: 'returned',
      workingDaysLate: 2,
    });
    expect(status('2026-05-01', { status: 'returned' })).toEqual({ status: 'returned', workingDaysLate: 0 });
  });

  it('refuses a today or deadline that is not a day', () => {
    expect(() => status('15-04-2026', null)).toThrow(RangeError);
    expect(() =>
      periodStatus({
        period: march,
        deadline: '2026-04-31',
        today: '2026-04-01',
        realization: null,
        calendar: cal,
      }),
    ).toThrow(RangeError);
  });
});

describe('todoList', () => {
  const indicators: TodoIndicator<string>[] = [
    {
      ref: 'A',
      frequency: 'monthly',
      years: [2026],
      realizations: { '2026-M01': { status: 'verified', submittedOn: '2026-02-19' } },
    },
    {
      ref: 'B',
      frequency: 'quarterly',
      years: [2026],
      realizations: { '2026-Q1': { status: 'returned', submittedOn: '2026-04-14' } },
    },
    {
      ref: 'C',
      frequency: 'monthly',
      years: [2026],
      realizations: {
        '2026-M02': { status: 'submitted', submittedOn: '2026-03-19' },
        '2026-M03': { status: 'draft' },
      },
    },
    { ref: 'D', frequency: 'yearly', years: [2025, 2026], realizations: {} },
    { ref: 'E', frequency: 'semester', years: [2026], realizations: {} },
  ];

  it('lists overdue, then returned, then due, each by deadline, then in indicator order', () => {
    const todo = todoList(indicators, {
      today: '2026-04-15',
      calendar: cal,
      deadlineSetting: { dayOfFollowingMonth: 20 },
    });
    expect(todo.map((t) => [t.ref, t.period.key, t.status, t.deadline, t.workingDaysLate])).toEqual([
      ['D', '2025', 'overdue', '2026-01-20', 53],
      ['C', '2026-M01', 'overdue', '2026-02-20', 32],
      ['A', '2026-M02', 'overdue', '2026-03-20', 15],
      ['B', '2026-Q1', 'returned', '2026-04-20', 0],
      ['A', '2026-M03', 'due', '2026-04-20', 0],
      ['C', '2026-M03', 'due', '2026-04-20', 0],
    ]);
    expect(todo[0].period.label).toBe('Tahun 2025');
  });

  it('uses the default deadline, the 10th', () => {
    const todo = todoList(indicators, { today: '2026-04-15', calendar: cal });
    expect(todo.map((t) => [t.ref, t.period.key, t.status])).toEqual([
      ['D', '2025', 'overdue'],
      ['C', '2026-M01', 'overdue'],
      ['A', '2026-M02', 'overdue'],
      ['A', '2026-M03', 'overdue'],
      ['C', '2026-M03', 'overdue'],
      ['B', '2026-Q1', 'returned'],
    ]);
  });

  it('is empty when everything is reported or not due yet', () => {
    const notReturned = indicators.filter((i) => i.ref !== 'B');
    expect(todoList(notReturned, { today: '2025-06-01', calendar: cal })).toEqual([]);
    expect(todoList([], { today: '2026-04-15', calendar: cal })).toEqual([]);
  });

  it('refuses a today that is not a day', () => {
    expect(() => todoList([], { today: 'hari ini', calendar: cal })).toThrow(RangeError);
  });
});
