import type { FieldError } from '../../../contract/common.js';
import type { Frequency } from '../auction/proposal.domain.js';
import {
  daysInMonth,
  dayNumber,
  isDay,
  workingDaysLate,
  yearOf,
  type WorkingCalendar,
} from './working-days.domain.js';

/**
 * Reporting periods (domain.md section 3, "Reporting period"): derived from an indicator's frequency,
 * each with a deadline on a fixed day of the month after the period ends (a region setting, default the
 * 10th); the state of one period for an OPD, and the OPD's to-do list.
 *
 * Pure: days are `YYYY-MM-DD` strings of the region's local calendar; the caller passes today's local day
 * (`localDay(now, timezone)` of platform/calendar.ts) and the region's working-day calendar.
 */

export type { Frequency };

/** One reporting period of one frequency. */
export interface Period {
  frequency: Frequency;
  year: number;
  /** 1-based position in the year: month 1-12, quarter 1-4, semester 1-2, or 1 for the year. */
  index: number;
  /** `2026-M01`, `2026-Q1`, `2026-S1` or `2026`: stable, sorts chronologically within a frequency. */
  key: string;
  /** Bahasa Indonesia: `Januari 2026`, `Triwulan I 2026`, `Semester I 2026`, `Tahun 2026`. */
  label: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Months per period and periods per year. */
const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, semester: 6, yearly: 12 };

export const MIN_PERIOD_YEAR = 1000;
export const MAX_PERIOD_YEAR = 9998; // the deadline of December falls in the next year

const pad2 = (n: number) => String(n).padStart(2, '0');

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR)
    throw new RangeError(`year must be a whole number ${MIN_PERIOD_YEAR}-${MAX_PERIOD_YEAR}, got ${year}`);
}

function assertFrequency(frequency: Frequency): void {
  if (!Object.hasOwn(MONTHS, frequency)) throw new RangeError(`unknown frequency ${String(frequency)}`);
}

/** The `index`-th period of a year (1-based). */
function makePeriod(frequency: Frequency, year: number, index: number): Period {
  const months = MONTHS[frequency];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = `${year}-${pad2(firstMonth)}-01`;
  const end = `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`;
  switch (frequency) {
    case 'monthly':
      return {
        frequency,
        year,
        index,
        key: `${year}-M${pad2(index)}`,
        label: `${MONTH_NAMES[index - 1]} ${year}`,
        start,
        end,
      };
    case 'quarterly':
      return {
        frequency,
        year,
        index,
        key: `${year}-Q${index}`,
        label: `Triwulan ${ROMAN[index - 1]} ${year}`,
        start,
        end,
      };
    case 'semester':
      return {
        frequency,
        year,
        index,
        key: `${year}-S${index}`,
        label: `Semester ${ROMAN[index - 1]} ${year}`,
        start,
        end,
      };
    case 'yearly':
      return { frequency, year, index, key: `${year}`, label: `Tahun ${year}`, start, end };
  }
}

/** The periods of a year in order: 12 months, 4 quarters, 2 semesters or the one year. */
export function periodsOf(frequency: Frequency, year: number): Period[] {
  assertFrequency(frequency);
  assertYear(year);
  const count = 12 / MONTHS[frequency];
  return Array.from({ length: count }, (_, i) => makePeriod(frequency, year, i + 1));
}

/** The period of a frequency that contains `day`. */
export function periodOfDay(frequency: Frequency, day: string): Period {
  assertFrequency(frequency);
  if (!isDay(day)) throw new RangeError(`day must be a calendar day YYYY-MM-DD, got ${String(day)}`);
  const year = yearOf(day);
  assertYear(year);
  const month = Number(day.slice(5, 7));
  return makePeriod(frequency, year, Math.floor((month - 1) / MONTHS[frequency]) + 1);
}

const KEY_PATTERNS: [RegExp, Frequency][] = [
  [/^(\d{4})-M(0[1-9]|1[0-2])$/, 'monthly'],
  [/^(\d{4})-Q([1-4])$/, 'quarterly'],
  [/^(\d{4})-S([12])$/, 'semester'],
  [/^(\d{4})()$/, 'yearly'],
];

/** The period of a key (`2026-M01`, `2026-Q1`, `2026-S1`, `2026`), or null when it is not one. */
export function parsePeriodKey(key: string): Period | null {
  if (typeof key !== 'string') return null;
  // Dashboards parse the same few keys for every indicator: each valid key is parsed once.
  const known = PARSED.get(key);
  if (known) return known;
  const period = parseNew(key);
  if (period && PARSED.size < 10_000) PARSED.set(key, Object.freeze(period));
  return period;
}
const PARSED = new Map<string, Period>();

function parseNew(key: string): Period | null {
  for (const [pattern, frequency] of KEY_PATTERNS) {
    const m = pattern.exec(key);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
    return makePeriod(frequency, year, m[2] === '' ? 1 : Number(m[2]));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Deadlines

/** The region setting for report deadlines. */
export interface DeadlineSetting {
  /** Day of the month after the period ends, 1-28 (every month has it). */
  dayOfFollowingMonth: number;
}

export const DEFAULT_DEADLINE_SETTING: Readonly<DeadlineSetting> = Object.freeze({ dayOfFollowingMonth: 10 });

export function validateDeadlineSetting(setting: DeadlineSetting): FieldError[] {
  const d = setting?.dayOfFollowingMonth;
  if (!Number.isInteger(d) || d < 1 || d > 28)
    return [
      {
        path: 'dayOfFollowingMonth',
        message: 'Batas pelaporan harus tanggal 1 sampai 28 pada bulan berikutnya',
      },
    ];
  return [];
}

/**
 * The deadline of a period: the configured day of the month after the period's last month (December
 * periods: January of the next year). The deadline is that calendar day even when it is a weekend or a
 * holiday: a report is on time through the end of that day; lateness is then counted in working days
 * after it ({@link workingDaysLate}).
 */
export function deadlineOf(period: Period, setting: DeadlineSetting = DEFAULT_DEADLINE_SETTING): string {
  if (validateDeadlineSetting(setting).length > 0)
    throw new RangeError(`dayOfFollowingMonth must be 1-28, got ${String(setting?.dayOfFollowingMonth)}`);
  const endMonth = Number(period.end.slice(5, 7));
  const year = endMonth === 12 ? period.year + 1 : period.year;
  const month = endMonth === 12 ? 1 : endMonth + 1;
  return `${year}-${pad2(month)}-${pad2(setting.dayOfFollowingMonth)}`;
}

// ---------------------------------------------------------------------------------------------------
// State of one period

export type RealizationStatus = 'draft' | 'submitted' | 'verified' | 'returned';

/** What the state needs of the realization of one indicator and period. */
export interface RealizationState {
  status: RealizationStatus;
  /**
   * Local day of the submission that lateness is judged by; the service passes the first submission,
   * so that a report returned for correction does not turn late. Missing: lateness unknown, counted 0.
   */
  submittedOn?: string;
}

export const periodStates = [
  'not_due',
  'due',
  'overdue',
  'submitted',
  'late_submitted',
  'returned',
  'verified',
] as const;
export type PeriodState = (typeof periodStates)[number];

export interface PeriodStatus {
  status: PeriodState;
  /**
   * Working days late ({@link workingDaysLate}): of the submission for `late_submitted` (>= 1) and for
   * `verified` or `returned` reports that were submitted late; of today for `overdue` (>= 1, grows while
   * nothing is submitted). 0 in every other case.
   */
  workingDaysLate: number;
}

export const periodStateLabels: Record<PeriodState, string> = {
  not_due: 'Belum waktunya',
  due: 'Perlu dilaporkan',
  overdue: 'Terlambat, belum dilaporkan',
  submitted: 'Sudah dilaporkan',
  late_submitted: 'Dilaporkan terlambat',
  returned: 'Dikembalikan untuk diperbaiki',
  verified: 'Terverifikasi',
};

export interface PeriodStatusInput {
  period: Period;
  /** From {@link deadlineOf} with the region's setting. */
  deadline: string;
  /** Today's local day in the region. */
  today: string;
  realization: RealizationState | null;
  calendar: WorkingCalendar;
}

/**
 * The state of one period of one indicator, first matching row wins:
 *
 * | realization                 | condition                        | status           | workingDaysLate          |
 * | --------------------------- | -------------------------------- | ---------------- | ------------------------ |
 * | `verified`                  | -                                | `verified`       | of `submittedOn`         |
 * | `returned`                  | -                                | `returned`       | of `submittedOn`         |
 * | `submitted`                 | `submittedOn` <= deadline or none | `submitted`      | 0                        |
 * | `submitted`                 | `submittedOn` > deadline         | `late_submitted` | of `submittedOn` (>= 1)  |
 * | none or `draft`             | today < period end               | `not_due`        | 0                        |
 * | none or `draft`             | period end <= today <= deadline  | `due`            | 0                        |
 * | none or `draft`             | today > deadline                 | `overdue`        | of today (>= 1)          |
 *
 * "Of a day" means `workingDaysLate(calendar, deadline, day)`. A period is due from its last day (the
 * report of a month may be sent on its last day) through the deadline day, whatever day of the week the
 * deadline is. A draft is not a report: it counts as nothing submitted.
 */
export function periodStatus(input: PeriodStatusInput): PeriodStatus {
  const { period, deadline, today, realization, calendar } = input;
  if (!isDay(today)) throw new RangeError(`today must be a calendar day YYYY-MM-DD, got ${String(today)}`);
  if (!isDay(deadline))
    throw new RangeError(`deadline must be a calendar day YYYY-MM-DD, got ${String(deadline)}`);
  const lateness = (day: string | undefined) => (day ? workingDaysLate(calendar, deadline, day) : 0);
  switch (realization?.status) {
    case 'verified':
      return { status: 'verified', workingDaysLate: lateness(realization.submittedOn) };
    case 'returned':
      return { status: 'returned', workingDaysLate: lateness(realization.submittedOn) };
    case 'submitted': {
      const late = lateness(realization.submittedOn);
      return { status: late > 0 ? 'late_submitted' : 'submitted', workingDaysLate: late };
    }
    default:
      if (today < period.end) return { status: 'not_due', workingDaysLate: 0 };
      if (today <= deadline) return { status: 'due', workingDaysLate: 0 };
      return { status: 'overdue', workingDaysLate: workingDaysLate(calendar, deadline, today) };
  }
}

// ---------------------------------------------------------------------------------------------------
// The to-do list of an OPD

/** One indicator an OPD reports on. `ref` is anything the caller wants back (ids, names). */
export interface TodoIndicator<T> {
  ref: T;
  frequency: Frequency;
  /** The years the indicator is reported for (the contract's years). */
  years: readonly number[];
  /** The realizations so far, by period key; a missing key means nothing entered. */
  realizations: Readonly<Record<string, RealizationState | undefined>>;
}

export type TodoState = Extract<PeriodState, 'overdue' | 'returned' | 'due'>;

export interface TodoItem<T> {
  ref: T;
  period: Period;
  deadline: string;
  status: TodoState;
  workingDaysLate: number;
}

export interface TodoOptions {
  today: string;
  calendar: WorkingCalendar;
  deadlineSetting?: DeadlineSetting;
}

const TASK_RANK: Record<TodoState, number> = { overdue: 0, returned: 1, due: 2 };

/**
 * What an OPD must do now, over every indicator and every period of its years: the periods that are
 * `overdue`, `returned` or `due` (nothing to do for the others). Overdue first, then returned, then due;
 * within each group by deadline (the most pressing first), then by period start, then in the order of
 * the indicators given.
 */
export function todoList<T>(indicators: readonly TodoIndicator<T>[], options: TodoOptions): TodoItem<T>[] {
  const setting = options.deadlineSetting ?? DEFAULT_DEADLINE_SETTING;
  if (!isDay(options.today))
    throw new RangeError(`today must be a calendar day YYYY-MM-DD, got ${String(options.today)}`);
  const items: TodoItem<T>[] = [];
  for (const indicator of indicators) {
    for (const year of indicator.years) {
      for (const period of periodsOf(indicator.frequency, year)) {
        if (options.today < period.end && !indicator.realizations[period.key]) continue; // not due yet
        const deadline = deadlineOf(period, setting);
        const { status, workingDaysLate } = periodStatus({
          period,
          deadline,
          today: options.today,
          realization: indicator.realizations[period.key] ?? null,
          calendar: options.calendar,
        });
        if (status === 'overdue' || status === 'returned' || status === 'due')
          items.push({ ref: indicator.ref, period, deadline, status, workingDaysLate });
      }
    }
  }
  return items.sort(
    (a, b) =>
      TASK_RANK[a.status] - TASK_RANK[b.status] ||
      dayNumber(a.deadline) - dayNumber(b.deadline) ||
      dayNumber(a.period.start) - dayNumber(b.period.start),
  );
}
