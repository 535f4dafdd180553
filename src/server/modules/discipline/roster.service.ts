import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DisciplineDashboard,
  Roster,
  RosterRow,
  rosterRecordBody,
} from '../../../contract/discipline.js';
import type { Database, DbOrTx } from '../../db/client.js';
import {
  attendanceExcuses,
  attendanceImports,
  attendancePunches,
  civilServants,
  evaluationRuns,
  regions,
  rewards,
  sanctionDays,
  sanctions,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { localDay } from '../../platform/calendar.js';
import { AppError, notFound } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { loadCalendar } from '../monitoring/calendar.service.js';
import { isWorkingDay } from '../monitoring/working-days.domain.js';
import { rosterPdf } from './documents.js';
import { formatDay, monthRange } from './lateness.domain.js';
import { monthRecaps } from './lateness.service.js';
import { documentRegion, planOf } from './cases.service.js';
import { servingDayOn } from './sanction-calendar.domain.js';

/**
 * The morning roster (apel pagi, issue 5 item 7): for a date, who wears which vest, per unit, from the
 * serving plans of the upheld and active sanctions; HR records the vest issued and returned and whether
 * the day was served (a day not served moves the end by one working day). And the head of region's
 * dashboard (item 8): counts by rule, unit and month, and lateness per month before and after the rules.
 */

const ROSTER_READERS = ['region_admin', 'head_of_region', 'hr_officer', 'verifier'] as const;
const RECORDERS = ['region_admin', 'hr_officer'] as const;

async function rosterRows(db: DbOrTx, actor: Actor, date: string) {
  const units = hasRole(actor, ...ROSTER_READERS)
    ? null
    : actor.roles.filter((r) => r.role === 'opd_head' && r.workUnitId).map((r) => r.workUnitId!);
  if (units && !units.length) throw new AppError('FORBIDDEN');
  const calendar = await loadCalendar(db, actor.regionId);
  const open = await db
    .select({ s: sanctions, unit: workUnits.name, nip: civilServants.nip })
    .from(sanctions)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, sanctions.regionId), eq(workUnits.id, sanctions.workUnitId)),
    )
    .leftJoin(
      civilServants,
      and(eq(civilServants.regionId, sanctions.regionId), eq(civilServants.id, sanctions.civilServantId)),
    )
    .where(
      and(
        eq(sanctions.regionId, actor.regionId),
        inArray(sanctions.state, ['upheld', 'active', 'completed', 'notified']),
        units ? inArray(sanctions.workUnitId, units) : undefined,
        // A plan starts after the final day and ends within a few weeks of the planned end.
        sql`coalesce(${sanctions.decidedOn}, ${sanctions.appealDeadline}) < ${date}`,
      ),
    );
  const ids = open.map((o) => o.s.id);
  const recorded = ids.length
    ? await db
        .select()
        .from(sanctionDays)
        .where(and(eq(sanctionDays.regionId, actor.regionId), inArray(sanctionDays.sanctionId, ids)))
    : [];
  const bySanction = new Map<string, (typeof sanctionDays.$inferSelect)[]>();
  for (const d of recorded) bySanction.set(d.sanctionId, [...(bySanction.get(d.sanctionId) ?? []), d]);
  const rows: (RosterRow & { workUnitId: string; unitName: string })[] = [];
  for (const { s, unit, nip } of open) {
    // A notified sanction is on the roster only once its appeal window has passed without an appeal.
    if (s.state === 'notified' && !(s.appealDeadline && s.appealDeadline < date)) continue;
    const days = bySanction.get(s.id) ?? [];
    const plan = await planOf(db, actor.regionId, s, calendar, days);
    if (!plan) continue;
    const on = servingDayOn(plan, date);
    if (!on) continue;
    const rec = days.find((d) => d.day === date);
    rows.push({
      sanctionId: s.id,
      name: s.subjectName,
      nip,
      position: s.subjectKind === 'opd_head' ? `Kepala ${unit}` : `ASN ${unit}`,
      label: s.label,
      dayNumber: on.index,
      totalDays: on.of,
      endsOn: plan.end,
      state: s.state as RosterRow['state'],
      vestIssuedAt: rec?.vestIssuedAt?.toISOString() ?? null,
      vestReturnedAt: rec?.vestReturnedAt?.toISOString() ?? null,
      served: rec?.served ?? null,
      note: rec?.note ?? null,
      version: s.version,
      workUnitId: s.workUnitId,
      unitName: unit,
    });
  }
  rows.sort((a, b) => a.unitName.localeCompare(b.unitName) || a.name.localeCompare(b.name));
  return { rows, calendar };
}

export async function roster(db: DbOrTx, actor: Actor, date: string): Promise<Roster> {
  const { rows, calendar } = await rosterRows(db, actor, date);
  const units = new Map<string, Roster['units'][number]>();
  for (const { workUnitId, unitName, ...row } of rows) {
    const u = units.get(workUnitId) ?? { workUnitId, name: unitName, rows: [] };
    u.rows.push(row);
    units.set(workUnitId, u);
  }
  return {
    date,
    dateLabel: formatDay(date),
    isWorkingDay: isWorkingDay(calendar, date),
    units: [...units.values()],
    total: rows.length,
    canRecord: hasRole(actor, ...RECORDERS),
  };
}

export async function rosterFile(db: DbOrTx, actor: Actor, date: string) {
  const r = await roster(db, actor, date);
  const [region] = await db.select().from(regions).where(eq(regions.id, actor.regionId));
  const data = await rosterPdf({
    region: { name: documentRegion(region, null).name, timeZone: region.timezone },
    date,
    units: r.units.map((u) => ({
      name: u.name,
      rows: u.rows.map((x) => ({
        name: x.name,
        nip: x.nip,
        position: x.position,
        label: x.label,
        dayNumber: x.dayNumber,
        totalDays: x.totalDays,
        endsOn: x.endsOn,
        vestIssuedAt: x.vestIssuedAt,
        vestReturnedAt: x.vestReturnedAt,
        served: x.served,
      })),
    })),
  });
  return { data, fileName: `apel-pagi-${date}.pdf` };
}

/** HR records the vest and the serving of one day; a day not served is added at the end of the sanction. */
export async function recordDay(
  database: Database,
  actor: Actor,
  sanctionId: string,
  date: string,
  body: z.infer<typeof rosterRecordBody>,
  now = new Date(),
): Promise<RosterRow> {
  await database.db.transaction(async (tx) => {
    const { rows } = await rosterRows(tx, actor, date);
    const row = rows.find((r) => r.sanctionId === sanctionId);
    if (!row) throw notFound('ASN ini tidak tercantum pada daftar apel tanggal tersebut');
    if (row.state !== 'upheld' && row.state !== 'active')
      throw new AppError('CONFLICT', 'Sanksi ini sudah tidak berjalan: hari apel tidak dapat diubah lagi');
    const [region] = await tx.select().from(regions).where(eq(regions.id, actor.regionId));
    if (date > localDay(now, region.timezone))
      throw new AppError('CONFLICT', 'Hari yang belum tiba tidak dapat dicatat');
    const [prev] = await tx
      .select()
      .from(sanctionDays)
      .where(
        and(
          eq(sanctionDays.regionId, actor.regionId),
          eq(sanctionDays.sanctionId, sanctionId),
          eq(sanctionDays.day, date),
        ),
      );
    const next = {
      vestIssuedAt:
        body.vestIssued === 'now' ? now : body.vestIssued === 'clear' ? null : (prev?.vestIssuedAt ?? null),
      vestReturnedAt:
        body.vestReturned === 'now'
          ? now
          : body.vestReturned === 'clear'
            ? null
            : (prev?.vestReturnedAt ?? null),
      served: body.served === undefined ? (prev?.served ?? null) : body.served,
      note: body.note === undefined ? (prev?.note ?? null) : body.note || null,
    };
    if (next.vestReturnedAt && !next.vestIssuedAt)
      throw new AppError('CONFLICT', 'Catat rompi diserahkan sebelum dikembalikan');
    await tx
      .insert(sanctionDays)
      .values({
        regionId: actor.regionId,
        sanctionId,
        day: date,
        ...next,
        recordedBy: actor.userId,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [sanctionDays.regionId, sanctionDays.sanctionId, sanctionDays.day],
        set: { ...next, recordedBy: actor.userId, updatedAt: now },
      });
    // The end moves when a day is (no longer) missed.
    const [s] = await tx
      .select()
      .from(sanctions)
      .where(and(eq(sanctions.regionId, actor.regionId), eq(sanctions.id, sanctionId)));
    const plan = await planOf(tx, actor.regionId, s, await loadCalendar(tx, actor.regionId));
    if (plan && plan.end !== s.endsOn)
      await tx
        .update(sanctions)
        .set({
          endsOn: plan.end,
          startsOn: plan.start,
          version: sql`${sanctions.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(sanctions.regionId, actor.regionId), eq(sanctions.id, sanctionId)));
    await appendAudit(
      tx,
      actor.regionId,
      actor,
      {
        action: 'sanction.roster',
        entityType: 'sanction',
        entityId: sanctionId,
        summary: `Apel ${date}: rompi "${row.label}" ${row.name}`,
        before: prev
          ? { vestIssuedAt: prev.vestIssuedAt, vestReturnedAt: prev.vestReturnedAt, served: prev.served }
          : null,
        after: next,
      },
      now,
    );
  });
  const { rows } = await rosterRows(database.db, actor, date);
  const row = rows.find((r) => r.sanctionId === sanctionId);
  if (!row) throw notFound();
  const { workUnitId: _w, unitName: _u, ...out } = row;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Dashboard

const SERIOUS = new Set(['TL2', 'TL3', 'TL4']);
/** Lateness per ended month, remembered while the month's punches, excuses and imports are unchanged. */
const latenessCache = new Map<
  string,
  { fingerprint: string; value: { lateDays: number; servantDays: number } }
>();

async function latenessOfMonth(db: DbOrTx, regionId: string, month: string, now: Date) {
  const { start: from, end: to } = monthRange(month);
  const [f] = await db
    .select({
      punches: sql<number>`(select count(*)::int from ${attendancePunches} where ${attendancePunches.regionId} = ${regionId} and ${attendancePunches.day} between ${from} and ${to})`,
      excuses: sql<number>`(select count(*)::int from ${attendanceExcuses} where ${attendanceExcuses.regionId} = ${regionId})`,
      imports: sql<number>`(select count(*)::int from ${attendanceImports} where ${attendanceImports.regionId} = ${regionId})`,
    })
    .from(regions)
    .where(eq(regions.id, regionId));
  const fingerprint = `${f.punches}|${f.excuses}|${f.imports}`;
  const key = `${regionId}|${month}`;
  const hit = latenessCache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.value;
  let lateDays = 0;
  let servantDays = 0;
  if (f.punches > 0)
    for (const r of await monthRecaps(db, regionId, month, now)) {
      // ASN without a single punch in the month (no device data yet) would only dilute the rate.
      if (r.recap.presentDays === 0) continue;
      servantDays += r.recap.daysCounted;
      lateDays += r.recap.flaggedDays.filter((d) => d.bands.some((b) => SERIOUS.has(b))).length;
    }
  const value = { lateDays, servantDays };
  latenessCache.set(key, { fingerprint, value });
  return value;
}

export async function dashboard(
  db: DbOrTx,
  actor: Actor,
  year: number | undefined,
  now = new Date(),
): Promise<DisciplineDashboard> {
  const [region] = await db.select().from(regions).where(eq(regions.id, actor.regionId));
  const today = localDay(now, region.timezone);
  const y = year ?? Number(today.slice(0, 4));
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const s = await db
    .select({
      state: sanctions.state,
      ruleCode: sanctions.ruleCode,
      ruleName: sanctions.ruleName,
      unitId: sanctions.workUnitId,
      hitOn: sanctions.hitOn,
    })
    .from(sanctions)
    .where(and(eq(sanctions.regionId, actor.regionId), gte(sanctions.hitOn, from), lte(sanctions.hitOn, to)));
  const r = await db
    .select({
      state: rewards.state,
      ruleCode: rewards.ruleCode,
      ruleName: rewards.ruleName,
      unitId: rewards.workUnitId,
      hitOn: rewards.hitOn,
    })
    .from(rewards)
    .where(and(eq(rewards.regionId, actor.regionId), gte(rewards.hitOn, from), lte(rewards.hitOn, to)));
  const counted = s.filter((x) => !['rejected', 'cancelled', 'revoked'].includes(x.state));
  const grantedR = r.filter((x) => !['rejected', 'cancelled'].includes(x.state));
  const units = await db
    .select({ id: workUnits.id, name: workUnits.name })
    .from(workUnits)
    .where(eq(workUnits.regionId, actor.regionId));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byRule = new Map<
    string,
    { code: string; name: string; kind: 'sanction' | 'reward'; count: number }
  >();
  for (const x of counted) {
    const e = byRule.get(x.ruleCode) ?? {
      code: x.ruleCode,
      name: x.ruleName,
      kind: 'sanction' as const,
      count: 0,
    };
    e.count++;
    byRule.set(x.ruleCode, e);
  }
  for (const x of grantedR) {
    const e = byRule.get(x.ruleCode) ?? {
      code: x.ruleCode,
      name: x.ruleName,
      kind: 'reward' as const,
      count: 0,
    };
    e.count++;
    byRule.set(x.ruleCode, e);
  }
  const byUnit = new Map<string, { workUnitId: string; name: string; sanctions: number; rewards: number }>();
  const unitEntry = (id: string) => {
    const e = byUnit.get(id) ?? { workUnitId: id, name: unitName.get(id) ?? '-', sanctions: 0, rewards: 0 };
    byUnit.set(id, e);
    return e;
  };
  counted.forEach((x) => unitEntry(x.unitId).sanctions++);
  grantedR.forEach((x) => unitEntry(x.unitId).rewards++);
  const lastMonth =
    today.slice(0, 7) > `${y}-12`
      ? 12
      : Number(today.slice(5, 7)) - (today.slice(0, 4) === String(y) ? 1 : 0);
  const months = Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
  const byMonth = months.map((m) => ({
    month: m,
    sanctions: counted.filter((x) => x.hitOn.slice(0, 7) === m).length,
    rewards: grantedR.filter((x) => x.hitOn.slice(0, 7) === m).length,
  }));
  const lateness: DisciplineDashboard['lateness'] = [];
  for (const m of months.slice(0, Math.max(0, lastMonth))) {
    const l = await latenessOfMonth(db, actor.regionId, m, now);
    lateness.push({
      month: m,
      lateDays: l.lateDays,
      servantDays: l.servantDays,
      rate: l.servantDays ? Math.round((l.lateDays / l.servantDays) * 10000) / 100 : 0,
    });
  }
  const [first] = await db
    .select({ asOf: sql<string | null>`min(${evaluationRuns.asOf})::text` })
    .from(evaluationRuns)
    .where(eq(evaluationRuns.regionId, actor.regionId));
  const [firstCase] = await db
    .select({ hitOn: sql<string | null>`min(${sanctions.hitOn})::text` })
    .from(sanctions)
    .where(eq(sanctions.regionId, actor.regionId));
  const candidates = [first?.asOf, firstCase?.hitOn].filter((x): x is string => !!x).sort();
  return {
    year: y,
    totals: {
      sanctions: counted.length,
      active: s.filter((x) => x.state === 'active').length,
      appealed: s.filter((x) => x.state === 'appealed').length,
      revoked: s.filter((x) => x.state === 'revoked').length,
      rewards: grantedR.length,
      awaitingApproval:
        s.filter((x) => x.state === 'proposed').length + r.filter((x) => x.state === 'proposed').length,
    },
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byUnit: [...byUnit.values()].sort((a, b) => b.sanctions - a.sanctions || a.name.localeCompare(b.name)),
    byMonth,
    lateness,
    rulesSince: candidates[0] ?? null,
  };
}

/**
 * Works out the lateness of the ended months of this year ahead of the first dashboard request (a
 * city's month takes seconds); the server calls it in the background after starting.
 */
export async function warmLatenessMonths(db: DbOrTx, regionId: string, now = new Date()) {
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  const today = localDay(now, region.timezone);
  const month = Number(today.slice(5, 7));
  for (let m = 1; m < month; m++)
    await latenessOfMonth(db, regionId, `${today.slice(0, 4)}-${String(m).padStart(2, '0')}`, now);
}

/** Counts only, for the public pages: never a name. */
export async function publicCounts(
  db: DbOrTx,
  regionSlug: string,
  year: number | undefined,
  now = new Date(),
) {
  const [region] = await db.select().from(regions).where(eq(regions.slug, regionSlug));
  if (!region) throw notFound('Daerah tidak ditemukan');
  const y = year ?? Number(localDay(now, region.timezone).slice(0, 4));
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const s = await db
    .select({ name: sanctions.ruleName, count: sql<number>`count(*)::int` })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.regionId, region.id),
        gte(sanctions.hitOn, from),
        lte(sanctions.hitOn, to),
        inArray(sanctions.state, ['notified', 'appealed', 'upheld', 'active', 'completed']),
      ),
    )
    .groupBy(sanctions.ruleName);
  const r = await db
    .select({ name: rewards.ruleName, count: sql<number>`count(*)::int` })
    .from(rewards)
    .where(
      and(
        eq(rewards.regionId, region.id),
        gte(rewards.hitOn, from),
        lte(rewards.hitOn, to),
        eq(rewards.state, 'granted'),
      ),
    )
    .groupBy(rewards.ruleName);
  return {
    year: y,
    sanctions: s.reduce((a, x) => a + x.count, 0),
    rewards: r.reduce((a, x) => a + x.count, 0),
    byRule: [...s, ...r].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
