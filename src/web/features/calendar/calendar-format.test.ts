import { describe, expect, it } from 'vitest';
import type { CalendarYearDto } from '../../../contract/calendar';
import { deadlineOf, periodsOf } from '../../../server/modules/monitoring/periods.domain';
import {
  buildCalendar,
  daysOffOfYear,
  isWorkingDay as serverIsWorkingDay,
  workingDaysBetween,
} from '../../../server/modules/monitoring/working-days.domain';
import { seedCalendarInput } from '../../../server/seed/holidays';
import {
  bandRanges,
  entriesByDate,
  isoDay,
  isWorkingDay,
  monthWeeks,
  monthWorkingDays,
  quarterDeadlines,
  yearEntries,
} from './calendar-format';

/**
 * The page draws the grid and counts each month's working days from the API's list of days off; the
 * server counts from its calendar. Both must agree day by day, so the DTO here is built the way the
 * calendar service builds it, from the same shipped decrees and a region's own entries.
 */
function dtoOf(
  year: number,
  extra: { date: string; name: string }[],
  removed: { date: string; name: string }[],
) {
  const base = seedCalendarInput();
  const cal = buildCalendar({ ...base, extraHolidays: extra, removedDates: removed.map((r) => r.date) });
  const own = new Set(extra.map((e) => e.date));
  const dto: CalendarYearDto = {
    year,
    decreed: cal.decreedYears.has(year),
    decree: null,
    warning: null,
    workingDays: workingDaysBetween(cal, `${year - 1}-12-31`, `${year}-12-31`),
    days: daysOffOfYear(cal, year)
      .filter((d) => d.kind !== 'weekend' && !cal.removed.has(d.date))
      .map((d) => ({
        date: d.date,
        name: d.name,
        kind: d.kind as CalendarYearDto['days'][number]['kind'],
        source: own.has(d.date) ? ('region' as const) : ('national' as const),
      })),
    removed,
  };
  return { cal, dto };
}

describe('the calendar grid', () => {
  it('lays a month out Monday first', () => {
    // 1 January 2026 is a Thursday; 31 January a Saturday.
    const weeks = monthWeeks(2026, 0);
    expect(weeks[0]).toEqual([null, null, null, '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(weeks.at(-1)).toEqual([
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-01-31',
      null,
    ]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and fills four whole weeks.
    expect(monthWeeks(2027, 1)).toHaveLength(4);
  });

  for (const [label, year, extra, removed] of [
    ['2026 as decreed', 2026, [], []],
    [
      '2026 with a regional holiday and a worked collective leave',
      2026,
      [{ date: '2026-04-01', name: 'Hari Jadi Kota Malang' }],
      [{ date: '2026-03-20', name: 'Masuk kerja' }],
    ],
    ['2029 without a decree (fixed-date holidays)', 2029, [], []],
  ] as const) {
    it(`counts the working days as the server does: ${label}`, () => {
      const { cal, dto } = dtoOf(year, [...extra], [...removed]);
      const byDate = entriesByDate(yearEntries(dto));
      let sum = 0;
      for (let m = 0; m < 12; m++) {
        sum += monthWorkingDays(year, m, byDate);
        for (let d = 1; d <= new Date(Date.UTC(year, m + 1, 0)).getUTCDate(); d++) {
          const iso = isoDay(year, m, d);
          expect(isWorkingDay(iso, byDate), iso).toBe(serverIsWorkingDay(cal, iso));
        }
      }
      expect(sum).toBe(dto.workingDays);
    });
  }

  it('shows 240 working days in 2026 and one fewer with a regional holiday', () => {
    expect(dtoOf(2026, [], []).dto.workingDays).toBe(240);
    const { dto } = dtoOf(2026, [{ date: '2026-04-01', name: 'Hari Jadi Kota Malang' }], []);
    expect(dto.workingDays).toBe(239);
    expect(yearEntries(dto).find((e) => e.date === '2026-04-01')).toMatchObject({
      kind: 'regional_holiday',
      source: 'region',
    });
  });
});

describe('what the settings mean', () => {
  it('gives the quarters the deadlines the server computes', () => {
    for (const day of [1, 10, 20, 28]) {
      expect(quarterDeadlines(2026, day).map((q) => q.date)).toEqual(
        periodsOf('quarterly', 2026).map((p) => deadlineOf(p, { dayOfFollowingMonth: day })),
      );
    }
    expect(quarterDeadlines(2026, 20)[0]).toEqual({ quarter: 1, date: '2026-04-20' });
    expect(quarterDeadlines(2026, 20)[3]).toEqual({ quarter: 4, date: '2027-01-20' });
  });

  it('turns band minimums into score ranges', () => {
    expect(bandRanges([0, 51, 66, 76, 91])).toEqual([
      { min: 0, next: 51 },
      { min: 51, next: 66 },
      { min: 66, next: 76 },
      { min: 76, next: 91 },
      { min: 91, next: null },
    ]);
    // A missing or out-of-order minimum has no range yet.
    expect(bandRanges([0, null, 66, 60, 91])).toEqual([
      null,
      null,
      null,
      { min: 60, next: 91 },
      { min: 91, next: null },
    ]);
  });
});
