import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  attendanceExcuses,
  attendanceImports,
  attendancePunches,
  civilServants,
  workSchedules,
} from '../db/schema.js';
import { INSERT_CHUNK } from '../modules/attendance/import.service.js';
import { loadScheduleSet } from '../modules/attendance/schedule.service.js';
import {
  defaultScheduleSet,
  hoursFor,
  type DateRange,
  type ExcuseKind,
  type ScheduledHours,
  type ScheduleSet,
} from '../modules/discipline/lateness.domain.js';
import { loadCalendar } from '../modules/monitoring/calendar.service.js';
import {
  addDays,
  isWorkingDay,
  yearOf,
  type WorkingCalendar,
} from '../modules/monitoring/working-days.domain.js';
import { appendAudit } from '../platform/audit.js';
import { localDay } from '../platform/calendar.js';
import { ramadanRange } from './holidays.js';
import { rng, type Rng } from './random.js';

/**
 * A year of generated attendance for the demo region (domain.md section 6, "a year of attendance"):
 * check-in and check-out punches for every working day of the region's calendar in the current month
 * and the eleven before it, up to yesterday (the local day before the seed's `today`), written in
 * bulk as the attendance importer writes a file (one `attendance_imports` row named "Data demo", then
 * the punches by `INSERT ... SELECT FROM unnest()` in chunks of 20,000, in key order), plus a few
 * excuses (leave, sick, official travel) recorded by HR.
 *
 * Which ASN, and why not all of them for the whole year: all ~2,000 generated ASN for a year are about
 * a million punches, which PGlite (one WebAssembly thread, ~40,000-100,000 rows a second: see
 * docs/benchmarks.md, B3) writes in 15-25 s, against ~3-8 s for the rest of the demo. So:
 * - the pilot units `DEMO_ATTENDANCE_UNITS` have the whole year: Dinas Kesehatan (1.02.01, the unit of
 *   `asn.demo` and `kadinkes`), BKPSDM, Inspektorat and the kecamatan Klojen and Lowokwaru, about
 *   625 ASN;
 * - every other ASN has the last full month and the current month (their devices "were connected last
 *   month"), so that last month's recap and evaluation cover the whole region; their earlier months
 *   show no punches (TK) until a file is imported for them.
 * That is 360,000-420,000 punches (by the day of the month), about 4-5 s on PGlite on a quiet
 * machine.
 *
 * The patterns, deterministic per NIP (seed/random.ts):
 * - about 80 % punctual: in at 06:45-07:29 (07:15-07:59 in Ramadan), rarely a TL1;
 * - about 15 % occasionally late: a TL1 now and then, a TL2-TL4 about once a month;
 * - about 5 % habitually late: 4-8 days of TL2-TL4 in the months before the rules, which is what the
 *   SUKA_TERLAMBAT rule counts (4 or more such days in a calendar month);
 * - everyone: now and then an early leave (PSW), a missing check-out (PSW4), a morning without a
 *   check-in (TL4), a day without any punch (TK); about 5 % of the ASN have one or two excuses.
 * - The trend: the region's rules apply from the first day of the month three months before the
 *   current one (`demoRulesStart`): in those last four months the habitual latecomers mostly improve
 *   (0-3 such days; a third of them stay at 4-6) and everyone else is late about half as often, so
 *   that a before/after view of lateness shows the effect.
 * - `asn.demo` is one of the habitual latecomers who did not improve: exactly 6 days of TL2-TL4 in the
 *   last full month, so that an evaluation of last month hits them; and one sick day two months before.
 *
 * The hours are the region's schedules as the lateness service reads them (schedule.service.ts): the
 * seed stores the default schedule with the seeded Ramadan dates of the years covered (unless the
 * region has one already), so that Ramadan days are judged against 08:00-15:00 (Friday 15:30) and the
 * punches follow those hours; a unit with its own schedule gets punches by its hours.
 *
 * Runs inside the demo's transaction, once: the demo does nothing when its region exists.
 */

/** The pilot units, whose ASN get the whole year of punches (see above for why not all units). */
export const DEMO_ATTENDANCE_UNITS = [
  '1.02.01', // Dinas Kesehatan (asn.demo, kadinkes)
  '5.03.01', // BKPSDM
  '6.01.01', // Inspektorat
  '7.01.03', // Kecamatan Klojen
  '7.01.04', // Kecamatan Lowokwaru
] as const;

/** The name of the import record in HR's import history. */
export const DEMO_IMPORT_NAME = 'Data demo (kehadiran 12 bulan)';
/** Months of the improved behaviour: the current month and the three before it. */
export const DEMO_RULE_MONTHS = 4;
/** Punches per INSERT statement: the importer's. */
const CHUNK = INSERT_CHUNK;

export type AttendanceProfile = 'punctual' | 'occasional' | 'habitual';

export interface DemoAttendanceContext {
  regionId: string;
  timezone: string;
  today: Date;
  /** Work unit ids by code. */
  units: Map<string, string>;
  /** The civil servant of `asn.demo`. */
  asnDemo: string;
  /** HR's user (`bkpsdm`): the importer of the file and the author of the excuses. */
  hrUser: string;
}

/** `YYYY-MM` of a day, and the month `n` months later (n may be negative). */
const monthOf = (day: string) => day.slice(0, 7);
function shiftMonth(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The first day of the months in which the demo's ASN behave better (the rules are in force). */
export function demoRulesStart(today: Date, timezone: string): string {
  return `${shiftMonth(monthOf(localDay(today, timezone)), -(DEMO_RULE_MONTHS - 1))}-01`;
}

/** A number from a text, to seed one ASN's generator (the same NIP, the same year of punches). */
function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

export interface PlannedServant {
  id: string;
  nip: string;
  workUnitId: string;
  /** The first day with punches (the unit's devices were connected then); `from` when absent. */
  since?: string;
}

export interface AttendancePlanInput {
  servants: readonly PlannedServant[];
  asnDemo: string;
  calendar: WorkingCalendar;
  schedules: ScheduleSet;
  /** First and last day (local) with punches. */
  from: string;
  to: string;
  /** First day of the improved months. */
  rulesStart: string;
  /** The month whose evaluation must hit asn.demo. */
  lastFullMonth: string;
}

export interface PlannedExcuse {
  civilServantId: string;
  kind: ExcuseKind;
  start: string;
  end: string;
  note: string;
}

export interface AttendancePlan {
  /** The servants with punches, sorted by id (the key order of attendance_punches). */
  people: string[];
  /** Per punch: 1-based index into `people`, and the local `YYYY-MM-DD HH:MM:SS`; in key order. */
  person: number[];
  at: string[];
  excuses: PlannedExcuse[];
  profiles: Map<string, AttendanceProfile>;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const clock = (s: number) => `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;

/** Odds of one working day, per profile, before and after the rules. */
interface Odds {
  /** TL1 (1-30 minutes late). */
  tl1: number;
  /** TL2-TL4 (31 minutes or more), for the profiles without a monthly plan. */
  serious: number;
  /** Leaving 1-120 minutes early. */
  early: number;
  noCheckOut: number;
  noCheckIn: number;
  absent: number;
}
const ODDS: Record<AttendanceProfile, { before: Odds; after: Odds }> = {
  punctual: {
    before: { tl1: 0.02, serious: 0.002, early: 0.01, noCheckOut: 0.004, noCheckIn: 0.002, absent: 0.002 },
    after: { tl1: 0.01, serious: 0.001, early: 0.006, noCheckOut: 0.003, noCheckIn: 0.001, absent: 0.001 },
  },
  occasional: {
    before: { tl1: 0.12, serious: 0.045, early: 0.03, noCheckOut: 0.01, noCheckIn: 0.005, absent: 0.005 },
    after: { tl1: 0.06, serious: 0.02, early: 0.02, noCheckOut: 0.006, noCheckIn: 0.003, absent: 0.003 },
  },
  habitual: {
    before: { tl1: 0.3, serious: 0, early: 0.06, noCheckOut: 0.02, noCheckIn: 0.01, absent: 0.012 },
    after: { tl1: 0.2, serious: 0, early: 0.04, noCheckOut: 0.012, noCheckIn: 0.006, absent: 0.006 },
  },
};

/** Minutes late of a TL2-TL4 day: mostly TL2, some TL3, a few TL4 (default limits 30/60/90). */
function seriousMinutes(r: Rng): number {
  const x = r.next();
  return x < 0.55 ? r.int(31, 60) : x < 0.85 ? r.int(61, 90) : r.int(91, 150);
}

/** Minutes early of a PSW day: mostly a short one. */
function earlyMinutes(r: Rng): number {
  const x = r.next();
  return x < 0.6 ? r.int(1, 30) : x < 0.85 ? r.int(31, 60) : x < 0.95 ? r.int(61, 90) : r.int(91, 120);
}

/** `n` distinct items of `list`, in list order. */
function sample<T>(r: Rng, list: readonly T[], n: number): T[] {
  const idx = list.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, Math.min(n, idx.length))
    .sort((a, b) => a - b)
    .map((i) => list[i]);
}

const EXCUSE_NOTES: Record<ExcuseKind, string[]> = {
  leave: ['Cuti tahunan', 'Cuti alasan penting', 'Cuti tahunan (keluarga)'],
  sick: ['Surat keterangan dokter', 'Rawat jalan puskesmas', 'Surat keterangan sakit'],
  official_travel: ['Bimbingan teknis di Surabaya', 'Rapat koordinasi provinsi', 'Dinas luar kota'],
};

/**
 * The punches and excuses of every servant, deterministic for the same servants (by NIP), calendar,
 * schedules and days. Pure: no database, no clock.
 */
export function planDemoAttendance(input: AttendancePlanInput): AttendancePlan {
  const { calendar, schedules, from, to, rulesStart, lastFullMonth } = input;
  // The working days, grouped by month; hours are asked per servant (units may have their own).
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) days.push(d);
  const months = new Map<string, string[]>();
  for (const d of days) {
    const m = monthOf(d);
    const list = months.get(m);
    if (list) list.push(d);
    else months.set(m, [d]);
  }
  const hoursCache = new Map<string, (ScheduledHours | null)[]>();
  const hoursOf = (unit: string) => {
    const key = schedules.units?.[unit] ? unit : '';
    let h = hoursCache.get(key);
    if (!h) hoursCache.set(key, (h = days.map((d) => hoursFor(schedules, key || null, d))));
    return h;
  };
  const dayIndex = new Map(days.map((d, i) => [d, i]));

  const byId = [...input.servants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const plan: AttendancePlan = { people: [], person: [], at: [], excuses: [], profiles: new Map() };
  for (const s of byId) {
    const r = rng(seedOf(`demo-attendance:${s.nip}`));
    const demo = s.id === input.asnDemo;
    const since = s.since && s.since > from ? s.since : from;
    let first = 0;
    while (first < days.length && days[first] < since) first++;
    const x = r.next();
    const profile: AttendanceProfile = demo
      ? 'habitual'
      : x < 0.05
        ? 'habitual'
        : x < 0.2
          ? 'occasional'
          : 'punctual';
    plan.profiles.set(s.id, profile);
    // A third of the habitual latecomers keep their habit after the rules (asn.demo among them).
    const stubborn = demo || (profile === 'habitual' && r.chance(1 / 3));

    // Excuses: a few ASN, one or two each; the days they cover have no punches.
    const excused = new Set<number>();
    const addExcuse = (kind: ExcuseKind, start: number, length: number) => {
      const last = Math.min(days.length - 1, start + length - 1);
      for (let i = start; i <= last; i++) excused.add(i);
      plan.excuses.push({
        civilServantId: s.id,
        kind,
        start: days[start],
        end: days[last],
        note: r.pick(EXCUSE_NOTES[kind]),
      });
    };
    // (Fewer for the ASN with a short history: the same odds per working day.)
    if (!demo && first < days.length && r.chance((0.05 * (days.length - first)) / days.length)) {
      const count = r.chance(0.3) ? 2 : 1;
      for (let k = 0; k < count; k++) {
        const kind = r.pick<ExcuseKind>(['leave', 'sick', 'official_travel']);
        const length = kind === 'leave' ? r.int(3, 6) : kind === 'sick' ? r.int(1, 3) : r.int(2, 4);
        const start = r.int(first, Math.max(first, days.length - length));
        if (![...Array(length).keys()].some((i) => excused.has(start + i))) addExcuse(kind, start, length);
      }
    }
    if (demo) {
      const sickMonth = months.get(shiftMonth(lastFullMonth, -2));
      if (sickMonth && sickMonth.length > 1) addExcuse('sick', dayIndex.get(sickMonth[1])!, 1);
    }

    // The TL2-TL4 days of a habitual latecomer, planned per month.
    const serious = new Set<number>();
    if (profile === 'habitual')
      for (const [month, list] of months) {
        const after = `${month}-01` >= rulesStart;
        const free = list.filter((d) => d >= since && !excused.has(dayIndex.get(d)!));
        if (free.length === 0) continue;
        const n =
          demo && month === lastFullMonth ? 6 : !after ? r.int(4, 8) : stubborn ? r.int(4, 6) : r.int(0, 3);
        for (const d of sample(r, free, n)) serious.add(dayIndex.get(d)!);
      }

    const hours = hoursOf(s.workUnitId);
    let index = 0;
    for (let i = first; i < days.length; i++) {
      const h = hours[i];
      if (!h || excused.has(i)) continue;
      const odds = ODDS[profile][days[i] >= rulesStart ? 'after' : 'before'];
      // asn.demo's month that must count exactly: no other band that could replace a planned day.
      const exact = demo && monthOf(days[i]) === lastFullMonth;
      if (!exact && r.chance(odds.absent)) continue;
      let checkIn: number | null;
      if (serious.has(i)) checkIn = h.startSeconds + seriousMinutes(r) * 60 + r.int(0, 59);
      else if (!exact && r.chance(odds.noCheckIn)) checkIn = null;
      else if (r.chance(odds.serious)) checkIn = h.startSeconds + seriousMinutes(r) * 60 + r.int(0, 59);
      else if (r.chance(odds.tl1)) checkIn = h.startSeconds + r.int(1, 30) * 60 + r.int(0, 59);
      // On time: up to 45 minutes early (06:45-07:29 for 07:30), habitual latecomers just in time.
      else checkIn = h.startSeconds - r.int(1, profile === 'habitual' ? 15 * 60 : 45 * 60);
      let checkOut: number | null;
      if (r.chance(odds.noCheckOut)) checkOut = null;
      else if (r.chance(odds.early)) checkOut = h.endSeconds - earlyMinutes(r) * 60 - r.int(0, 59);
      else checkOut = h.endSeconds + r.int(0, r.chance(0.2) ? 90 * 60 : 30 * 60);
      if (checkIn === null && checkOut === null) continue;
      if (index === 0) index = plan.people.push(s.id);
      if (checkIn !== null) {
        plan.person.push(index);
        plan.at.push(`${days[i]} ${clock(checkIn)}`);
      }
      if (checkOut !== null) {
        plan.person.push(index);
        plan.at.push(`${days[i]} ${clock(checkOut)}`);
      }
    }
  }
  return plan;
}

/** The default schedule with the seeded Ramadan dates of the years from `from` to `to`. */
function demoSchedule(from: string, to: string): ScheduleSet {
  const ranges: DateRange[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    const r = ramadanRange(y);
    if (r) ranges.push({ start: r.start, end: r.end });
  }
  return JSON.parse(JSON.stringify(defaultScheduleSet(ranges))) as ScheduleSet;
}

/**
 * Writes the demo's year of attendance (see the module comment). Runs inside the demo's transaction,
 * after the units, the ASN and the users exist.
 */
export async function seedDemoAttendance(
  tx: Tx,
  ctx: DemoAttendanceContext,
): Promise<{ servants: number; punches: number; excuses: number; from: string; to: string }> {
  const today = localDay(ctx.today, ctx.timezone);
  const to = addDays(today, -1);
  const from = `${shiftMonth(monthOf(today), -11)}-01`;
  const rulesStart = demoRulesStart(ctx.today, ctx.timezone);
  const lastFullMonth = shiftMonth(monthOf(today), -1);

  // The schedule the punches follow and the lateness service judges them by.
  await tx
    .insert(workSchedules)
    .values({ regionId: ctx.regionId, schedules: demoSchedule(from, to), version: 1, updatedBy: ctx.hrUser })
    .onConflictDoNothing();
  const schedules = await loadScheduleSet(tx, ctx.regionId);
  const calendar = await loadCalendar(tx, ctx.regionId);

  // The pilot units have the year; the devices of the other units were connected last month.
  const yearUnits = new Set(DEMO_ATTENDANCE_UNITS.map((c) => ctx.units.get(c)));
  const recentFrom = `${lastFullMonth}-01`;
  const servants = (
    await tx
      .select({ id: civilServants.id, nip: civilServants.nip, workUnitId: civilServants.workUnitId })
      .from(civilServants)
      .where(and(eq(civilServants.regionId, ctx.regionId), eq(civilServants.active, true)))
      .orderBy(asc(civilServants.nip))
  ).map((s) => ({ ...s, since: yearUnits.has(s.workUnitId) ? from : recentFrom }));
  const plan = planDemoAttendance({
    servants,
    asnDemo: ctx.asnDemo,
    calendar,
    schedules,
    from,
    to,
    rulesStart,
    lastFullMonth,
  });
  const total = plan.at.length;
  const firstDay = total ? plan.at.reduce((a, b) => (b < a ? b : a)).slice(0, 10) : null;
  const lastDay = total ? plan.at.reduce((a, b) => (b > a ? b : a)).slice(0, 10) : null;

  const [record] = await tx
    .insert(attendanceImports)
    .values({
      regionId: ctx.regionId,
      kind: 'attlog',
      fileName: DEMO_IMPORT_NAME,
      fileSha256: createHash('sha256').update(`demo-attendance|${ctx.regionId}|${from}|${to}`).digest('hex'),
      device: null,
      status: 'committed',
      rowsRead: total,
      punchesRead: total,
      punchesAdded: total,
      dateFrom: firstDay,
      dateTo: lastDay,
      createdBy: ctx.hrUser,
      createdAt: ctx.today,
      committedAt: ctx.today,
    })
    .returning({ id: attendanceImports.id });

  // As the importer writes a file: the ASN ids once per statement, each punch naming its ASN by index,
  // the arrays as literals (digits, dashes, colons and spaces only).
  const people = `{${plan.people.join(',')}}`;
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(start + CHUNK, total);
    const person = `{${plan.person.slice(start, end).join(',')}}`;
    const at = `{"${plan.at.slice(start, end).join('","')}"}`;
    await tx.execute(
      sql`insert into ${attendancePunches}
          (region_id, civil_servant_id, day, local_time, at, device, import_id)
        select ${ctx.regionId}::uuid, (${people}::uuid[])[u.k], u.t::date, u.t::time,
          u.t at time zone ${ctx.timezone}, null, ${record.id}::uuid
        from unnest(${person}::int[], ${at}::timestamp[]) as u(k, t)`,
    );
  }

  if (plan.excuses.length)
    await tx.insert(attendanceExcuses).values(
      plan.excuses.map((e) => ({
        regionId: ctx.regionId,
        civilServantId: e.civilServantId,
        kind: e.kind,
        startDate: e.start,
        endDate: e.end,
        note: e.note,
        createdBy: ctx.hrUser,
        createdAt: ctx.today,
        updatedAt: ctx.today,
      })),
    );

  await appendAudit(tx, ctx.regionId, null, {
    action: 'attendance.import',
    entityType: 'attendance_import',
    entityId: record.id,
    summary:
      `Impor kehadiran ${DEMO_IMPORT_NAME}: ${total} catatan baru dari ${plan.people.length} ASN ` +
      `(${from} s.d. ${to}), ${plan.excuses.length} keterangan izin (data demo)`,
    after: { fileName: DEMO_IMPORT_NAME, punchesAdded: total, dateFrom: firstDay, dateTo: lastDay },
  });
  return { servants: plan.people.length, punches: total, excuses: plan.excuses.length, from, to };
}
