import type { FieldError } from '../../../contract/common.js';

/**
 * The working-day calendar of a region (domain.md section 4, "Working days"): Monday to Friday minus
 * the national holidays (libur nasional) and the collective leave (cuti bersama) of the year, as the
 * joint decree of three ministers (SKB 3 Menteri) sets them, plus the region's own holidays. A year
 * without a decree falls back to the holidays whose date never moves, and the admin is warned.
 *
 * Pure: days are `YYYY-MM-DD` strings of the region's local calendar (WIB, WITA or WIT; the caller turns
 * an instant into a local day with `localDay` of platform/calendar.ts), and every function takes the
 * calendar it works on.
 *
 * Holidays and collective leave are kept apart: both are days off for counting working days, but HR
 * rules treat them differently (collective leave is deducted from the annual leave entitlement).
 */

/** One dated entry of the calendar. */
export interface CalendarEntry {
  /** Local calendar day `YYYY-MM-DD`. */
  date: string;
  /** Name shown to users, in Bahasa Indonesia (e.g. "Idulfitri 1447 Hijriah"). */
  name: string;
}

/** The decree of one year: its national holidays and its collective leave days. */
export interface CalendarYear {
  /** The decree that sets the dates, for display (e.g. "SKB Nomor 1497 Tahun 2025, ..."). */
  decree?: string;
  holidays: readonly CalendarEntry[];
  collectiveLeave: readonly CalendarEntry[];
}

/** What the admin configures (and the demo seeds). */
export interface CalendarInput {
  /** Decreed years, keyed by the year (`2026` or `'2026'`). A year listed here counts as decreed. */
  years: Readonly<Record<string, CalendarYear>>;
  /** Regional holidays (e.g. the anniversary of the city), any year. */
  extraHolidays?: readonly CalendarEntry[];
  /**
   * Days that are working days after all although a decree or the fixed-date fallback lists them (e.g. a
   * decree amended later). Regional holidays are not affected: the admin deletes those instead.
   * Weekends are never working days.
   */
  removedDates?: readonly string[];
}

/** Why a day is not a working day. */
export type DayOffKind = 'weekend' | 'holiday' | 'collective_leave' | 'regional_holiday' | 'fixed_holiday';

export interface DayOff {
  date: string;
  kind: DayOffKind;
  /** Bahasa Indonesia; for a weekend the name of the day ("Sabtu", "Minggu"). */
  name: string;
}

/** A built calendar; make one with {@link buildCalendar}. Treat it as opaque and immutable. */
export interface WorkingCalendar {
  /** The years that have a decree; others use {@link FIXED_DATE_HOLIDAYS}. */
  readonly decreedYears: ReadonlySet<number>;
  /** Listed days off of the decreed years and the regional holidays of any year, by date. */
  readonly listed: ReadonlyMap<string, DayOff>;
  /** The listed days off that fall on Monday to Friday, sorted: the ones that cost a working day. */
  readonly listedWeekdays: readonly string[];
  readonly removed: ReadonlySet<string>;
}

/**
 * Holidays whose date is the same every year, used for a year without a decree: 1 January, 1 May,
 * 1 June, 17 August and 25 December. The moving holidays (Islamic, Chinese, Balinese and Christian
 * feasts) and all collective leave need the decree.
 */
export const FIXED_DATE_HOLIDAYS: readonly { monthDay: string; name: (year: number) => string }[] =
  Object.freeze(
    [
      { monthDay: '01-01', name: (year: number) => `Tahun Baru ${year} Masehi` },
      { monthDay: '05-01', name: () => 'Hari Buruh Internasional' },
      { monthDay: '06-01', name: () => 'Hari Lahir Pancasila' },
      { monthDay: '08-17', name: () => 'Proklamasi Kemerdekaan' },
      { monthDay: '12-25', name: () => 'Kelahiran Yesus Kristus' },
    ].map((h) => Object.freeze(h)),
  );

// ---------------------------------------------------------------------------------------------------
// Calendar days as strings

/** The accepted years: four digits, so that the strings sort as the days do. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar day written `YYYY-MM-DD` (2026-02-29 is not one). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function assertDay(value: string, what = 'day'): void {
  if (!isDay(value)) throw new RangeError(`${what} must be a calendar day YYYY-MM-DD, got ${String(value)}`);
}

/** Number of days of a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_LENGTHS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 (negative before). */
export function dayNumber(day: string): number {
  assertDay(day);
  return (
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY
  );
}

/** The day of a day number. */
export function dayOfNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day `n` calendar days after (or before, when negative) `day`. */
export function addDays(day: string, n: number): string {
  return dayOfNumber(dayNumber(day) + n);
}

/** 0 Sunday, 1 Monday ... 6 Saturday. */
export function weekdayOf(day: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

export const yearOf = (day: string): number => Number(day.slice(0, 4));

const isWeekendNumber = (n: number) => {
  const w = (((n + 4) % 7) + 7) % 7;
  return w === 0 || w === 6;
};

/**
 * Monday-to-Friday days counted from a fixed Monday (1970-01-05, day number 4); only differences are
 * used, so the origin does not matter and negative values are fine.
 */
function weekdaysThrough(n: number): number {
  const t = n - 4;
  const weeks = Math.floor(t / 7);
  const rest = t - weeks * 7; // 0 = Monday ... 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}

// ---------------------------------------------------------------------------------------------------
// Building and asking the calendar

/**
 * Builds the calendar. Throws on a malformed date (the admin's input passes
 * {@link validateCalendarEntries} first; the seed is checked by its loader). When one date is listed
 * twice, the first wins in this order: holiday, collective leave, regional holiday.
 */
export function buildCalendar(input: CalendarInput): WorkingCalendar {
  const removed = new Set<string>();
  for (const d of input.removedDates ?? []) {
    assertDay(d, 'removed date');
    removed.add(d);
  }
  const listed = new Map<string, DayOff>();
  const decreedYears = new Set<number>();
  const put = (entry: CalendarEntry, kind: DayOffKind) => {
    assertDay(entry.date, `date of ${entry.name}`);
    if (kind !== 'regional_holiday' && removed.has(entry.date)) return;
    if (!listed.has(entry.date)) listed.set(entry.date, { date: entry.date, kind, name: entry.name });
  };
  for (const [key, year] of Object.entries(input.years)) {
    const y = Number(key);
    if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR)
      throw new RangeError(`invalid calendar year ${key}`);
    decreedYears.add(y);
    for (const e of year.holidays) put(e, 'holiday');
    for (const e of year.collectiveLeave) put(e, 'collective_leave');
  }
  for (const e of input.extraHolidays ?? []) put(e, 'regional_holiday');
  const listedWeekdays = [...listed.keys()].filter((d) => !isWeekendNumber(dayNumber(d))).sort();
  return { decreedYears, listed, listedWeekdays, removed };
}

/** The fixed-date holidays of a year without a decree that still apply (not removed, not listed). */
function fallbackDaysOff(cal: WorkingCalendar, year: number): DayOff[] {
  if (cal.decreedYears.has(year)) return [];
  const out: DayOff[] = [];
  for (const h of FIXED_DATE_HOLIDAYS) {
    const date = `${year}-${h.monthDay}`;
    if (cal.removed.has(date) || cal.listed.has(date)) continue;
    out.push({ date, kind: 'fixed_holiday', name: h.name(year) });
  }
  return out;
}

const WEEKEND_NAMES: Record<number, string> = { 0: 'Minggu', 6: 'Sabtu' };

/**
 * Why `day` is not a working day, or null when it is one. A weekend wins over a holiday on it (2026-03-21,
 * Idulfitri, is a Saturday and reads "Sabtu"); use {@link daysOffOfYear} for the holiday names.
 */
export function dayOff(cal: WorkingCalendar, day: string): DayOff | null {
  const w = weekdayOf(day);
  if (w === 0 || w === 6) return { date: day, kind: 'weekend', name: WEEKEND_NAMES[w] };
  const listed = cal.listed.get(day);
  if (listed) return listed;
  return fallbackDaysOff(cal, yearOf(day)).find((h) => h.date === day) ?? null;
}

export function isWorkingDay(cal: WorkingCalendar, day: string): boolean {
  return dayOff(cal, day) === null;
}

/**
 * The holidays, collective leave and regional holidays of a year (weekends not included, even when a
 * holiday falls on one), sorted by date; for a year without a decree, the fixed-date fallback.
 */
export function daysOffOfYear(cal: WorkingCalendar, year: number): DayOff[] {
  const prefix = `${year}-`;
  const listed = [...cal.listed.values()].filter((d) => d.date.startsWith(prefix));
  return [...listed, ...fallbackDaysOff(cal, year)].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

/** Index of the first element of a sorted array that is greater than `value`. */
function upperBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The number of working days `d` with `from < d <= to`: the start day is excluded and the end day
 * included. So the count is 0 for the same day, 1 from a Friday to the next Monday, and it adds up over
 * adjacent spans (`between(a, b) + between(b, c) === between(a, c)`). When `to` is before `from` the
 * result is the negative of the count the other way round, which keeps that sum true for any order.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  // `0 -` rather than unary minus: an empty backward span is 0, not -0.
  if (b < a) return 0 - workingDaysBetween(cal, to, from);
  let count = weekdaysThrough(b) - weekdaysThrough(a);
  // Listed days off on a weekday inside (from, to].
  count -= upperBound(cal.listedWeekdays, to) - upperBound(cal.listedWeekdays, from);
  // Fixed-date holidays of the years without a decree.
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    for (const h of fallbackDaysOff(cal, y)) {
      if (h.date > from && h.date <= to && !isWeekendNumber(dayNumber(h.date))) count--;
    }
  }
  return count;
}

/**
 * The `n`-th working day after `day` (`n` a whole number >= 0). `n = 0` gives `day` itself, working day
 * or not; for `n >= 1` the result is always a working day and `workingDaysBetween(day, result) === n`.
 */
export function addWorkingDays(cal: WorkingCalendar, day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  assertDay(day);
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) left--;
  }
  return d;
}

/** The first working day after `day` (strictly later). */
export function nextWorkingDay(cal: WorkingCalendar, day: string): string {
  return addWorkingDays(cal, day, 1);
}

/** `day` when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(cal: WorkingCalendar, day: string): string {
  return isWorkingDay(cal, day) ? day : nextWorkingDay(cal, day);
}

/**
 * Working days late of something due on `deadline` and done on `doneOn`: 0 when done on or before the
 * deadline day (the deadline stays the calendar day even when it is a weekend or a holiday: the whole
 * day may be used). After it, the working days after the deadline up to and including the day it was
 * done, where something done on a day off counts as done on the next working day: with a Friday
 * deadline, Saturday, Sunday and Monday are all 1 day late and Tuesday is 2. So anything late is at
 * least 1 working day late, and weekends, holidays and collective leave in between never count.
 */
export function workingDaysLate(cal: WorkingCalendar, deadline: string, doneOn: string): number {
  // Dashboards ask the same few (deadline, day) pairs for thousands of indicators: remembered per
  // calendar, which is immutable, so the answer never changes.
  let memo = LATENESS.get(cal);
  if (!memo) LATENESS.set(cal, (memo = new Map()));
  const key = `${deadline}|${doneOn}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  assertDay(deadline, 'deadline');
  assertDay(doneOn, 'doneOn');
  const late = doneOn <= deadline ? 0 : workingDaysBetween(cal, deadline, workingDayOnOrAfter(cal, doneOn));
  memo.set(key, late);
  return late;
}
const LATENESS = new WeakMap<WorkingCalendar, Map<string, number>>();

/** Whether a year's calendar is decreed; when not, a warning for the region admin. */
export interface CalendarCoverage {
  decreed: boolean;
  warning?: string;
}

export function calendarCoverage(cal: WorkingCalendar, year: number): CalendarCoverage {
  if (cal.decreedYears.has(year)) return { decreed: true };
  return {
    decreed: false,
    warning:
      `Kalender libur nasional dan cuti bersama tahun ${year} belum diisi. Sampai SKB 3 Menteri tahun ` +
      `${year} dimasukkan, hari kerja dihitung hanya dengan libur bertanggal tetap (1 Januari, 1 Mei, ` +
      `1 Juni, 17 Agustus, 25 Desember), sehingga keterlambatan dapat terhitung lebih panjang.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Validation of what the admin enters

/** The lists an admin edits for one year. */
export type CalendarListName = 'holidays' | 'collectiveLeave' | 'extraHolidays';

const LIST_LABELS: Record<CalendarListName, string> = {
  holidays: 'libur nasional',
  collectiveLeave: 'cuti bersama',
  extraHolidays: 'libur daerah',
};

export const MAX_CALENDAR_NAME = 120;
/** The years an admin may configure: a guard against typos, as for lelang terms. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

/**
 * Checks the entries of one year as the admin enters them: a valid year; every entry a real date in that
 * year with a name of 1 to 120 characters; no date twice, within a list or across the lists (a day is
 * either a holiday or collective leave). Messages in Bahasa Indonesia; paths like `holidays.2.date`.
 */
export function validateCalendarEntries(
  year: number,
  lists: Partial<Record<CalendarListName, readonly CalendarEntry[]>>,
): FieldError[] {
  const out: FieldError[] = [];
  const yearOk = Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
  if (!yearOk)
    out.push({
      path: 'year',
      message: `Tahun kalender harus tahun antara ${MIN_CALENDAR_YEAR} dan ${MAX_CALENDAR_YEAR}`,
    });
  const seen = new Map<string, string>();
  for (const list of ['holidays', 'collectiveLeave', 'extraHolidays'] as const) {
    const entries = lists[list];
    if (!entries) continue;
    entries.forEach((entry, i) => {
      const path = `${list}.${i}`;
      const date: unknown = entry?.date;
      const name: unknown = entry?.name;
      if (!isDay(date)) {
        out.push({ path: `${path}.date`, message: 'Tanggal tidak valid (format TTTT-BB-HH)' });
      } else if (yearOk && yearOf(date) !== year) {
        out.push({ path: `${path}.date`, message: `Tanggal harus di tahun ${year}` });
      } else {
        const first = seen.get(date);
        if (first)
          out.push({ path: `${path}.date`, message: `Tanggal ${date} sudah tercantum sebagai ${first}` });
        else seen.set(date, LIST_LABELS[list]);
      }
      if (typeof name !== 'string' || name.trim() === '')
        out.push({ path: `${path}.name`, message: 'Nama hari libur wajib diisi' });
      else if (name.trim().length > MAX_CALENDAR_NAME)
        out.push({
          path: `${path}.name`,
          message: `Nama hari libur paling panjang ${MAX_CALENDAR_NAME} karakter`,
        });
    });
  }
  return out;
}
