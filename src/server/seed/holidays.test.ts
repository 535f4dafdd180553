import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  calendarCoverage,
  weekdayOf,
  workingDaysBetween,
  FIXED_DATE_HOLIDAYS,
} from '../modules/monitoring/working-days.domain.js';
import { HOLIDAY_YEARS, RAMADAN_RANGES } from './holidays-data.js';
import {
  HOLIDAY_FACTS,
  parseHolidayFacts,
  ramadanRange,
  SEEDED_CALENDAR_YEARS,
  seedCalendarInput,
  seededCalendar,
  type HolidayFacts,
} from './holidays.js';

/**
 * The shared design data the data module was copied from: `../shared/data/holidays-id.json` next to the
 * repository. It is not part of the repository, so a checkout may not have it.
 */
const sharedJson = fileURLToPath(new URL('../../../../shared/data/holidays-id.json', import.meta.url));

/** One line per fact, in a fixed order: what the fingerprint is taken of. */
function factLines(facts: HolidayFacts): string[] {
  const lines: string[] = [];
  for (const year of Object.keys(facts.years).sort()) {
    const y = facts.years[year];
    lines.push(`${year}|decree|${y.decree}`);
    for (const e of y.holidays) lines.push(`${year}|holiday|${e.date}|${e.name}`);
    for (const e of y.collectiveLeave) lines.push(`${year}|collective_leave|${e.date}|${e.name}`);
  }
  for (const year of Object.keys(facts.ramadan).sort())
    lines.push(`${year}|ramadan|${facts.ramadan[year].start}|${facts.ramadan[year].end}`);
  return lines;
}

const fingerprint = (facts: HolidayFacts) =>
  createHash('sha256').update(factLines(facts).join('\n')).digest('hex');

/**
 * The fingerprint of the facts as copied. When the data module changes on purpose (a new decree), copy
 * the new facts from the JSON file and update this value in the same change.
 */
const RECORDED_FINGERPRINT = 'a43879c20342b1e48f6f3277e375210613ecd5ddb5fa13bb329456b265531cf5';

describe('holidays-data.ts against its source', () => {
  it(
    existsSync(sharedJson)
      ? 'holds exactly the facts of the shared holidays-id.json'
      : 'holds the facts recorded when it was copied (holidays-id.json is not present here)',
    () => {
      if (existsSync(sharedJson)) {
        const raw: unknown = JSON.parse(readFileSync(sharedJson, 'utf8'));
        const fromJson = parseHolidayFacts(raw);
        expect(HOLIDAY_FACTS.years).toEqual(fromJson.years);
        expect(HOLIDAY_FACTS.ramadan).toEqual(fromJson.ramadan);
        expect(factLines(HOLIDAY_FACTS)).toEqual(factLines(fromJson));
      }
      // In both cases: the data is what was recorded, so the branch without the JSON file guards it too.
      expect(fingerprint(HOLIDAY_FACTS)).toBe(RECORDED_FINGERPRINT);
      expect(factLines(HOLIDAY_FACTS)).toHaveLength(2 + 17 + 10 + 17 + 8 + 2);
    },
  );
});

describe('the seeded facts', () => {
  it('cover the demo years 2025 and 2026 with their decrees', () => {
    expect(SEEDED_CALENDAR_YEARS).toEqual([2025, 2026]);
    expect(HOLIDAY_FACTS.years['2025'].decree).toMatch(/^SKB Nomor 1017 Tahun 2024/);
    expect(HOLIDAY_FACTS.years['2026'].decree).toMatch(/^SKB Nomor 1497 Tahun 2025/);
    expect(HOLIDAY_FACTS.years['2025'].holidays).toHaveLength(17);
    expect(HOLIDAY_FACTS.years['2025'].collectiveLeave).toHaveLength(10);
    expect(HOLIDAY_FACTS.years['2026'].holidays).toHaveLength(17);
    expect(HOLIDAY_FACTS.years['2026'].collectiveLeave).toHaveLength(8);
  });

  it.each(['2025', '2026'])('%s: dates sorted, in the year, and the fixed-date holidays present', (year) => {
    const y = HOLIDAY_FACTS.years[year];
    for (const list of [y.holidays, y.collectiveLeave]) {
      const dates = list.map((e) => e.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
    const holidayDates = y.holidays.map((e) => e.date);
    for (const h of FIXED_DATE_HOLIDAYS) expect(holidayDates).toContain(`${year}-${h.monthDay}`);
  });

  it.each(['2025', '2026'])('%s: collective leave is named so and falls on weekdays', (year) => {
    for (const e of HOLIDAY_FACTS.years[year].collectiveLeave) {
      expect(e.name).toMatch(/^Cuti bersama /);
      expect([0, 6]).not.toContain(weekdayOf(e.date));
    }
  });

  it.each(['2025', '2026'])('%s: Ramadan ends the day before the first day of Idulfitri', (year) => {
    const idulfitri = HOLIDAY_FACTS.years[year].holidays.find((e) => e.name.startsWith('Idulfitri'));
    const range = ramadanRange(Number(year));
    expect(idulfitri && range).toBeTruthy();
    const dayAfter = new Date(`${range?.end}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect(dayAfter.toISOString().slice(0, 10)).toBe(idulfitri?.date);
    expect(range && range.start < range.end).toBe(true);
  });

  it('are the data module itself, checked', () => {
    expect(HOLIDAY_FACTS.years).toEqual(HOLIDAY_YEARS);
    expect(HOLIDAY_FACTS.ramadan).toEqual(RAMADAN_RANGES);
    expect(ramadanRange(2027)).toBeNull();
  });
});

describe('seedCalendarInput and seededCalendar', () => {
  it('build the calendar of the decreed years; 2027 falls back with a warning', () => {
    const cal = seededCalendar();
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(240);
    expect(calendarCoverage(cal, 2026).decreed).toBe(true);
    expect(calendarCoverage(cal, 2027).decreed).toBe(false);
  });

  it('hand out copies, so a caller cannot change the seed', () => {
    const input = seedCalendarInput();
    (input.years['2026'].holidays as { date: string; name: string }[]).pop();
    expect(HOLIDAY_FACTS.years['2026'].holidays).toHaveLength(17);
    expect(seedCalendarInput().years['2026'].holidays).toHaveLength(17);
    expect(input.extraHolidays).toEqual([]);
    expect(input.removedDates).toEqual([]);
  });
});

describe('parseHolidayFacts', () => {
  const good = () => ({
    about: 'x',
    years: {
      2027: {
        decree: 'SKB 2027',
        holidays: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' }],
        collectiveLeave: [{ date: '2027-01-04', name: 'Cuti bersama' }],
      },
    },
    ramadan: { about: 'approx', 2027: { start: '2027-02-08', end: '2027-03-09' } },
  });

  it('accepts well-formed facts and drops the about texts', () => {
    const facts = parseHolidayFacts(good());
    expect(Object.keys(facts.years)).toEqual(['2027']);
    expect(facts.ramadan).toEqual({ 2027: { start: '2027-02-08', end: '2027-03-09' } });
  });

  it('refuses a wrong shape', () => {
    expect(() =>
      parseHolidayFacts({ ...good(), years: { 2027: { holidays: [], collectiveLeave: [] } } }),
    ).toThrow(/invalid holiday facts: years\.2027\.decree/);
    expect(() =>
      parseHolidayFacts({
        ...good(),
        years: { 2027: { ...good().years[2027], extra: [] } },
      }),
    ).toThrow(/invalid holiday facts/);
  });

  it('refuses dates outside the year, twice listed or unreal, by the admin rules', () => {
    const facts = good();
    facts.years[2027].holidays.push(
      { date: '2026-12-31', name: 'Salah tahun' },
      { date: '2027-01-04', name: 'Dua kali' },
    );
    facts.years[2027].collectiveLeave.push({ date: '2027-02-29', name: 'Tidak ada' });
    expect(() => parseHolidayFacts(facts)).toThrow(
      'invalid holiday facts: years.2027.holidays.1.date: Tanggal harus di tahun 2027; ' +
        'years.2027.collectiveLeave.0.date: Tanggal 2027-01-04 sudah tercantum sebagai libur nasional; ' +
        'years.2027.collectiveLeave.1.date: Tanggal tidak valid (format TTTT-BB-HH)',
    );
  });

  it('refuses a Ramadan range that is not one', () => {
    const at = (range: unknown) => () => parseHolidayFacts({ ...good(), ramadan: { 2027: range } });
    expect(at({ start: '2027-03-09', end: '2027-02-08' })).toThrow('ramadan.2027: start after end');
    expect(at({ start: '2026-12-30', end: '2027-02-08' })).toThrow('ramadan.2027: dates outside 2027');
    expect(at({ start: '2027-02-30', end: '2027-03-09' })).toThrow('ramadan.2027: invalid date');
    expect(at('soon')).toThrow('ramadan.2027: expected { start, end }');
  });
});
