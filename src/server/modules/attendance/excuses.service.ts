import { and, desc, eq, gte, ilike, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  excuseKinds,
  type excuseBody,
  type ExcuseDto,
  type excuseListQuery,
  type updateExcuseBody,
} from '../../../contract/attendance.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { attendanceExcuses, civilServants, users, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, fieldError, validation } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/versioning.js';
import {
  EXCUSE_KINDS,
  EXCUSE_LABELS,
  formatDay,
  validateExcuse,
  type Excuse,
  type ExcuseKind,
} from '../discipline/lateness.domain.js';

/**
 * Excuses (keterangan): leave, sick leave and official travel entered by HR; the days they cover do
 * not count as late or absent (lateness.domain). One ASN's excuses do not overlap, so that a day has
 * one reason and a correction is an edit rather than a second entry.
 */

// The contract's list and the domain's are the same set (checked both ways at compile time).
const _kindsFromContract: readonly ExcuseKind[] = excuseKinds;
const _kindsFromDomain: readonly (typeof excuseKinds)[number][] = EXCUSE_KINDS;
void _kindsFromContract;
void _kindsFromDomain;

const columns = {
  id: attendanceExcuses.id,
  civilServantId: attendanceExcuses.civilServantId,
  nip: civilServants.nip,
  name: civilServants.name,
  workUnitName: workUnits.name,
  kind: attendanceExcuses.kind,
  start: attendanceExcuses.startDate,
  end: attendanceExcuses.endDate,
  note: attendanceExcuses.note,
  createdByName: users.fullName,
  version: attendanceExcuses.version,
  createdAt: attendanceExcuses.createdAt,
  updatedAt: attendanceExcuses.updatedAt,
};

const toDto = (r: unknown): ExcuseDto => {
  const row = r as Omit<ExcuseDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
};

function selectExcuses(db: DbOrTx) {
  return db
    .select(columns)
    .from(attendanceExcuses)
    .innerJoin(
      civilServants,
      and(
        eq(civilServants.regionId, attendanceExcuses.regionId),
        eq(civilServants.id, attendanceExcuses.civilServantId),
      ),
    )
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, civilServants.regionId), eq(workUnits.id, civilServants.workUnitId)),
    )
    .leftJoin(
      users,
      and(eq(users.regionId, attendanceExcuses.regionId), eq(users.id, attendanceExcuses.createdBy)),
    );
}

export async function listExcuses(db: DbOrTx, actor: Actor, q: z.infer<typeof excuseListQuery>) {
  const where: (SQL | undefined)[] = [eq(attendanceExcuses.regionId, actor.regionId)];
  if (q.civilServantId) where.push(eq(attendanceExcuses.civilServantId, q.civilServantId));
  if (q.kind) where.push(eq(attendanceExcuses.kind, q.kind));
  if (q.from) where.push(gte(attendanceExcuses.endDate, q.from));
  if (q.to) where.push(lte(attendanceExcuses.startDate, q.to));
  if (q.q) {
    const digits = q.q.replace(/\s+/g, '');
    where.push(
      /^\d{3,18}$/.test(digits)
        ? ilike(civilServants.nip, `${digits}%`)
        : or(ilike(civilServants.name, likePattern(q.q))),
    );
  }
  const cond = and(...where);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(attendanceExcuses)
    .innerJoin(
      civilServants,
      and(
        eq(civilServants.regionId, attendanceExcuses.regionId),
        eq(civilServants.id, attendanceExcuses.civilServantId),
      ),
    )
    .where(cond);
  const rows = await selectExcuses(db)
    .where(cond)
    .orderBy(desc(attendanceExcuses.startDate), civilServants.name, attendanceExcuses.id)
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

async function getExcuse(db: DbOrTx, regionId: string, id: string): Promise<ExcuseDto> {
  const [row] = await selectExcuses(db).where(
    and(eq(attendanceExcuses.regionId, regionId), eq(attendanceExcuses.id, id)),
  );
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
}

/** The domain's checks, then no overlap with another excuse of the same ASN. */
async function checkExcuse(
  tx: Tx,
  regionId: string,
  civilServantId: string,
  excuse: Excuse,
  exceptId: string | null,
) {
  const problems = validateExcuse(excuse);
  if (problems.length) throw validation(problems);
  // Serialises the excuses of one ASN, so two parallel entries cannot both pass the overlap check.
  const [person] = await tx
    .select({ id: civilServants.id })
    .from(civilServants)
    .where(and(eq(civilServants.regionId, regionId), eq(civilServants.id, civilServantId)))
    .for('update');
  if (!person) throw fieldError('civilServantId', 'ASN tidak ditemukan');
  const [other] = await tx
    .select({
      kind: attendanceExcuses.kind,
      start: attendanceExcuses.startDate,
      end: attendanceExcuses.endDate,
    })
    .from(attendanceExcuses)
    .where(
      and(
        eq(attendanceExcuses.regionId, regionId),
        eq(attendanceExcuses.civilServantId, civilServantId),
        lte(attendanceExcuses.startDate, excuse.end),
        gte(attendanceExcuses.endDate, excuse.start),
        exceptId ? ne(attendanceExcuses.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (other)
    throw fieldError(
      'start',
      `Tumpang tindih dengan keterangan ${EXCUSE_LABELS[other.kind as ExcuseKind].toLowerCase()} ${formatDay(other.start)} s.d. ${formatDay(other.end)}`,
    );
}

const describe = (e: Excuse) =>
  `${EXCUSE_LABELS[e.kind]} ${e.start === e.end ? formatDay(e.start) : `${formatDay(e.start)} s.d. ${formatDay(e.end)}`}`;

export async function createExcuse(database: Database, actor: Actor, body: z.infer<typeof excuseBody>) {
  const excuse: Excuse = { kind: body.kind, start: body.start, end: body.end, note: body.note || null };
  return database.db.transaction(async (tx) => {
    await checkExcuse(tx, actor.regionId, body.civilServantId, excuse, null);
    const [row] = await tx
      .insert(attendanceExcuses)
      .values({
        regionId: actor.regionId,
        civilServantId: body.civilServantId,
        kind: excuse.kind,
        startDate: excuse.start,
        endDate: excuse.end,
        note: excuse.note,
        createdBy: actor.userId,
      })
      .returning({ id: attendanceExcuses.id });
    // The note stays out of the trail: it may say why someone was sick.
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.excuse.create',
      entityType: 'attendance_excuse',
      entityId: row.id,
      summary: `Keterangan dicatat: ${describe(excuse)}`,
      after: { civilServantId: body.civilServantId, kind: excuse.kind, start: excuse.start, end: excuse.end },
    });
    return getExcuse(tx, actor.regionId, row.id);
  });
}

async function current(tx: Tx, regionId: string, id: string) {
  const [row] = await tx
    .select()
    .from(attendanceExcuses)
    .where(and(eq(attendanceExcuses.regionId, regionId), eq(attendanceExcuses.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateExcuse(
  database: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof updateExcuseBody>,
) {
  const excuse: Excuse = { kind: body.kind, start: body.start, end: body.end, note: body.note || null };
  return database.db.transaction(async (tx) => {
    const before = await current(tx, actor.regionId, id);
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    await checkExcuse(tx, actor.regionId, before.civilServantId, excuse, id);
    await updateVersioned(
      tx,
      attendanceExcuses,
      { regionId: actor.regionId, id, version: body.version },
      { kind: excuse.kind, startDate: excuse.start, endDate: excuse.end, note: excuse.note },
    );
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.excuse.update',
      entityType: 'attendance_excuse',
      entityId: id,
      summary: `Keterangan diubah: ${describe(excuse)}`,
      before: { kind: before.kind, start: before.startDate, end: before.endDate },
      after: { kind: excuse.kind, start: excuse.start, end: excuse.end },
    });
    return getExcuse(tx, actor.regionId, id);
  });
}

export async function deleteExcuse(database: Database, actor: Actor, id: string, version: number) {
  return database.db.transaction(async (tx) => {
    const before = await current(tx, actor.regionId, id);
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    await tx
      .delete(attendanceExcuses)
      .where(and(eq(attendanceExcuses.regionId, actor.regionId), eq(attendanceExcuses.id, id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.excuse.delete',
      entityType: 'attendance_excuse',
      entityId: id,
      summary: `Keterangan dihapus: ${describe({ kind: before.kind as ExcuseKind, start: before.startDate, end: before.endDate })}`,
      before: {
        civilServantId: before.civilServantId,
        kind: before.kind,
        start: before.startDate,
        end: before.endDate,
      },
    });
    return { ok: true as const };
  });
}

/** The excuses of the region that overlap [from, to], by ASN id (for lateness). */
export async function excusesByCivilServant(
  db: DbOrTx,
  regionId: string,
  from: string,
  to: string,
): Promise<Map<string, Excuse[]>> {
  const rows = await db
    .select({
      civilServantId: attendanceExcuses.civilServantId,
      kind: attendanceExcuses.kind,
      start: attendanceExcuses.startDate,
      end: attendanceExcuses.endDate,
      note: attendanceExcuses.note,
    })
    .from(attendanceExcuses)
    .where(
      and(
        eq(attendanceExcuses.regionId, regionId),
        lte(attendanceExcuses.startDate, to),
        gte(attendanceExcuses.endDate, from),
      ),
    )
    .orderBy(attendanceExcuses.startDate);
  const out = new Map<string, Excuse[]>();
  for (const r of rows) {
    const list = out.get(r.civilServantId) ?? [];
    list.push({ kind: r.kind as ExcuseKind, start: r.start, end: r.end, note: r.note });
    out.set(r.civilServantId, list);
  }
  return out;
}
