import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  updateWorkUnitBody,
  WorkUnit,
  workUnitBody,
  workUnitListQuery,
} from '../../../contract/work-units.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { civilServants, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/versioning.js';

// Qualified by hand: inside a subquery an unqualified column would bind to the inner table.
const headName = sql<
  string | null
>`(select cs.name from civil_servants cs where cs.region_id = "work_units"."region_id" and cs.id = "work_units"."head_civil_servant_id")`;
const memberCount = sql<number>`(select count(*)::int from civil_servants cs where cs.region_id = "work_units"."region_id" and cs.work_unit_id = "work_units"."id" and cs.active)`;

const columns = {
  id: workUnits.id,
  code: workUnits.code,
  name: workUnits.name,
  kind: workUnits.kind,
  headCivilServantId: workUnits.headCivilServantId,
  headName,
  active: workUnits.active,
  civilServantCount: memberCount,
  version: workUnits.version,
  updatedAt: workUnits.updatedAt,
};

type Row = { [K in keyof typeof columns]: unknown } & { updatedAt: Date };
const toDto = (r: Row): WorkUnit => ({ ...(r as unknown as WorkUnit), updatedAt: r.updatedAt.toISOString() });

const sorts = { code: workUnits.code, name: workUnits.name, kind: workUnits.kind } as const;

export async function listWorkUnits(database: Database, actor: Actor, q: z.infer<typeof workUnitListQuery>) {
  const where: (SQL | undefined)[] = [eq(workUnits.regionId, actor.regionId)];
  if (q.q) where.push(or(ilike(workUnits.name, likePattern(q.q)), ilike(workUnits.code, likePattern(q.q))));
  if (q.kind) where.push(eq(workUnits.kind, q.kind));
  if (q.active !== 'all') where.push(eq(workUnits.active, q.active === 'true'));
  const cond = and(...where);
  const [{ total }] = await database.db
    .select({ total: sql<number>`count(*)::int` })
    .from(workUnits)
    .where(cond);
  const rows = await database.db
    .select(columns)
    .from(workUnits)
    .where(cond)
    .orderBy(asc(sorts[q.sort]), asc(workUnits.id))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getWorkUnit(db: DbOrTx, actor: Actor, id: string): Promise<WorkUnit> {
  const [row] = await db
    .select(columns)
    .from(workUnits)
    .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
}

/** The head must be an active ASN of the same unit. */
async function checkHead(db: DbOrTx, actor: Actor, unitId: string | null, headId: string | null | undefined) {
  if (!headId) return;
  const [cs] = await db
    .select({ workUnitId: civilServants.workUnitId, active: civilServants.active })
    .from(civilServants)
    .where(and(eq(civilServants.regionId, actor.regionId), eq(civilServants.id, headId)));
  if (!cs || !cs.active) throw fieldError('headCivilServantId', 'Kepala unit harus ASN aktif di daerah ini');
  if (unitId && cs.workUnitId !== unitId)
    throw fieldError('headCivilServantId', 'Kepala unit harus ASN pada unit ini');
}

async function codeTaken(db: DbOrTx, actor: Actor, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: workUnits.id })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.code, code)));
  return !!row && row.id !== exceptId;
}

export async function createWorkUnit(database: Database, actor: Actor, input: z.infer<typeof workUnitBody>) {
  return database.db.transaction(async (tx) => {
    if (await codeTaken(tx, actor, input.code))
      throw fieldError('code', `Kode unit ${input.code} sudah dipakai`);
    // A new unit has no members yet, so it cannot have a head from within it.
    if (input.headCivilServantId)
      throw fieldError('headCivilServantId', 'Kepala unit dapat dipilih setelah unit memiliki ASN');
    const [row] = await tx
      .insert(workUnits)
      .values({ regionId: actor.regionId, code: input.code, name: input.name, kind: input.kind })
      .returning();
    const dto = await getWorkUnit(tx, actor, row.id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'work_unit.create',
      entityType: 'work_unit',
      entityId: row.id,
      summary: `Unit ${row.code} ${row.name} ditambahkan`,
      after: dto,
    });
    return dto;
  });
}

export async function updateWorkUnit(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateWorkUnitBody>,
) {
  return database.db.transaction(async (tx) => {
    const before = await getWorkUnit(tx, actor, id);
    if (await codeTaken(tx, actor, input.code, id))
      throw fieldError('code', `Kode unit ${input.code} sudah dipakai`);
    await checkHead(tx, actor, id, input.headCivilServantId);
    await updateVersioned(
      tx,
      workUnits,
      { regionId: actor.regionId, id: id, version: input.version },
      {
        code: input.code,
        name: input.name,
        kind: input.kind,
        headCivilServantId: input.headCivilServantId ?? null,
      },
    );
    const after = await getWorkUnit(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'work_unit.update',
      entityType: 'work_unit',
      entityId: id,
      summary: `Unit ${after.code} ${after.name} diubah`,
      before,
      after,
    });
    return after;
  });
}

export async function setWorkUnitActive(
  database: Database,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
) {
  return database.db.transaction(async (tx) => {
    const before = await getWorkUnit(tx, actor, id);
    await updateVersioned(tx, workUnits, { regionId: actor.regionId, id: id, version: version }, { active });
    const after = await getWorkUnit(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: active ? 'work_unit.activate' : 'work_unit.deactivate',
      entityType: 'work_unit',
      entityId: id,
      summary: `Unit ${after.code} ${after.name} ${active ? 'diaktifkan kembali' : 'dinonaktifkan'}`,
      before: { active: before.active },
      after: { active: after.active },
    });
    return after;
  });
}
