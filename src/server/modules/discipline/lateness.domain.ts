import type { FieldError } from '../../../contract/common.js';
import { MONTH_NAMES } from '../monitoring/periods.domain.js';
import {
  addDays,
  dayNumber,
  dayOff,
  daysInMonth,
  isDay,
  weekdayOf,
  type DayOff,
  type DayOffKind,
  type WorkingCalendar,
} from '../monitoring/working-days.domain.js';

/**
 * Lateness (keterlambatan) per civil servant per working day, as domain.md section 4 sets it: the work
 * schedule of the region (or of the servant's unit), its Ramadan variant, the check-in and check-out
 * read from the punches of the day, the minutes late and early, the bands TL1-TL4 and PSW1-PSW4, an
 * unexcused absence (TK) counted apart, the weight (allowance cut, in percent) of each band, and the
 * monthly recap with its cap. Every day carries an explanation in Bahasa Indonesia, so that a servant
 * sees why a day counts.
 *
 * Pure: days are `YYYY-MM-DD` and punches `YYYY-MM-DD HH:MM:SS` in the region's local time (the
 * device's wall clock); the caller passes the working-day calendar, the schedules, the band rules, the
 * punches and the excuses.
 *
 * Check-in and check-out: the earliest punch before the middle of the working day is the check-in, the
 * latest punch from the middle on is the check-out. With punches on both sides this is the domain's
 * "earliest and latest punch", and a single punch counts as check-in before the middle and check-out
 * after it. When all punches fall on one side (a double tap at 07:20), the day has no check-out (or
 * no check-in) rather than a check-out at 07:20; the band is the same (PSW4 or TL4) and the
 * explanation is the honest one.
 */

// ---------------------------------------------------------------------------------------------------
// Work schedules

/** Weekday names, indexed like `weekdayOf` (0 Sunday ... 6 Saturday). */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<WeekdayName, string> = {
  sunday: 'Minggu',
  monday: 'Senin',
  tuesday: 'Selasa',
  wednesday: 'Rabu',
  thursday: 'Kamis',
  friday: 'Jumat',
  saturday: 'Sabtu',
};

/** Start and end of a working day, local `HH:MM`; the end is later on the same day. */
export interface DayHours {
  start: string;
  end: string;
}

/** Hours per weekday; a weekday that is absent or null is not worked. Saturday and Sunday never are. */
export type WeekHours = Partial<Record<WeekdayName, DayHours | null>>;

/** A schedule: the regular week and, optionally, the shorter Ramadan week. */
export interface WorkSchedule {
  regular: WeekHours;
  /** Hours during Ramadan; when absent, the regular hours apply in Ramadan too. */
  ramadan?: WeekHours | null;
}

/** An inclusive range of days. */
export interface DateRange {
  start: string;
  end: string;
}

/** The schedules of a region: its own, the Ramadan dates, and the units that work other hours. */
export interface ScheduleSet {
  region: WorkSchedule;
  /** The days of the reduced Ramadan hours (the Ministry of Religious Affairs sets them each year). */
  ramadan: readonly DateRange[];
  /**
   * Schedules of units that work other hours (e.g. a health centre), by work unit id. A unit schedule
   * replaces the region's entirely, Ramadan included (its regular hours apply in Ramadan unless it has
   * its own Ramadan hours).
   */
  units?: Readonly<Record<string, WorkSchedule>>;
}

/** Monday-Thursday 07:30-16:00, Friday 07:30-16:30; in Ramadan 08:00-15:00 and Friday 08:00-15:30. */
export const DEFAULT_SCHEDULE: WorkSchedule = Object.freeze({
  regular: Object.freeze({
    monday: { start: '07:30', end: '16:00' },
    tuesday: { start: '07:30', end: '16:00' },
    wednesday: { start: '07:30', end: '16:00' },
    thursday: { start: '07:30', end: '16:00' },
    friday: { start: '07:30', end: '16:30' },
  }),
  ramadan: Object.freeze({
    monday: { start: '08:00', end: '15:00' },
    tuesday: { start: '08:00', end: '15:00' },
    wednesday: { start: '08:00', end: '15:00' },
    thursday: { start: '08:00', end: '15:00' },
    friday: { start: '08:00', end: '15:30' },
  }),
});

/** The region's default schedules with the given Ramadan dates and no unit schedules. */
export function defaultScheduleSet(ramadan: readonly DateRange[] = []): ScheduleSet {
  return { region: DEFAULT_SCHEDULE, ramadan, units: {} };
}

/** The hours that apply to one servant on one day, in seconds after local midnight. */
export interface ScheduledHours {
  start: string;
  end: string;
  startSeconds: number;
  endSeconds: number;
  /** The middle of the working day: a lone punch before it is a check-in, from it on a check-out. */
  middleSeconds: number;
  variant: 'regular' | 'ramadan';
  source: 'region' | 'unit';
}

/** Seconds after midnight of `HH:MM` or `HH:MM:SS`, or -1 when it is not a time of day. */
export function secondsOfDay(time: string): number {
  if (typeof time !== 'string' || (time.length !== 5 && time.length !== 8)) return -1;
  const two = (i: number) => {
    const a = time.charCodeAt(i) - 48;
    const b = time.charCodeAt(i + 1) - 48;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  };
  if (time[2] !== ':' || (time.length === 8 && time[5] !== ':')) return -1;
  const [h, m, s] = [two(0), two(3), time.length === 8 ? two(6) : 0];
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return -1;
  return h * 3600 + m * 60 + s;
}

/** `HH:MM` of seconds after midnight (seconds dropped). */
const clockOf = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

const inRanges = (ranges: readonly DateRange[], day: string) =>
  ranges.some((r) => r.start <= day && day <= r.end);

/**
 * The hours of `day` for a servant of `workUnitId`: the unit's schedule when it has one, else the
 * region's; the Ramadan hours on a Ramadan day when the schedule has them. Null when the weekday is not
 * worked. Says nothing about holidays: ask the calendar for that.
 */
export function hoursFor(
  set: ScheduleSet,
  workUnitId: string | null | undefined,
  day: string,
): ScheduledHours | null {
  const unit = workUnitId ? set.units?.[workUnitId] : undefined;
  const schedule = unit ?? set.region;
  const ramadanDay = inRanges(set.ramadan, day);
  const useRamadan = ramadanDay && schedule.ramadan != null;
  const week = useRamadan && schedule.ramadan ? schedule.ramadan : schedule.regular;
  const hours = week[WEEKDAYS[weekdayOf(day)]];
  if (!hours) return null;
  const startSeconds = secondsOfDay(hours.start);
  const endSeconds = secondsOfDay(hours.end);
  if (startSeconds < 0 || endSeconds <= startSeconds)
    throw new RangeError(`invalid schedule hours ${hours.start}-${hours.end}`);
  return {
    start: hours.start,
    end: hours.end,
    startSeconds,
    endSeconds,
    middleSeconds: (startSeconds + endSeconds) / 2,
    variant: useRamadan ? 'ramadan' : 'regular',
    source: unit ? 'unit' : 'region',
  };
}

const WEEKEND: readonly WeekdayName[] = ['saturday', 'sunday'];
/** Ramadan lasts 29 or 30 days; a longer range is a typing error. */
export const MAX_RAMADAN_DAYS = 31;

function validateWeek(week: WeekHours | null | undefined, path: string, out: FieldError[]): void {
  if (week == null || typeof week !== 'object') {
    out.push({ path, message: 'Jadwal mingguan wajib diisi' });
    return;
  }
  let worked = 0;
  for (const name of WEEKDAYS) {
    const hours = week[name];
    if (hours == null) continue;
    const p = `${path}.${name}`;
    if (WEEKEND.includes(name)) {
      out.push({ path: p, message: `${WEEKDAY_LABELS[name]} bukan hari kerja: jam kerja tidak dapat diisi` });
      continue;
    }
    worked++;
    const start =
      typeof hours.start === 'string' && hours.start.length === 5 ? secondsOfDay(hours.start) : -1;
    const end = typeof hours.end === 'string' && hours.end.length === 5 ? secondsOfDay(hours.end) : -1;
    if (start < 0) out.push({ path: `${p}.start`, message: 'Jam masuk tidak valid (format JJ:MM)' });
    if (end < 0) out.push({ path: `${p}.end`, message: 'Jam pulang tidak valid (format JJ:MM)' });
    if (start >= 0 && end >= 0 && end <= start)
      out.push({
        path: `${p}.end`,
        message: 'Jam pulang harus setelah jam masuk (shift yang melewati tengah malam belum didukung)',
      });
  }
  if (worked === 0) out.push({ path, message: 'Jadwal harus memuat paling sedikit satu hari kerja' });
}

function validateSchedule(schedule: WorkSchedule | null | undefined, path: string, out: FieldError[]): void {
  if (schedule == null || typeof schedule !== 'object') {
    out.push({ path, message: 'Jadwal kerja wajib diisi' });
    return;
  }
  validateWeek(schedule.regular, `${path}.regular`, out);
  if (schedule.ramadan != null) validateWeek(schedule.ramadan, `${path}.ramadan`, out);
}

/**
 * Checks the schedules an admin enters: every worked weekday Monday to Friday with a valid start and a
 * later end (`HH:MM`), at least one worked day per week, no hours on Saturday or Sunday (the calendar
 * never makes them working days); Ramadan ranges of real days, start not after end, at most 31 days,
 * not overlapping. Messages in Bahasa Indonesia; paths like `units.<id>.ramadan.friday.end`.
 */
export function validateScheduleSet(set: ScheduleSet): FieldError[] {
  const out: FieldError[] = [];
  validateSchedule(set.region, 'region', out);
  for (const [id, schedule] of Object.entries(set.units ?? {}))
    validateSchedule(schedule, `units.${id}`, out);
  const ranges = Array.isArray(set.ramadan) ? set.ramadan : [];
  ranges.forEach((r, i) => {
    const p = `ramadan.${i}`;
    const startOk = isDay(r?.start);
    const endOk = isDay(r?.end);
    if (!startOk) out.push({ path: `${p}.start`, message: 'Tanggal mulai tidak valid (format TTTT-BB-HH)' });
    if (!endOk) out.push({ path: `${p}.end`, message: 'Tanggal selesai tidak valid (format TTTT-BB-HH)' });
    if (!startOk || !endOk) return;
    if (r.end < r.start)
      out.push({ path: `${p}.end`, message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' });
    else if (dayNumber(r.end) - dayNumber(r.start) + 1 > MAX_RAMADAN_DAYS)
      out.push({ path: `${p}.end`, message: `Rentang Ramadan paling panjang ${MAX_RAMADAN_DAYS} hari` });
    else {
      const j = ranges.findIndex(
        (o, k) => k < i && isDay(o?.start) && isDay(o?.end) && o.start <= r.end && r.start <= o.end,
      );
      if (j >= 0)
        out.push({
          path: `${p}.start`,
          message: `Rentang Ramadan tumpang tindih dengan rentang ke-${j + 1}`,
        });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Bands and weights

export const LATE_BANDS = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
export type LateBand = (typeof LATE_BANDS)[number];
export const EARLY_BANDS = ['PSW1', 'PSW2', 'PSW3', 'PSW4'] as const;
export type EarlyBand = (typeof EARLY_BANDS)[number];
/** Every code a day can carry: a late band, an early band, or TK (unexcused absence). */
export const BAND_CODES = [...LATE_BANDS, ...EARLY_BANDS, 'TK'] as const;
export type BandCode = (typeof BAND_CODES)[number];

export const BAND_LABELS: Record<BandCode, string> = {
  TL1: 'Terlambat 1',
  TL2: 'Terlambat 2',
  TL3: 'Terlambat 3',
  TL4: 'Terlambat 4',
  PSW1: 'Pulang sebelum waktu 1',
  PSW2: 'Pulang sebelum waktu 2',
  PSW3: 'Pulang sebelum waktu 3',
  PSW4: 'Pulang sebelum waktu 4',
  TK: 'Tanpa keterangan',
};

/**
 * Four bands by minutes: band 1 from 1 to `limits[0]`, band 2 to `limits[1]`, band 3 to `limits[2]`,
 * band 4 above `limits[2]` (and a missing check-in or check-out). `weights` are the allowance cuts of
 * each band, in percent per day.
 */
export interface BandScale {
  limits: readonly [number, number, number];
  weights: readonly [number, number, number, number];
}

/** A region's lateness rules. */
export interface LatenessRules {
  late: BandScale;
  early: BandScale;
  /** The cut of one unexcused absence (TK), in percent; counted apart from TL and PSW. */
  absenceWeight: number;
  /** The most a month's cuts add up to, in percent. */
  monthlyCap: number;
}

/**
 * TL and PSW at 30/60/90 minutes with cuts of 0.5 / 1 / 1.25 / 2.5 % (domain.md section 4); TK 3 % a
 * day and a monthly cap of 100 % are common in regional TPP regulations and are examples to edit.
 */
export const DEFAULT_LATENESS_RULES: LatenessRules = Object.freeze({
  late: Object.freeze({ limits: [30, 60, 90] as const, weights: [0.5, 1, 1.25, 2.5] as const }),
  early: Object.freeze({ limits: [30, 60, 90] as const, weights: [0.5, 1, 1.25, 2.5] as const }),
  absenceWeight: 3,
  monthlyCap: 100,
});

/** The band index 0-3 of `minutes` late or early (at least 1), or 3 when the punch is missing (null). */
function bandIndex(minutes: number | null, scale: BandScale): number {
  if (minutes === null) return 3;
  if (minutes <= scale.limits[0]) return 0;
  if (minutes <= scale.limits[1]) return 1;
  if (minutes <= scale.limits[2]) return 2;
  return 3;
}

/** The late band of `minutes` late (null: no check-in), or null when on time (0 minutes). */
export function lateBand(
  minutes: number | null,
  scale: BandScale = DEFAULT_LATENESS_RULES.late,
): LateBand | null {
  return minutes === 0 ? null : LATE_BANDS[bandIndex(minutes, scale)];
}

/** The early band of `minutes` early (null: no check-out), or null when not early (0 minutes). */
export function earlyBand(
  minutes: number | null,
  scale: BandScale = DEFAULT_LATENESS_RULES.early,
): EarlyBand | null {
  return minutes === 0 ? null : EARLY_BANDS[bandIndex(minutes, scale)];
}

/** One day's cut is at most this, and a month's cap too: a percentage of the allowance. */
const MAX_PERCENT = 100;
/** A band limit above this (8 hours) would never be reached in a working day. */
const MAX_LIMIT_MINUTES = 480;

const isPercent = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_PERCENT;

function validateScale(
  scale: BandScale | null | undefined,
  path: string,
  prefix: 'TL' | 'PSW',
  out: FieldError[],
) {
  const limits: readonly unknown[] = Array.isArray(scale?.limits) ? scale.limits : [];
  const weights: readonly unknown[] = Array.isArray(scale?.weights) ? scale.weights : [];
  if (limits.length !== 3)
    out.push({ path: `${path}.limits`, message: `Batas menit ${prefix} harus tepat 3 angka` });
  else
    limits.forEach((l, i) => {
      const previous = i === 0 ? 0 : limits[i - 1];
      if (typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > MAX_LIMIT_MINUTES)
        out.push({
          path: `${path}.limits.${i}`,
          message: `Batas ${prefix}${i + 1} harus bilangan bulat 1-${MAX_LIMIT_MINUTES} menit`,
        });
      else if (typeof previous === 'number' && l <= previous)
        out.push({
          path: `${path}.limits.${i}`,
          message: `Batas ${prefix}${i + 1} harus lebih besar dari batas ${prefix}${i}`,
        });
    });
  if (weights.length !== 4)
    out.push({ path: `${path}.weights`, message: `Bobot ${prefix} harus tepat 4 angka` });
  else
    weights.forEach((w, i) => {
      if (!isPercent(w))
        out.push({
          path: `${path}.weights.${i}`,
          message: `Bobot ${prefix}${i + 1} harus angka 0-${MAX_PERCENT} (%)`,
        });
    });
}

/**
 * Checks the band rules an admin enters: three whole, increasing minute limits per scale, four weights
 * of 0-100 %, a TK weight of 0-100 % and a monthly cap of 0-100 %. Messages in Bahasa Indonesia.
 */
export function validateLatenessRules(rules: LatenessRules): FieldError[] {
  const out: FieldError[] = [];
  validateScale(rules?.late, 'late', 'TL', out);
  validateScale(rules?.early, 'early', 'PSW', out);
  if (!isPercent(rules?.absenceWeight))
    out.push({ path: 'absenceWeight', message: `Bobot TK harus angka 0-${MAX_PERCENT} (%)` });
  if (!isPercent(rules?.monthlyCap))
    out.push({ path: 'monthlyCap', message: `Batas potongan per bulan harus angka 0-${MAX_PERCENT} (%)` });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Excuses

export const EXCUSE_KINDS = ['leave', 'sick', 'official_travel'] as const;
export type ExcuseKind = (typeof EXCUSE_KINDS)[number];
export const EXCUSE_LABELS: Record<ExcuseKind, string> = {
  leave: 'Cuti',
  sick: 'Sakit',
  official_travel: 'Dinas luar',
};

/** Leave, sick leave or official travel from `start` to `end` (inclusive), entered or imported by HR. */
export interface Excuse extends DateRange {
  kind: ExcuseKind;
  note?: string | null;
}

/** The longest excuse HR may enter at once (long leave, e.g. maternity leave, is three months). */
export const MAX_EXCUSE_DAYS = 366;

/** Checks one excuse: a known kind, real dates, start not after end, at most a year. */
export function validateExcuse(excuse: Excuse): FieldError[] {
  const out: FieldError[] = [];
  if (!(EXCUSE_KINDS as readonly string[]).includes(excuse?.kind))
    out.push({ path: 'kind', message: 'Jenis keterangan harus cuti, sakit, atau dinas luar' });
  const startOk = isDay(excuse?.start);
  const endOk = isDay(excuse?.end);
  if (!startOk) out.push({ path: 'start', message: 'Tanggal mulai tidak valid (format TTTT-BB-HH)' });
  if (!endOk) out.push({ path: 'end', message: 'Tanggal selesai tidak valid (format TTTT-BB-HH)' });
  if (startOk && endOk) {
    if (excuse.end < excuse.start)
      out.push({ path: 'end', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' });
    else if (dayNumber(excuse.end) - dayNumber(excuse.start) + 1 > MAX_EXCUSE_DAYS)
      out.push({ path: 'end', message: `Satu keterangan paling panjang ${MAX_EXCUSE_DAYS} hari` });
  }
  return out;
}

/** The first excuse (or any date range) that covers `day`, or null. */
export function excuseOn<T extends DateRange>(excuses: readonly T[], day: string): T | null {
  for (const e of excuses) if (e.start <= day && day <= e.end) return e;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Days

/** What the region configures, once for all its servants. */
export interface LatenessContext {
  calendar: WorkingCalendar;
  schedules: ScheduleSet;
  rules: LatenessRules;
}

/** One servant's data for a range of days. */
export interface AsnAttendance {
  /** The unit, for a unit schedule; null or absent uses the region's. */
  workUnitId?: string | null;
  /** Local `YYYY-MM-DD HH:MM:SS` punches, any order, any days (those outside the range are ignored). */
  punches: readonly string[];
  excuses?: readonly Excuse[];
  /** First and last day of service (appointment, transfer in, retirement); days outside do not count. */
  activeFrom?: string | null;
  activeUntil?: string | null;
}

/**
 * - `day_off`: weekend, holiday, collective leave or regional holiday; punches ignored.
 * - `not_active`: before the first or after the last day of service.
 * - `no_schedule`: a working day on which the servant's schedule has no hours.
 * - `excused`: leave, sick or official travel; punches ignored.
 * - `absent`: a working day with no punch and no excuse (TK).
 * - `present`: a working day with at least one punch; it may still be late or early.
 */
export type DayKind = 'day_off' | 'not_active' | 'no_schedule' | 'excused' | 'absent' | 'present';

export interface DayResult {
  date: string;
  kind: DayKind;
  /** The hours that applied; null unless the day was a scheduled working day. */
  hours: ScheduledHours | null;
  /** `HH:MM:SS` or null. */
  checkIn: string | null;
  checkOut: string | null;
  /** Whole minutes after the start (0 when on time); null without a check-in. */
  minutesLate: number | null;
  /** Whole minutes before the end (0 when not early); null without a check-out. */
  minutesEarly: number | null;
  late: LateBand | null;
  early: EarlyBand | null;
  /** True for TK. */
  absent: boolean;
  /** The excuse that cancelled the day, for `excused`. */
  excuse: Excuse | null;
  /** Why the day is off, for `day_off`. */
  dayOff: DayOff | null;
  /** The day's cut in percent (late + early, or the TK weight), before the monthly cap. */
  weight: number;
  /** Punches of the day that were not looked at (day off, excused, not active). */
  ignoredPunches: number;
  /** Why the day counts as it does, in Bahasa Indonesia. */
  explanation: string;
}

const DAY_OFF_LABELS: Record<DayOffKind, string> = {
  weekend: 'akhir pekan',
  holiday: 'libur nasional',
  collective_leave: 'cuti bersama',
  regional_holiday: 'libur daerah',
  fixed_holiday: 'libur nasional',
};

/** `6 April 2026`. */
export function formatDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTH_NAMES[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** `6-10 April 2026`, `30 Maret-3 April 2026`, or one day. */
function formatRange(start: string, end: string): string {
  if (start === end) return formatDay(start);
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8, 10))}-${formatDay(end)}`;
  if (start.slice(0, 4) === end.slice(0, 4)) return `${formatDay(start).slice(0, -5)}-${formatDay(end)}`;
  return `${formatDay(start)}-${formatDay(end)}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const percent = (n: number) => `${String(round2(n)).replace('.', ',')}%`;

const ignoredNote = (n: number) => (n > 0 ? ` ${n} catatan kehadiran pada hari ini diabaikan.` : '');

function blankDay(date: string, kind: DayKind, explanation: string): DayResult {
  return {
    date,
    kind,
    hours: null,
    checkIn: null,
    checkOut: null,
    minutesLate: null,
    minutesEarly: null,
    late: null,
    early: null,
    absent: false,
    excuse: null,
    dayOff: null,
    weight: 0,
    ignoredPunches: 0,
    explanation,
  };
}

/** The digit at `i` of `s`, or -100 (which makes any sum of digits negative). */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100;
}

/**
 * Seconds after midnight of the `HH:MM:SS` at `i` of `s`, or -1. Checked in place (no slicing, and no
 * closure: this runs once per punch, 400,000 times for a city month).
 */
function secondsAt(s: string, i: number): number {
  if (s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return -1;
  const h = digitAt(s, i) * 10 + digitAt(s, i + 1);
  const m = digitAt(s, i + 3) * 10 + digitAt(s, i + 4);
  const sec = digitAt(s, i + 6) * 10 + digitAt(s, i + 7);
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return -1;
  return h * 3600 + m * 60 + sec;
}

const badPunch = (punch: string) =>
  new RangeError(`punch must be a local date-time YYYY-MM-DD HH:MM:SS, got ${String(punch)}`);

const clockWithSeconds = (s: number) => `${clockOf(s)}:${String(s % 60).padStart(2, '0')}`;

/** Why a present day counts as it does: check-in and check-out against the schedule. */
function presentText(
  hours: ScheduledHours,
  checkIn: string | null,
  checkOut: string | null,
  minutesLate: number | null,
  minutesEarly: number | null,
  late: LateBand | null,
  early: EarlyBand | null,
): string {
  const schedule = hours.variant === 'ramadan' ? 'jadwal Ramadan' : 'jadwal';
  const middle = clockOf(hours.middleSeconds);
  const inText =
    checkIn === null
      ? `Tidak ada catatan masuk sebelum ${middle} (${late})`
      : `Masuk ${checkIn}, ${schedule} ${hours.start}: ` +
        (late ? `terlambat ${minutesLate} menit (${late})` : 'tepat waktu');
  const outText =
    checkOut === null
      ? `Tidak ada catatan pulang sejak ${middle} (${early})`
      : `Pulang ${checkOut}, ${schedule} ${hours.end}: ` +
        (early ? `pulang lebih awal ${minutesEarly} menit (${early})` : 'tepat waktu');
  return `${inText}. ${outText}.`;
}

/** Evaluates one scheduled working day that is not excused, from the seconds of its punches. */
function workedDay(
  date: string,
  hours: ScheduledHours,
  times: readonly number[],
  rules: LatenessRules,
  explain: boolean,
): DayResult {
  if (times.length === 0) {
    const r = blankDay(
      date,
      'absent',
      'Tidak ada catatan kehadiran dan tidak ada keterangan: tanpa keterangan (TK).',
    );
    r.hours = hours;
    r.absent = true;
    r.weight = round2(rules.absenceWeight);
    return r;
  }
  let inS = -1;
  let outS = -1;
  for (const t of times) {
    if (t < hours.middleSeconds) {
      if (inS < 0 || t < inS) inS = t;
    } else if (t > outS) outS = t;
  }
  const minutesLate = inS < 0 ? null : Math.max(0, Math.floor((inS - hours.startSeconds) / 60));
  const minutesEarly = outS < 0 ? null : Math.max(0, Math.floor((hours.endSeconds - outS) / 60));
  const late = lateBand(minutesLate, rules.late);
  const early = earlyBand(minutesEarly, rules.early);
  const checkIn = inS < 0 ? null : clockWithSeconds(inS);
  const checkOut = outS < 0 ? null : clockWithSeconds(outS);
  const weight =
    (late ? rules.late.weights[LATE_BANDS.indexOf(late)] : 0) +
    (early ? rules.early.weights[EARLY_BANDS.indexOf(early)] : 0);
  const r = blankDay(
    date,
    'present',
    explain ? presentText(hours, checkIn, checkOut, minutesLate, minutesEarly, late, early) : '',
  );
  r.hours = hours;
  r.checkIn = checkIn;
  r.checkOut = checkOut;
  r.minutesLate = minutesLate;
  r.minutesEarly = minutesEarly;
  r.late = late;
  r.early = early;
  r.weight = round2(weight);
  return r;
}

/**
 * What every servant shares for a range of days: each day's day off (or null) and, per schedule in
 * use, each day's hours. Built once per schedule set, calendar and range, so that evaluating a city
 * (thousands of servants) asks the calendar and parses the schedule once per day, not once per servant.
 */
interface RangePlan {
  days: { date: string; off: DayOff | null; offText: string; weekday: string }[];
  index: Map<string, number>;
  /** Hours of each day, per unit id with its own schedule ('' for the region's). */
  hours: Map<string, (ScheduledHours | null)[]>;
}

/** Plans by schedule set, calendar and range; both are treated as immutable once built. */
const PLANS = new WeakMap<ScheduleSet, WeakMap<WorkingCalendar, Map<string, RangePlan>>>();
/** Ranges remembered per schedule set and calendar (a month view, a recap, an evaluation run). */
const MAX_PLANS = 64;

function planOf(ctx: LatenessContext, from: string, to: string): RangePlan {
  let byCalendar = PLANS.get(ctx.schedules);
  if (!byCalendar) PLANS.set(ctx.schedules, (byCalendar = new WeakMap()));
  let byRange = byCalendar.get(ctx.calendar);
  if (!byRange) byCalendar.set(ctx.calendar, (byRange = new Map()));
  const key = `${from}|${to}`;
  const known = byRange.get(key);
  if (known) return known;
  const days: RangePlan['days'] = [];
  const index = new Map<string, number>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const off = dayOff(ctx.calendar, date);
    const offText = !off
      ? ''
      : off.kind === 'weekend'
        ? `${off.name}: bukan hari kerja.`
        : `Hari libur (${DAY_OFF_LABELS[off.kind]}): ${off.name}.`;
    index.set(date, days.length);
    days.push({ date, off, offText, weekday: WEEKDAY_LABELS[WEEKDAYS[weekdayOf(date)]] });
  }
  const plan: RangePlan = { days, index, hours: new Map() };
  if (byRange.size >= MAX_PLANS) byRange.clear();
  byRange.set(key, plan);
  return plan;
}

function hoursOfPlan(plan: RangePlan, set: ScheduleSet, workUnitId: string | null | undefined) {
  const key = workUnitId && set.units?.[workUnitId] ? workUnitId : '';
  let hours = plan.hours.get(key);
  if (!hours) {
    hours = plan.days.map((d) => (d.off ? null : hoursFor(set, key || null, d.date)));
    plan.hours.set(key, hours);
  }
  return hours;
}

/**
 * The result of every day from `from` to `to` (inclusive) for one servant, in order. A day counts when
 * it is a working day of the calendar, the servant is in service, the schedule has hours for it and no
 * excuse covers it; then it is `present` (with its bands) or `absent` (TK). Punches of every other day
 * are ignored and the day says why. Throws a RangeError on a malformed punch or range.
 * `explain: false` leaves a present day's explanation empty, for callers that only add the days up
 * (a city's recaps); every number is the same.
 *
 * The calendar and the schedule set are treated as immutable: the days they give are remembered for
 * the next servant. Build new ones to change them.
 */
export function evaluateDays(
  ctx: LatenessContext,
  asn: AsnAttendance,
  from: string,
  to: string,
  opts: { explain?: boolean } = {},
): DayResult[] {
  const explain = opts.explain ?? true;
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) throw new RangeError(`to (${to}) is before from (${from})`);
  const plan = planOf(ctx, from, to);
  const hoursByDay = hoursOfPlan(plan, ctx.schedules, asn.workUnitId);
  const times: number[][] = plan.days.map(() => []);
  for (const p of asn.punches) {
    const seconds =
      typeof p === 'string' && p.length === 19 && p.charCodeAt(10) === 32 ? secondsAt(p, 11) : -1;
    if (seconds < 0) throw badPunch(p);
    const day = p.slice(0, 10);
    const i = plan.index.get(day);
    if (i !== undefined) times[i].push(seconds);
    else if (!isDay(day)) throw badPunch(p);
  }
  const excuses = asn.excuses ?? [];
  const out: DayResult[] = [];
  for (let i = 0; i < plan.days.length; i++) {
    const { date, off, offText, weekday } = plan.days[i];
    const ignored = times[i].length;
    let r: DayResult;
    if (off) {
      r = blankDay(date, 'day_off', offText + ignoredNote(ignored));
      r.dayOff = off;
    } else if ((asn.activeFrom && date < asn.activeFrom) || (asn.activeUntil && date > asn.activeUntil)) {
      r = blankDay(
        date,
        'not_active',
        'Di luar masa tugas ASN pada unit ini: tidak dihitung.' + ignoredNote(ignored),
      );
    } else {
      const hours = hoursByDay[i];
      const excuse = hours && excuses.length > 0 ? excuseOn(excuses, date) : null;
      if (!hours) {
        r = blankDay(
          date,
          'no_schedule',
          `Tidak ada jam kerja pada hari ${weekday} menurut jadwal: tidak dihitung.` + ignoredNote(ignored),
        );
      } else if (!excuse) {
        out.push(workedDay(date, hours, times[i], ctx.rules, explain));
        continue;
      } else {
        r = blankDay(
          date,
          'excused',
          `${EXCUSE_LABELS[excuse.kind]} (${formatRange(excuse.start, excuse.end)}): hari ini tidak dihitung.` +
            ignoredNote(ignored),
        );
        r.hours = hours;
        r.excuse = excuse;
      }
    }
    r.ignoredPunches = ignored;
    out.push(r);
  }
  return out;
}

/** The result of one day (see {@link evaluateDays}). */
export function evaluateDay(ctx: LatenessContext, asn: AsnAttendance, date: string): DayResult {
  return evaluateDays(ctx, asn, date, date)[0];
}

// ---------------------------------------------------------------------------------------------------
// Monthly recap

/** First and last day of a month `YYYY-MM`. */
export function monthRange(month: string): DateRange {
  const start = `${month}-01`;
  if (month.length !== 7 || !isDay(start))
    throw new RangeError(`month must be YYYY-MM, got ${String(month)}`);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { start, end: `${month}-${String(days).padStart(2, '0')}` };
}

/** A day that carries at least one band, for the recap and the rules. */
export interface FlaggedDay {
  date: string;
  /** The day's late band, early band, or TK, in that order. */
  bands: BandCode[];
}

/** One servant's month (or any range) in numbers. */
export interface LatenessRecap {
  /** Scheduled working days in service: counted days plus excused days. */
  workingDays: number;
  /** Days judged: present plus absent. */
  daysCounted: number;
  excusedDays: number;
  presentDays: number;
  /** Present days with neither a late nor an early band. */
  onTimeDays: number;
  late: Record<LateBand, number>;
  early: Record<EarlyBand, number>;
  /** Unexcused absences (TK). */
  absent: number;
  /** The sum of the days' weights, in percent. */
  uncappedWeight: number;
  /** The sum capped at the monthly cap. */
  weight: number;
  capped: boolean;
  /** Every day with a band, in date order: the facts behind the counts. */
  flaggedDays: FlaggedDay[];
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The late bands of a serious late arrival, more than 30 minutes (TL2-TL4): what the default
 * SUKA_TERLAMBAT rule counts and what the head of region's dashboard follows month by month.
 */
export const SERIOUS_LATE_BANDS: readonly LateBand[] = ['TL2', 'TL3', 'TL4'];

/** The recap's days with a serious late arrival (TL2-TL4). */
export const seriousLateDays = (recap: Pick<LatenessRecap, 'flaggedDays'>): number =>
  recap.flaggedDays.filter((d) => d.bands.some((b) => (SERIOUS_LATE_BANDS as readonly string[]).includes(b)))
    .length;

/** Adds up day results (normally one month's) into the recap, applying the monthly cap. */
export function recapDays(days: readonly DayResult[], rules: LatenessRules): LatenessRecap {
  const recap: LatenessRecap = {
    workingDays: 0,
    daysCounted: 0,
    excusedDays: 0,
    presentDays: 0,
    onTimeDays: 0,
    late: zeros(LATE_BANDS),
    early: zeros(EARLY_BANDS),
    absent: 0,
    uncappedWeight: 0,
    weight: 0,
    capped: false,
    flaggedDays: [],
  };
  let total = 0;
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const d of sorted) {
    if (d.kind === 'excused') {
      recap.workingDays++;
      recap.excusedDays++;
      continue;
    }
    if (d.kind !== 'present' && d.kind !== 'absent') continue;
    recap.workingDays++;
    recap.daysCounted++;
    total += d.weight;
    const bands: BandCode[] = [];
    if (d.kind === 'absent') {
      recap.absent++;
      bands.push('TK');
    } else {
      recap.presentDays++;
      if (d.late) {
        recap.late[d.late]++;
        bands.push(d.late);
      }
      if (d.early) {
        recap.early[d.early]++;
        bands.push(d.early);
      }
      if (bands.length === 0) recap.onTimeDays++;
    }
    if (bands.length > 0) recap.flaggedDays.push({ date: d.date, bands });
  }
  recap.uncappedWeight = round2(total);
  recap.capped = recap.uncappedWeight > rules.monthlyCap;
  recap.weight = recap.capped ? rules.monthlyCap : recap.uncappedWeight;
  return recap;
}

/** One line for the recap table, in Bahasa Indonesia: "TL1 2, TL3 1, PSW4 1, TK 1; potongan 6,75%". */
export function describeRecap(recap: LatenessRecap): string {
  const parts = [
    ...LATE_BANDS.filter((b) => recap.late[b] > 0).map((b) => `${b} ${recap.late[b]}`),
    ...EARLY_BANDS.filter((b) => recap.early[b] > 0).map((b) => `${b} ${recap.early[b]}`),
    ...(recap.absent > 0 ? [`TK ${recap.absent}`] : []),
  ];
  const cut = recap.capped
    ? `potongan ${percent(recap.weight)} (dibatasi; tanpa batas ${percent(recap.uncappedWeight)})`
    : `potongan ${percent(recap.weight)}`;
  return `${parts.length > 0 ? parts.join(', ') : 'Tidak ada keterlambatan'}; ${cut}`;
}
