import dayjs from 'dayjs';
import type { CalendarYearDto } from '../../../contract/calendar';

/**
 * Pure helpers of the calendar page: the month grid, what each day is, and what a settings change
 * means. Dates are calendar days `YYYY-MM-DD`, computed in UTC so no time zone shifts a day.
 */

/** What a day off is: the API's kinds of days off, plus `removed` (a decreed day off the region works). */
export type DayKind = CalendarYearDto['days'][number]['kind'] | 'removed';

export interface DayEntry {
  date: string;
  name: string;
  kind: DayKind;
  source: 'national' | 'region';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export const isoDay = (year: number, month0: number, day: number) =>
  `${year}-${pad2(month0 + 1)}-${pad2(day)}`;

/** 0 = Monday ... 6 = Sunday. */
export function weekdayMon0(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export const isWeekend = (iso: string) => weekdayMon0(iso) >= 5;

export function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The weeks of a month, Monday first; days outside the month are null. */
export function monthWeeks(year: number, month0: number): (string | null)[][] {
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: weekdayMon0(isoDay(year, month0, 1)) }, () => null);
  for (let d = 1; d <= daysInMonth(year, month0); d++) {
    week.push(isoDay(year, month0, d));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/**
 * Every entry of the year, by date: the days off the API lists, and the days the region works after
 * all. The list is sorted by date.
 */
export function yearEntries(y: CalendarYearDto): DayEntry[] {
  return [
    ...y.days.map((d) => ({ ...d })),
    ...y.removed.map((r) => ({
      date: r.date,
      name: r.name,
      kind: 'removed' as const,
      source: 'region' as const,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** The entry shown on a day of the grid: a worked day off wins over the day off it replaces. */
export function entriesByDate(entries: readonly DayEntry[]): Map<string, DayEntry> {
  const map = new Map<string, DayEntry>();
  for (const e of entries) if (!map.has(e.date) || e.kind === 'removed') map.set(e.date, e);
  return map;
}

/** Whether the day counts as a working day: Monday to Friday and not a day off (or a worked one). */
export function isWorkingDay(iso: string, byDate: ReadonlyMap<string, DayEntry>): boolean {
  if (isWeekend(iso)) return false;
  const e = byDate.get(iso);
  return !e || e.kind === 'removed';
}

export function monthWorkingDays(
  year: number,
  month0: number,
  byDate: ReadonlyMap<string, DayEntry>,
): number {
  let n = 0;
  for (let d = 1; d <= daysInMonth(year, month0); d++) if (isWorkingDay(isoDay(year, month0, d), byDate)) n++;
  return n;
}

export const countOf = (entries: readonly DayEntry[], ...kinds: DayKind[]) =>
  entries.filter((e) => kinds.includes(e.kind)).length;

// ---------------------------------------------------------------------------------------------
// Monitoring settings

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * The deadlines of a year's quarterly reports for a deadline day, as the server computes them
 * (periods.domain.ts `deadlineOf`): that day of the month after the quarter's last month; the fourth
 * quarter in January of the next year. Semester and annual reports fall on the dates of the second
 * and fourth quarters.
 */
export function quarterDeadlines(year: number, day: number): { quarter: number; date: string }[] {
  return [3, 6, 9, 12].map((endMonth, i) => ({
    quarter: i + 1,
    date: endMonth === 12 ? isoDay(year + 1, 0, day) : isoDay(year, endMonth, day),
  }));
}

export const validDeadlineDay = (d: unknown): d is number =>
  Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 28;

/**
 * Each band's score range as text parts: from its minimum to below the next band's minimum, the
 * highest band without an upper bound. Null where a minimum is not (yet) a number.
 */
export function bandRanges(
  mins: readonly (number | null)[],
): ({ min: number; next: number } | { min: number; next: null } | null)[] {
  return mins.map((min, i) => {
    if (min === null) return null;
    if (i === mins.length - 1) return { min, next: null };
    const next = mins[i + 1];
    return next === null || next <= min ? null : { min, next };
  });
}

/** A calendar day in words, e.g. `Rabu, 1 April 2026` (`long`) or `Rab, 01 Apr 2026`. */
export function formatDay(
  iso: string,
  locale: string,
  style: 'long' | 'short' | 'dayMonth' = 'short',
): string {
  const pattern =
    style === 'long' ? 'dddd, D MMMM YYYY' : style === 'dayMonth' ? 'D MMMM YYYY' : 'ddd, DD MMM YYYY';
  return dayjs(iso).locale(locale).format(pattern);
}
