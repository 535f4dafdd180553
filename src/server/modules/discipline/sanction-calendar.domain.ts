import {
  addDays,
  addWorkingDays,
  dayNumber,
  daysInMonth,
  isDay,
  isWorkingDay,
  nextWorkingDay,
  type WorkingCalendar,
} from '../monitoring/working-days.domain.js';
import { excuseOn, type DateRange } from './lateness.domain.js';

/**
 * The calendar of a sanction (domain.md sections 3 and 5, issue 5 items 6 and 7): the appeal deadline
 * (N working days after the notification), the day the sanction starts (the first working day after it
 * became final: the appeal window passed, or the appeal was decided), the working days it is served
 * (weekends, holidays, collective leave and the subject's excused days skipped, and a day the subject
 * did not serve added at the end), and the repeat escalation (the same rule hit the same subject within
 * the last M months: the length is multiplied).
 *
 * Pure: days are `YYYY-MM-DD` of the region's local calendar; the caller passes the working-day calendar
 * and the subject's excuses (leave, sick, official travel) as date ranges.
 */

/** Working days the subject has to file an appeal (keberatan) after being notified (domain.md section 5). */
export const DEFAULT_APPEAL_WINDOW_DAYS = 3;

/**
 * The last day on which an appeal may be filed: `windowDays` working days after the day of
 * notification (notified on Monday with 3 days: Thursday). The whole deadline day may be used.
 */
export function appealDeadline(
  cal: WorkingCalendar,
  notifiedOn: string,
  windowDays: number = DEFAULT_APPEAL_WINDOW_DAYS,
): string {
  if (!Number.isInteger(windowDays) || windowDays < 1)
    throw new RangeError(`appeal window must be a whole number of working days >= 1, got ${windowDays}`);
  return addWorkingDays(cal, notifiedOn, windowDays);
}

/** Whether an appeal filed on `today` is in time. */
export function appealOpen(
  cal: WorkingCalendar,
  notifiedOn: string,
  today: string,
  windowDays: number = DEFAULT_APPEAL_WINDOW_DAYS,
): boolean {
  return today >= notifiedOn && today <= appealDeadline(cal, notifiedOn, windowDays);
}

/**
 * The day a sanction becomes active: the working day after the day it became final (`finalOn`: the
 * appeal deadline when nobody appealed, or the day the appeal was decided). The subject's excuses do
 * not move it: they only move the first day actually served (see {@link servingDays}).
 */
export function activationDay(cal: WorkingCalendar, finalOn: string): string {
  return nextWorkingDay(cal, finalOn);
}

/** A serving day of a sanction; `missed` when HR recorded that the subject did not serve it. */
export interface ServingDay {
  date: string;
  missed: boolean;
}

export interface ServingPlan {
  /** The first and the last day of the plan (the last grows by one working day per missed day). */
  start: string;
  end: string;
  /** Every planned day in order, missed ones included. */
  days: ServingDay[];
  /** The length to serve (after escalation). */
  length: number;
  /** Days actually to be served or served: `length`; days in the plan: `length + missed`. */
  missed: number;
  /** Missed days HR recorded that are not days of the plan (a weekend, an excused day): ignored. */
  ignoredMissedDays: string[];
}

export interface ServingInput {
  calendar: WorkingCalendar;
  /** The day the sanction became final; serving starts on a later working day. */
  finalOn: string;
  /** Working days to serve, a whole number >= 1. */
  length: number;
  /** The subject's leave, sick leave and official travel: those days are not serving days. */
  excuses?: readonly DateRange[];
  /** Serving days HR marked as not served: each adds one working day at the end. */
  missedDays?: readonly string[];
}

/** A plan longer than this many calendar days means the input is wrong (a subject excused for years). */
const MAX_SPAN_DAYS = 5 * 366;

/**
 * The serving days of a sanction: starting with the first working day after `finalOn` that the subject
 * is not excused on, `length` such days are served; a day HR marks as missed stays in the plan (marked)
 * and one more working day is added at the end. Throws a RangeError on a length that is not a whole
 * number >= 1, or when no end is found within five years.
 */
export function servingDays(input: ServingInput): ServingPlan {
  const { calendar, finalOn, length } = input;
  if (!Number.isInteger(length) || length < 1)
    throw new RangeError(`length must be a whole number of working days >= 1, got ${length}`);
  const limit = dayNumber(finalOn) + MAX_SPAN_DAYS;
  const excuses = input.excuses ?? [];
  const missedSet = new Set(input.missedDays ?? []);
  const days: ServingDay[] = [];
  let served = 0;
  let d = finalOn;
  while (served < length) {
    d = addDays(d, 1);
    if (dayNumber(d) > limit)
      throw new RangeError(`no end of the sanction within ${MAX_SPAN_DAYS} days of ${finalOn}`);
    if (!isWorkingDay(calendar, d) || excuseOn(excuses, d)) continue;
    const missed = missedSet.has(d);
    days.push({ date: d, missed });
    if (missed) missedSet.delete(d);
    else served++;
  }
  const ignoredMissedDays = [...missedSet].sort();
  return {
    start: days[0].date,
    end: days[days.length - 1].date,
    days,
    length,
    missed: days.length - length,
    ignoredMissedDays,
  };
}

/** The position of `day` in the plan for the morning roster ("hari ke-2 dari 5"), or null when not a serving day. */
export function servingDayOn(
  plan: ServingPlan,
  day: string,
): { index: number; of: number; missed: boolean } | null {
  const i = plan.days.findIndex((d) => d.date === day);
  if (i < 0) return null;
  // The served count so far: missed days before this one do not count.
  const index = plan.days.slice(0, i + 1).filter((d) => !d.missed || d.date === day).length;
  return { index, of: plan.length, missed: plan.days[i].missed };
}

// ---------------------------------------------------------------------------------------------------
// Repeat escalation

/** Within `withinMonths` months of an earlier hit of the same rule on the same subject: multiply by `factor`. */
export interface EscalationPolicy {
  withinMonths: number;
  factor: number;
}

/** Domain.md section 5: the same rule again within 3 months doubles the length. */
export const DEFAULT_ESCALATION: EscalationPolicy = Object.freeze({ withinMonths: 3, factor: 2 });

/**
 * The same calendar day `months` months earlier, clamped to the end of a shorter month (31 May minus 3
 * months is 28 February, or the 29th in a leap year).
 */
export function monthsBefore(day: string, months: number): string {
  if (!isDay(day)) throw new RangeError(`day must be a calendar day YYYY-MM-DD, got ${String(day)}`);
  if (!Number.isInteger(months) || months < 0)
    throw new RangeError(`months must be a whole number >= 0, got ${months}`);
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const dom = Math.min(Number(day.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`;
}

export interface Escalation {
  /** The length to serve. */
  length: number;
  /** Whether the length was multiplied. */
  repeat: boolean;
  /** The most recent earlier hit inside the window, or null. */
  previousHit: string | null;
  /** The first day of the window: earlier hits on or after it count. */
  windowStart: string;
}

/**
 * The length of a sanction hit on `hitOn` when the same rule hit the same subject on the days
 * `previousHits` (the caller passes hits that led to a sanction: rejected, revoked and cancelled ones do
 * not count). A previous hit on or after the day `withinMonths` months before `hitOn` (and not after
 * `hitOn`) makes it a repeat: the base length times `factor`, rounded up to a whole working day. The
 * factor applies once, however many repeats there were.
 */
export function escalatedLength(
  baseLength: number,
  hitOn: string,
  previousHits: readonly string[],
  policy: EscalationPolicy | null = DEFAULT_ESCALATION,
): Escalation {
  if (!Number.isInteger(baseLength) || baseLength < 1)
    throw new RangeError(`base length must be a whole number >= 1, got ${baseLength}`);
  const windowStart = policy ? monthsBefore(hitOn, policy.withinMonths) : hitOn;
  if (!policy) return { length: baseLength, repeat: false, previousHit: null, windowStart };
  if (!(Number.isFinite(policy.factor) && policy.factor >= 1))
    throw new RangeError(`escalation factor must be a number >= 1, got ${policy.factor}`);
  let previousHit: string | null = null;
  for (const h of previousHits)
    if (h >= windowStart && h <= hitOn && (previousHit === null || h > previousHit)) previousHit = h;
  if (previousHit === null) return { length: baseLength, repeat: false, previousHit, windowStart };
  return { length: Math.ceil(baseLength * policy.factor), repeat: true, previousHit, windowStart };
}

// ---------------------------------------------------------------------------------------------------
// The vest on the morning roster

export interface VestRecord {
  vestIssuedAt: Date | null;
  vestReturnedAt: Date | null;
}

/** A roster entry that cannot stand: on its field (400), or against the day's state (409). */
export interface VestProblem {
  field: 'vestIssued' | 'vestReturned';
  message: string;
  conflict: boolean;
}

/**
 * The vest times of a roster day after HR's entry: each is kept (absent), cleared (`clear`), the
 * moment of recording (`now`, only on the day itself: a day that has passed is recorded with the time
 * it happened) or a local time `HH:MM` of the day (never one still to come). The vest comes back only
 * after it was handed out. `at` turns a local time of the day into an instant. Pure.
 */
export function nextVestRecord(
  kept: VestRecord,
  entry: { vestIssued?: string; vestReturned?: string },
  day: { date: string; today: string; now: Date; at: (hhmm: string) => Date },
): { record: VestRecord } | { problem: VestProblem } {
  const problem = (field: VestProblem['field'], message: string, conflict = false) => ({
    problem: { field, message, conflict },
  });
  const instant = (field: VestProblem['field'], value: string | undefined, prev: Date | null) => {
    if (value === undefined) return prev;
    if (value === 'clear') return null;
    if (value === 'now')
      return day.date === day.today
        ? day.now
        : problem(field, 'Untuk hari yang sudah lewat, isi jamnya (contoh: 07:15)');
    const at = day.at(value);
    return at > day.now ? problem(field, 'Jam yang belum tiba tidak dapat dicatat') : at;
  };
  const issued = instant('vestIssued', entry.vestIssued, kept.vestIssuedAt);
  if (issued && !(issued instanceof Date)) return issued;
  const returned = instant('vestReturned', entry.vestReturned, kept.vestReturnedAt);
  if (returned && !(returned instanceof Date)) return returned;
  if (returned && !issued)
    return problem('vestReturned', 'Catat rompi diserahkan sebelum dikembalikan', true);
  if (returned && issued && returned < issued)
    return problem('vestReturned', 'Jam rompi dikembalikan tidak boleh sebelum jam diserahkan');
  return { record: { vestIssuedAt: issued, vestReturnedAt: returned } };
}
