import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  LatenessDay,
  LatenessRecapDto,
  RecapPage,
  recapQuery,
  ServantMonth,
} from '../../../contract/lateness.js';
import type { DbOrTx } from '../../db/client.js';
import {
  attendanceExcuses,
  attendancePunches,
  civilServants,
  regions,
  users,
  workUnits,
} from '../../db/schema.js';
import { localDay } from '../../platform/calendar.js';
import { AppError } from '../../platform/errors.js';
import { keptValues } from '../../platform/kept.js';
import { offsetOf } from '../../platform/listing.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { excusesByCivilServant } from '../attendance/excuses.service.js';
import { loadLatenessRules } from '../attendance/lateness-rules.service.js';
import { loadScheduleSet } from '../attendance/schedule.service.js';
import { loadCalendar } from '../monitoring/calendar.service.js';
import { addDays } from '../monitoring/working-days.domain.js';
import {
  describeRecap,
  evaluateDays,
  monthRange,
  recapDays,
  seriousLateDays,
  type DayResult,
  type LatenessContext,
  type LatenessRecap,
} from './lateness.domain.js';

/**
 * Lateness per ASN and month from the stored punches, the region's calendar, schedules and the
 * excuses, computed by the pure lateness module. A month in progress is counted up to yesterday
 * (today's check-out has not happened yet). The bands and weights are the region's
 * (attendance/lateness-rules.service.ts; the defaults of domain.md section 4 until it saves its own).
 */

/** Roles that read every ASN's lateness in the region. */
const REGION_READERS = ['region_admin', 'head_of_region', 'hr_officer', 'verifier'] as const;
const HABITUAL_DAYS = 4;

/** What a region's lateness is judged by (calendar, schedules, bands), and its local day. */
export interface RegionLateness {
  today: string;
  ctx: LatenessContext;
}

export async function regionLateness(db: DbOrTx, regionId: string, now: Date): Promise<RegionLateness> {
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, regionId));
  return {
    today: localDay(now, r.tz),
    ctx: {
      calendar: await loadCalendar(db, regionId),
      schedules: await loadScheduleSet(db, regionId),
      rules: await loadLatenessRules(db, regionId),
    },
  };
}

type MonthContext = ReturnType<typeof monthOf>;

/** A month of the region: its days up to yesterday (today's check-out has not happened yet). */
function monthOf({ today, ctx }: RegionLateness, month: string) {
  const range = monthRange(month);
  const yesterday = addDays(today, -1);
  return { ctx, from: range.start, to: range.end < yesterday ? range.end : yesterday };
}

async function contextOf(db: DbOrTx, regionId: string, month: string, now: Date) {
  return monthOf(await regionLateness(db, regionId, now), month);
}

/**
 * The punches of the servants in the range, as local `YYYY-MM-DD HH:MM:SS`, by servant: `ids`, or
 * every ASN of the region (`'all'`; the caller picks its servants from the map). The database joins each servant's punches into one string (one row
 * per servant instead of one per punch: a city month is 400,000 punches and 7,400 rows), split here.
 */
async function punchesOf(db: DbOrTx, regionId: string, ids: string[] | 'all', from: string, to: string) {
  const out = new Map<string, string[]>();
  if (ids !== 'all' && !ids.length) return out;
  if (to < from) return out;
  const who = ids === 'all' ? sql`true` : sql`p.civil_servant_id = any(${sql.param(ids)}::uuid[])`;
  const result = await db.execute(sql`
    select p.civil_servant_id::text as id,
      string_agg(p.day::text || ' ' || left(p.local_time::text, 8), ',') as punches
    from ${attendancePunches} p
    where p.region_id = ${regionId} and p.day between ${from}::date and ${to}::date and ${who}
    group by p.civil_servant_id`);
  const rows =
    (result as unknown as { rows?: { id: string; punches: string }[] }).rows ??
    (result as unknown as { id: string; punches: string }[]);
  for (const r of rows) out.set(r.id, r.punches.split(','));
  return out;
}

const dayDto = (d: DayResult): LatenessDay => ({
  date: d.date,
  kind: d.kind,
  start: d.hours?.start ?? null,
  end: d.hours?.end ?? null,
  checkIn: d.checkIn,
  checkOut: d.checkOut,
  minutesLate: d.minutesLate,
  minutesEarly: d.minutesEarly,
  bands: [...(d.late ? [d.late] : []), ...(d.early ? [d.early] : []), ...(d.absent ? ['TK' as const] : [])],
  weight: d.weight,
  explanation: d.explanation,
});

function recapDto(r: LatenessRecap): LatenessRecapDto {
  return {
    workingDays: r.workingDays,
    daysCounted: r.daysCounted,
    excusedDays: r.excusedDays,
    presentDays: r.presentDays,
    onTimeDays: r.onTimeDays,
    bands: { ...r.late, ...r.early, TK: r.absent },
    lateDays: seriousLateDays(r),
    weight: r.weight,
    capped: r.capped,
    summary: describeRecap(r),
  };
}

interface Servant {
  id: string;
  nip: string;
  name: string;
  workUnitId: string;
  workUnitCode: string;
  workUnitName: string;
}

/** Servants of the region (active), with their unit, filtered. */
async function servantsWhere(db: DbOrTx, regionId: string, where: (SQL | undefined)[]): Promise<Servant[]> {
  return db
    .select({
      id: civilServants.id,
      nip: civilServants.nip,
      name: civilServants.name,
      workUnitId: civilServants.workUnitId,
      workUnitCode: workUnits.code,
      workUnitName: workUnits.name,
    })
    .from(civilServants)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, civilServants.regionId), eq(workUnits.id, civilServants.workUnitId)),
    )
    .where(and(eq(civilServants.regionId, regionId), eq(civilServants.active, true), ...where))
    .orderBy(asc(workUnits.code), asc(civilServants.name));
}

/** One servant's month: every day with why it counts, and the recap. */
async function servantMonth(db: DbOrTx, regionId: string, s: Servant, month: string, now: Date) {
  const { ctx, from, to } = await contextOf(db, regionId, month, now);
  const punches = await punchesOf(db, regionId, [s.id], from, to);
  const excuses = await excusesByCivilServant(db, regionId, from, to);
  const days =
    to < from
      ? []
      : evaluateDays(
          ctx,
          { workUnitId: s.workUnitId, punches: punches.get(s.id) ?? [], excuses: excuses.get(s.id) ?? [] },
          from,
          to,
        );
  return {
    month,
    civilServant: { id: s.id, nip: s.nip, name: s.name, workUnitName: s.workUnitName },
    recap: recapDto(recapDays(days, ctx.rules)),
    days: days.map(dayDto),
  } satisfies ServantMonth;
}

/** The signed-in ASN's own month; an account without an ASN record answers 404 with a reason. */
export async function myMonth(db: DbOrTx, actor: Actor, month: string, now = new Date()) {
  const [u] = await db
    .select({ civilServantId: users.civilServantId })
    .from(users)
    .where(and(eq(users.regionId, actor.regionId), eq(users.id, actor.userId)));
  if (!u?.civilServantId)
    throw new AppError(
      'NOT_FOUND',
      'Akun ini tidak terhubung dengan data ASN, sehingga tidak ada data kehadiran',
    );
  const [s] = await servantsWhere(db, actor.regionId, [eq(civilServants.id, u.civilServantId)]);
  if (!s) throw new AppError('NOT_FOUND', 'Data ASN akun ini tidak aktif');
  return servantMonth(db, actor.regionId, s, month, now);
}

/** The units whose ASN the actor may read: null for the whole region. */
function readableUnits(actor: Actor): string[] | null {
  if (hasRole(actor, ...REGION_READERS)) return null;
  return actor.roles.filter((r) => r.role === 'opd_head' && r.workUnitId).map((r) => r.workUnitId!);
}

/** One ASN's month, for the region's readers and the head of the ASN's unit; others 404. */
export async function servantMonthOf(db: DbOrTx, actor: Actor, id: string, month: string, now = new Date()) {
  const units = readableUnits(actor);
  const [s] = await servantsWhere(db, actor.regionId, [
    eq(civilServants.id, id),
    units
      ? inArray(civilServants.workUnitId, units.length ? units : ['00000000-0000-0000-0000-000000000000'])
      : undefined,
  ]);
  if (!s) throw new AppError('NOT_FOUND');
  return servantMonth(db, actor.regionId, s, month, now);
}

/** Every readable ASN's month in numbers, worst first, and the totals per unit. */
async function recapRows(
  db: DbOrTx,
  actor: Actor,
  q: { month: string; workUnitId?: string; q?: string },
  now: Date,
) {
  const units = readableUnits(actor);
  if (units && q.workUnitId && !units.includes(q.workUnitId)) throw new AppError('NOT_FOUND');
  const scope = q.workUnitId ? [q.workUnitId] : units;
  if (scope && scope.length === 0) return { rows: [], units: [] };
  const search = q.q?.trim();
  const servants = await servantsWhere(db, actor.regionId, [
    scope ? inArray(civilServants.workUnitId, scope) : undefined,
    search
      ? or(ilike(civilServants.name, `%${search}%`), ilike(civilServants.nip, `%${search}%`))
      : undefined,
  ]);
  const month = await contextOf(db, actor.regionId, q.month, now);
  const recaps = await monthRecapsOf(db, actor.regionId, q.month, month, servants, !scope && !search);
  const rows = servants.map((s) => ({ servant: s, recap: recaps.get(s.id)! }));
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) byUnit.set(r.servant.workUnitId, [...(byUnit.get(r.servant.workUnitId) ?? []), r]);
  const unitRows = [...byUnit.values()].map((list) => {
    const bands = Object.fromEntries(
      Object.keys(list[0].recap.bands).map((b) => [
        b,
        list.reduce((a, r) => a + r.recap.bands[b as keyof LatenessRecapDto['bands']], 0),
      ]),
    ) as LatenessRecapDto['bands'];
    return {
      workUnitId: list[0].servant.workUnitId,
      code: list[0].servant.workUnitCode,
      name: list[0].servant.workUnitName,
      servants: list.length,
      bands,
      habitual: list.filter((r) => r.recap.lateDays >= HABITUAL_DAYS).length,
      averageWeight: Math.round((list.reduce((a, r) => a + r.recap.weight, 0) / list.length) * 100) / 100,
    };
  });
  rows.sort((a, b) => b.recap.weight - a.recap.weight || a.servant.name.localeCompare(b.servant.name));
  return { rows, units: unitRows };
}

/** The recaps of whole region-months (7,400 ASN take about 2 MB), kept while inputsDigest holds. */
const keptRecaps = keptValues<Map<string, LatenessRecapDto>>(24);

/**
 * The recap of each of `servants` in the month (`whole`: they are every active ASN). The region's
 * whole month is worked out once and then read from memory until a punch, an excuse, a schedule, the
 * calendar, the bands or the active ASN change; a narrower list (one unit, a search) that finds no
 * whole month in memory is worked out on its own, which is quicker for it.
 */
async function monthRecapsOf(
  db: DbOrTx,
  regionId: string,
  month: string,
  c: MonthContext,
  servants: Servant[],
  whole: boolean,
): Promise<Map<string, LatenessRecapDto>> {
  const key = `${regionId}|${month}`;
  const { digest } = await inputsDigest(db, regionId, c);
  const hit = keptRecaps.peek(db, key, digest);
  if (hit) return hit;
  // The whole region's punches in one read when every ASN is listed; else only the listed ones'.
  const punches = await punchesOf(db, regionId, whole ? 'all' : servants.map((s) => s.id), c.from, c.to);
  const excuses = await excusesByCivilServant(db, regionId, c.from, c.to);
  const recaps = new Map<string, LatenessRecapDto>();
  for (const s of servants) {
    const days =
      c.to < c.from
        ? []
        : evaluateDays(
            c.ctx,
            { workUnitId: s.workUnitId, punches: punches.get(s.id) ?? [], excuses: excuses.get(s.id) ?? [] },
            c.from,
            c.to,
            // Only added up: the recap and its summary never show a present day's text.
            { explain: false },
          );
    recaps.set(s.id, recapDto(recapDays(days, c.ctx.rules)));
  }
  if (whole) keptRecaps.put(db, key, digest, recaps);
  return recaps;
}

export async function recap(
  db: DbOrTx,
  actor: Actor,
  q: z.infer<typeof recapQuery>,
  now = new Date(),
): Promise<RecapPage> {
  const { rows, units } = await recapRows(db, actor, q, now);
  const wanted = q.flagged ? rows.filter((r) => r.recap.daysCounted > 0 && r.recap.weight > 0) : rows;
  const page = wanted.slice(offsetOf(q.page, q.pageSize), offsetOf(q.page, q.pageSize) + q.pageSize);
  return {
    month: q.month,
    items: page.map(({ servant: s, recap: r }) => {
      const { summary: _s, ...numbers } = r;
      return {
        civilServantId: s.id,
        nip: s.nip,
        name: s.name,
        workUnitId: s.workUnitId,
        workUnitName: s.workUnitName,
        recap: numbers,
      };
    }),
    total: wanted.length,
    page: q.page,
    pageSize: q.pageSize,
    units,
  };
}

const BANDS = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK'] as const;

/** The month's recap as XLSX: one sheet per ASN row, one per unit. */
export async function recapXlsx(
  db: DbOrTx,
  actor: Actor,
  q: { month: string; workUnitId?: string },
  now = new Date(),
) {
  const { rows, units } = await recapRows(db, actor, q, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lelang Kinerja';
  const per = wb.addWorksheet('Per ASN');
  per.addRow([
    'NIP',
    'Nama',
    'Unit kerja',
    'Hari kerja',
    'Hadir',
    'Tepat waktu',
    'Izin',
    ...BANDS,
    'Potongan (%)',
  ]);
  for (const { servant: s, recap: r } of rows)
    per.addRow([
      s.nip,
      s.name,
      s.workUnitName,
      r.workingDays,
      r.presentDays,
      r.onTimeDays,
      r.excusedDays,
      ...BANDS.map((b) => r.bands[b]),
      r.weight,
    ]);
  const perUnit = wb.addWorksheet('Per OPD');
  perUnit.addRow([
    'Kode',
    'Perangkat daerah',
    'ASN',
    ...BANDS,
    'ASN sering terlambat',
    'Rata-rata potongan (%)',
  ]);
  for (const u of units)
    perUnit.addRow([
      u.code,
      u.name,
      u.servants,
      ...BANDS.map((b) => u.bands[b]),
      u.habitual,
      u.averageWeight,
    ]);
  for (const ws of [per, perUnit]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 14));
  }
  per.getColumn(1).width = 22;
  per.getColumn(2).width = 30;
  return {
    fileName: `rekap-keterlambatan-${q.month}.xlsx`,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/**
 * A digest of everything {@link monthRecaps} reads for the month: the calendar, schedules and bands
 * as loaded, the days counted, the active ASN with their units, the punches of the month (only ever
 * added) and the excuses that touch it (each with its version and dates). Equal digests give equal
 * recaps, so a caller may keep what it worked out of a month while the digest stays the same.
 */
export async function monthInputsDigest(
  db: DbOrTx,
  regionId: string,
  month: string,
  now = new Date(),
  /** Loaded once by a caller that goes through several months. */
  region?: RegionLateness,
) {
  return inputsDigest(db, regionId, monthOf(region ?? (await regionLateness(db, regionId, now)), month));
}

async function inputsDigest(db: DbOrTx, regionId: string, { ctx, from, to }: MonthContext) {
  const result = await db.execute(sql`select
    (select count(*)::text || ':' || coalesce(md5(string_agg(c.id::text || c.work_unit_id::text, ',' order by c.id)), '')
       from ${civilServants} c where c.region_id = ${regionId} and c.active) as servants,
    (select count(*)::text from ${attendancePunches} p
       where p.region_id = ${regionId} and p.day between ${from}::date and ${to}::date) as punches,
    (select coalesce(md5(string_agg(e.id::text || e.version || e.kind || e.start_date || e.end_date || e.civil_servant_id::text, ',' order by e.id)), '')
       from ${attendanceExcuses} e
       where e.region_id = ${regionId} and e.start_date <= ${to}::date and e.end_date >= ${from}::date) as excuses`);
  const rows =
    (result as unknown as { rows?: Record<string, string>[] }).rows ??
    (result as unknown as Record<string, string>[]);
  const plain = (_key: string, v: unknown) =>
    v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v.values()] : v;
  return {
    digest: createHash('sha256')
      .update(JSON.stringify([ctx, from, to, rows[0]], plain))
      .digest('hex'),
    punches: Number(rows[0].punches),
  };
}

/**
 * Every active ASN's recap of a month (for the rule evaluation and the dashboard): the flagged days
 * and the days counted, without the texts of the present days. A month in progress counts up to yesterday.
 */
export async function monthRecaps(
  db: DbOrTx,
  regionId: string,
  month: string,
  now = new Date(),
  region?: RegionLateness,
) {
  const servants = await db
    .select({ id: civilServants.id, workUnitId: civilServants.workUnitId })
    .from(civilServants)
    .where(and(eq(civilServants.regionId, regionId), eq(civilServants.active, true)));
  const { ctx, from, to } = monthOf(region ?? (await regionLateness(db, regionId, now)), month);
  const punches = await punchesOf(db, regionId, 'all', from, to);
  const excuses = await excusesByCivilServant(db, regionId, from, to);
  return servants.map((s) => {
    const days =
      to < from
        ? []
        : evaluateDays(
            ctx,
            { workUnitId: s.workUnitId, punches: punches.get(s.id) ?? [], excuses: excuses.get(s.id) ?? [] },
            from,
            to,
            { explain: false },
          );
    return { civilServantId: s.id, workUnitId: s.workUnitId, recap: recapDays(days, ctx.rules) };
  });
}
