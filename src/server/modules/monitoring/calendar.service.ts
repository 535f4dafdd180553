import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { calendarDays } from '../../db/schema.js';
import { seedCalendarInput } from '../../seed/holidays.js';
import { buildCalendar, type CalendarInput, type WorkingCalendar } from './working-days.domain.js';

/**
 * The region's working-day calendar: the national decrees shipped with the platform
 * (seed/holidays-data.ts), plus what the region's admin recorded in `calendar_days`: a decree of a
 * year the platform does not know yet (holiday, collective_leave), regional holidays, and decreed
 * days the region works after all (removed).
 */
export async function loadCalendar(db: DbOrTx, regionId: string): Promise<WorkingCalendar> {
  const rows = await db.select().from(calendarDays).where(eq(calendarDays.regionId, regionId));
  return buildCalendar(calendarInput(rows));
}

export function calendarInput(rows: readonly { date: string; kind: string; name: string }[]): CalendarInput {
  const base = seedCalendarInput();
  const years: Record<
    string,
    {
      holidays: { date: string; name: string }[];
      collectiveLeave: { date: string; name: string }[];
      decree?: string;
    }
  > = {};
  for (const [y, v] of Object.entries(base.years))
    years[y] = { decree: v.decree, holidays: [...v.holidays], collectiveLeave: [...v.collectiveLeave] };
  const extraHolidays: { date: string; name: string }[] = [];
  const removedDates: string[] = [];
  for (const r of rows) {
    const year = r.date.slice(0, 4);
    if (r.kind === 'holiday' || r.kind === 'collective_leave') {
      years[year] ??= { holidays: [], collectiveLeave: [] };
      (r.kind === 'holiday' ? years[year].holidays : years[year].collectiveLeave).push({
        date: r.date,
        name: r.name,
      });
    } else if (r.kind === 'regional_holiday') extraHolidays.push({ date: r.date, name: r.name });
    else if (r.kind === 'removed') removedDates.push(r.date);
  }
  return { years, extraHolidays, removedDates };
}
