import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CalendarYearDto,
  calendarEntryBody,
  MonitoringSettings,
  removeCalendarEntryBody,
  updateMonitoringSettingsBody,
} from '../../../contract/calendar.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { calendarDays, regions } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, fieldError, validation } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { seedCalendarInput } from '../../seed/holidays.js';
import { DEFAULT_BANDS, validateBands, validateCap, type PredicateBand } from './achievement.domain.js';
import { DEFAULT_DEADLINE_SETTING, validateDeadlineSetting } from './periods.domain.js';
import {
  buildCalendar,
  calendarCoverage,
  dayOff,
  daysOffOfYear,
  validateCalendarEntries,
  workingDaysBetween,
  type CalendarInput,
  type WorkingCalendar,
} from './working-days.domain.js';

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

// ---------------------------------------------------------------------------------------------
// The admin's view and edits of the calendar

const kindLabels: Record<string, string> = {
  holiday: 'libur nasional',
  collective_leave: 'cuti bersama',
  regional_holiday: 'libur daerah',
  removed: 'hari kerja pengganti',
};

/** One year of the region's calendar: its days off with their source, and the decree coverage. */
export async function getCalendarYear(db: DbOrTx, actor: Actor, year: number): Promise<CalendarYearDto> {
  const rows = await db.select().from(calendarDays).where(eq(calendarDays.regionId, actor.regionId));
  const cal = buildCalendar(calendarInput(rows));
  const own = new Set(rows.map((r) => `${r.date}/${r.kind}`));
  const coverage = calendarCoverage(cal, year);
  const decree = seedCalendarInput().years[String(year)]?.decree ?? null;
  const days = daysOffOfYear(cal, year)
    .filter((d) => d.kind !== 'weekend' && !cal.removed.has(d.date))
    .map((d) => ({
      date: d.date,
      name: d.name,
      kind: d.kind as 'holiday' | 'collective_leave' | 'regional_holiday' | 'fixed_holiday',
      source: own.has(`${d.date}/${d.kind}`) ? ('region' as const) : ('national' as const),
    }));
  return {
    year,
    decreed: coverage.decreed,
    decree,
    warning: coverage.warning ?? null,
    workingDays: workingDaysBetween(cal, `${year - 1}-12-31`, `${year}-12-31`),
    days,
    removed: rows
      .filter((r) => r.kind === 'removed' && r.date.startsWith(`${year}-`))
      .map((r) => ({ date: r.date, name: r.name }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/**
 * Adds an entry: a regional holiday, a national holiday or cuti bersama of a decree the platform
 * does not ship yet, or a decreed day off the region works after all (`removed`).
 */
export async function addCalendarEntry(
  database: Database,
  actor: Actor,
  input: z.infer<typeof calendarEntryBody>,
) {
  return database.db.transaction(async (tx) => {
    const year = Number(input.date.slice(0, 4));
    const list =
      input.kind === 'holiday'
        ? 'holidays'
        : input.kind === 'collective_leave'
          ? 'collectiveLeave'
          : 'extraHolidays';
    const problems = validateCalendarEntries(year, { [list]: [{ date: input.date, name: input.name }] }).map(
      (p) => ({
        path: /date/.test(p.path) || p.path === 'year' ? 'date' : /name/.test(p.path) ? 'name' : p.path,
        message: p.message,
      }),
    );
    if (problems.length) throw validation(problems);
    const rows = await tx.select().from(calendarDays).where(eq(calendarDays.regionId, actor.regionId));
    const cal = buildCalendar(calendarInput(rows));
    const off = dayOff(cal, input.date);
    if (input.kind === 'removed') {
      if (!off || off.kind === 'weekend' || off.kind === 'regional_holiday')
        throw fieldError('date', 'Hanya libur nasional atau cuti bersama yang dapat dijadikan hari kerja');
    } else if (off && off.kind !== 'weekend') {
      throw fieldError('date', `Tanggal ini sudah hari libur: ${off.name}`);
    } else if (off?.kind === 'weekend') {
      throw fieldError('date', 'Tanggal ini hari Sabtu atau Minggu');
    }
    await tx.insert(calendarDays).values({
      regionId: actor.regionId,
      date: input.date,
      kind: input.kind,
      name: input.name,
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor.regionId, actor, {
      action: 'calendar.add',
      entityType: 'calendar',
      entityId: null,
      summary: `Kalender: ${input.date} dicatat sebagai ${kindLabels[input.kind]} (${input.name})`,
      after: input,
    });
    return getCalendarYear(tx, actor, year);
  });
}

export async function removeCalendarEntry(
  database: Database,
  actor: Actor,
  input: z.infer<typeof removeCalendarEntryBody>,
) {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(calendarDays)
      .where(
        and(
          eq(calendarDays.regionId, actor.regionId),
          eq(calendarDays.date, input.date),
          eq(calendarDays.kind, input.kind),
        ),
      )
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Entri kalender daerah tidak ditemukan');
    await appendAudit(tx, actor.regionId, actor, {
      action: 'calendar.remove',
      entityType: 'calendar',
      entityId: null,
      summary: `Kalender: ${row.date} (${kindLabels[row.kind]}, ${row.name}) dihapus`,
      before: { date: row.date, kind: row.kind, name: row.name },
    });
    return getCalendarYear(tx, actor, Number(input.date.slice(0, 4)));
  });
}

// ---------------------------------------------------------------------------------------------
// Monitoring settings of the region (kept in regions.settings.monitoring with their own version)

interface StoredSettings {
  reportDeadlineDay?: number;
  achievementCap?: number | null;
  predicateBands?: PredicateBand[];
  version?: number;
}

/** The region's monitoring settings, defaults filled in (the 10th, no cap, the LKjIP bands). */
export function monitoringSettingsOf(settings: unknown): MonitoringSettings {
  const s = ((settings as { monitoring?: StoredSettings } | null)?.monitoring ?? {}) as StoredSettings;
  return {
    reportDeadlineDay: s.reportDeadlineDay ?? DEFAULT_DEADLINE_SETTING.dayOfFollowingMonth,
    achievementCap: s.achievementCap ?? null,
    predicateBands: (s.predicateBands ?? DEFAULT_BANDS).map((b) => ({ ...b })),
    version: s.version ?? 1,
  };
}

export async function getMonitoringSettings(db: DbOrTx, actor: Actor) {
  const [r] = await db
    .select({ settings: regions.settings })
    .from(regions)
    .where(eq(regions.id, actor.regionId));
  return monitoringSettingsOf(r.settings);
}

export async function updateMonitoringSettings(
  database: Database,
  actor: Actor,
  input: z.infer<typeof updateMonitoringSettingsBody>,
) {
  return database.db.transaction(async (tx) => {
    const [r] = await tx
      .select({ settings: regions.settings })
      .from(regions)
      .where(eq(regions.id, actor.regionId))
      .for('update');
    const before = monitoringSettingsOf(r.settings);
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const problems = [
      ...validateDeadlineSetting({ dayOfFollowingMonth: input.reportDeadlineDay }).map((p) => ({
        path: 'reportDeadlineDay',
        message: p.message,
      })),
      ...validateCap(input.achievementCap).map((p) => ({ path: 'achievementCap', message: p.message })),
      ...validateBands(input.predicateBands).map((p) => ({
        path: p.path.replace(/^bands/, 'predicateBands'),
        message: p.message,
      })),
    ];
    if (problems.length) throw validation(problems);
    const next: StoredSettings = {
      reportDeadlineDay: input.reportDeadlineDay,
      achievementCap: input.achievementCap,
      predicateBands: input.predicateBands,
      version: before.version + 1,
    };
    await tx
      .update(regions)
      .set({ settings: { ...((r.settings as object) ?? {}), monitoring: next } })
      .where(eq(regions.id, actor.regionId));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'monitoring.settings',
      entityType: 'region',
      entityId: actor.regionId,
      summary: 'Pengaturan pemantauan diubah',
      before,
      after: next,
    });
    return monitoringSettingsOf({ monitoring: next });
  });
}
