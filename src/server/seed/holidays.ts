import { z } from 'zod';
import {
  buildCalendar,
  isDay,
  validateCalendarEntries,
  yearOf,
  type CalendarInput,
  type CalendarYear,
  type WorkingCalendar,
} from '../modules/monitoring/working-days.domain.js';
import { HOLIDAY_YEARS, RAMADAN_RANGES, type HolidayFactYear, type RamadanRange } from './holidays-data.js';

/**
 * The seeded working-day calendar: the decreed national holidays and collective leave of the demo years
 * (holidays-data.ts), checked on load, as the input of `buildCalendar`, plus the approximate Ramadan
 * ranges for the reduced working hours. The same checks parse the shared `holidays-id.json` in the test,
 * so the data module and its source cannot drift apart unnoticed.
 */

export interface HolidayFacts {
  years: Readonly<Record<string, HolidayFactYear>>;
  ramadan: Readonly<Record<string, RamadanRange>>;
}

const entrySchema = z.object({ date: z.string(), name: z.string() }).strict();
const yearSchema = z
  .object({
    decree: z.string().trim().min(1),
    holidays: z.array(entrySchema),
    collectiveLeave: z.array(entrySchema),
  })
  .strict();
const rangeSchema = z.object({ start: z.string(), end: z.string() }).strict();
const factsSchema = z.object({
  /** Free text of the JSON file; ignored. */
  about: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/), yearSchema),
  /** Year -> range; the JSON file also carries an `about` text here, which is ignored. */
  ramadan: z.record(z.string(), z.union([rangeSchema, z.string()])),
});

/**
 * Parses and checks holiday facts (the data module or the JSON file): the shape; every year's entries
 * by the admin's rules (real dates in that year, named, no date twice); Ramadan ranges of real days in
 * their year, start not after end. Throws one error listing every problem.
 */
export function parseHolidayFacts(raw: unknown): HolidayFacts {
  const parsed = factsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `invalid holiday facts: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const problems: string[] = [];
  const years: Record<string, HolidayFactYear> = {};
  for (const [key, year] of Object.entries(parsed.data.years)) {
    for (const e of validateCalendarEntries(Number(key), year))
      problems.push(`years.${key}.${e.path}: ${e.message}`);
    years[key] = year;
  }
  const ramadan: Record<string, RamadanRange> = {};
  for (const [key, range] of Object.entries(parsed.data.ramadan)) {
    if (typeof range === 'string') {
      if (key !== 'about') problems.push(`ramadan.${key}: expected { start, end }`);
      continue;
    }
    if (!/^\d{4}$/.test(key)) problems.push(`ramadan.${key}: not a year`);
    else if (!isDay(range.start) || !isDay(range.end)) problems.push(`ramadan.${key}: invalid date`);
    else if (yearOf(range.start) !== Number(key) || yearOf(range.end) !== Number(key))
      problems.push(`ramadan.${key}: dates outside ${key}`);
    else if (range.start > range.end) problems.push(`ramadan.${key}: start after end`);
    ramadan[key] = range;
  }
  if (problems.length > 0) throw new Error(`invalid holiday facts: ${problems.join('; ')}`);
  return { years, ramadan };
}

/** The seeded facts, checked once when this module loads. */
export const HOLIDAY_FACTS: HolidayFacts = parseHolidayFacts({
  years: HOLIDAY_YEARS,
  ramadan: RAMADAN_RANGES,
});

/** The years with a seeded decree, ascending. */
export const SEEDED_CALENDAR_YEARS: readonly number[] = Object.keys(HOLIDAY_FACTS.years)
  .map(Number)
  .sort((a, b) => a - b);

/** The calendar a new region starts with: the seeded decrees, no regional holidays. */
export function seedCalendarInput(): CalendarInput {
  const years: Record<string, CalendarYear> = {};
  for (const [key, y] of Object.entries(HOLIDAY_FACTS.years))
    years[key] = {
      decree: y.decree,
      holidays: y.holidays.map((e) => ({ ...e })),
      collectiveLeave: y.collectiveLeave.map((e) => ({ ...e })),
    };
  return { years, extraHolidays: [], removedDates: [] };
}

/** The built calendar of the seeded decrees. */
export function seededCalendar(): WorkingCalendar {
  return buildCalendar(seedCalendarInput());
}

/** The approximate Ramadan range of a year, or null when none is seeded. */
export function ramadanRange(year: number): RamadanRange | null {
  return HOLIDAY_FACTS.ramadan[String(year)] ?? null;
}
