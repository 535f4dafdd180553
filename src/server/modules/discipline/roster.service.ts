import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Roster, RosterRow, rosterRecordBody } from '../../../contract/discipline.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { civilServants, regions, sanctionDays, sanctions, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { localDay, offsetOf } from '../../platform/calendar.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { loadCalendar } from '../monitoring/calendar.service.js';
import { isWorkingDay } from '../monitoring/working-days.domain.js';
import { rosterPdf } from './documents.js';
import { formatDay } from './lateness.domain.js';
import { documentRegion, planOf } from './cases.service.js';
import { nextVestRecord, servingDayOn } from './sanction-calendar.domain.js';

/**
 * The morning roster (apel pagi, issue 5 item 7): for a date, who wears which vest, per unit, from the
 * serving plans of the upheld and active sanctions; HR records the vest issued and returned and whether
 * the day was served (a day not served moves the end by one working day).
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
    const today = localDay(now, region.timezone);
    if (date > today) throw new AppError('CONFLICT', 'Hari yang belum tiba tidak dapat dicatat');
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
    const vest = nextVestRecord(
      { vestIssuedAt: prev?.vestIssuedAt ?? null, vestReturnedAt: prev?.vestReturnedAt ?? null },
      body,
      { date, today, now, at: (hhmm) => new Date(`${date}T${hhmm}:00${offsetOf(region.timezone)}`) },
    );
    if ('problem' in vest)
      throw vest.problem.conflict
        ? new AppError('CONFLICT', vest.problem.message)
        : fieldError(vest.problem.field, vest.problem.message);
    const next = {
      ...vest.record,
      served: body.served === undefined ? (prev?.served ?? null) : body.served,
      note: body.note === undefined ? (prev?.note ?? null) : body.note || null,
    };
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
