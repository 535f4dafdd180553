import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CivilServant,
  civilServantBody,
  civilServantListQuery,
  updateCivilServantBody,
} from '../../../contract/civil-servants.js';
import { checkNip } from '../../../contract/nip.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { civilServants, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import { unitScope, type Actor } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/versioning.js';
import { REGION_READERS, UNIT_READERS } from './civil-servants.policy.js';

const columns = {
  id: civilServants.id,
  nip: civilServants.nip,
  name: civilServants.name,
  rankGrade: civilServants.rankGrade,
  position: civilServants.position,
  workUnitId: civilServants.workUnitId,
  workUnitCode: workUnits.code,
  workUnitName: workUnits.name,
  employmentType: civilServants.employmentType,
  birthDate: civilServants.birthDate,
  sex: civilServants.sex,
  email: civilServants.email,
  phone: civilServants.phone,
  active: civilServants.active,
  version: civilServants.version,
  updatedAt: civilServants.updatedAt,
};
type Row = Omit<CivilServant, 'updatedAt'> & { updatedAt: Date };
const toDto = (r: unknown): CivilServant => {
  const row = r as Row;
  return { ...row, updatedAt: row.updatedAt.toISOString() };
};

/** The rows an actor may see: the whole region, or only the units of their scoped grants. */
function scopeCondition(actor: Actor): SQL | undefined {
  const scope = unitScope(actor, [...REGION_READERS, ...UNIT_READERS]);
  if (scope === 'all') return undefined;
  if (scope.length === 0) return sql`false`;
  return inArray(civilServants.workUnitId, scope);
}

const sorts = { name: civilServants.name, nip: civilServants.nip, workUnit: workUnits.code } as const;

export async function listCivilServants(
  database: Database,
  actor: Actor,
  q: z.infer<typeof civilServantListQuery>,
) {
  const where: (SQL | undefined)[] = [eq(civilServants.regionId, actor.regionId), scopeCondition(actor)];
  if (q.q) {
    const digits = q.q.replace(/\s+/g, '');
    where.push(
      /^\d{3,18}$/.test(digits)
        ? ilike(civilServants.nip, `${digits}%`)
        : ilike(civilServants.name, likePattern(q.q)),
    );
  }
  if (q.workUnitId) where.push(eq(civilServants.workUnitId, q.workUnitId));
  if (q.employmentType) where.push(eq(civilServants.employmentType, q.employmentType));
  if (q.active !== 'all') where.push(eq(civilServants.active, q.active === 'true'));
  const cond = and(...where);
  const join = and(
    eq(workUnits.regionId, civilServants.regionId),
    eq(workUnits.id, civilServants.workUnitId),
  );
  const [{ total }] = await database.db
    .select({ total: sql<number>`count(*)::int` })
    .from(civilServants)
    .where(cond);
  const rows = await database.db
    .select(columns)
    .from(civilServants)
    .innerJoin(workUnits, join)
    .where(cond)
    .orderBy(asc(sorts[q.sort]), asc(civilServants.name), asc(civilServants.id))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getCivilServant(db: DbOrTx, actor: Actor, id: string): Promise<CivilServant> {
  const [row] = await db
    .select(columns)
    .from(civilServants)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, civilServants.regionId), eq(workUnits.id, civilServants.workUnitId)),
    )
    .where(and(eq(civilServants.regionId, actor.regionId), eq(civilServants.id, id), scopeCondition(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
}

async function checkUnit(db: DbOrTx, actor: Actor, workUnitId: string) {
  const [u] = await db
    .select({ active: workUnits.active })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.id, workUnitId)));
  if (!u) throw fieldError('workUnitId', 'Unit kerja tidak ditemukan');
  if (!u.active) throw fieldError('workUnitId', 'Unit kerja sudah dinonaktifkan');
}

async function nipTaken(db: DbOrTx, actor: Actor, nip: string, exceptId?: string) {
  const [row] = await db
    .select({ id: civilServants.id })
    .from(civilServants)
    .where(and(eq(civilServants.regionId, actor.regionId), eq(civilServants.nip, nip)));
  return !!row && row.id !== exceptId;
}

function derived(nip: string) {
  const r = checkNip(nip);
  if (!r.ok) throw fieldError('nip', r.message);
  return { birthDate: r.parts.birthDate, sex: r.parts.sex };
}

export async function createCivilServant(
  database: Database,
  actor: Actor,
  input: z.infer<typeof civilServantBody>,
) {
  return database.db.transaction(async (tx) => {
    await checkUnit(tx, actor, input.workUnitId);
    if (await nipTaken(tx, actor, input.nip)) throw fieldError('nip', `NIP ${input.nip} sudah terdaftar`);
    const [row] = await tx
      .insert(civilServants)
      .values({
        regionId: actor.regionId,
        nip: input.nip,
        name: input.name,
        rankGrade: input.rankGrade ?? null,
        position: input.position ?? null,
        workUnitId: input.workUnitId,
        employmentType: input.employmentType,
        email: input.email ?? null,
        phone: input.phone ?? null,
        ...derived(input.nip),
      })
      .returning({ id: civilServants.id });
    const dto = await getCivilServant(tx, actor, row.id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'civil_servant.create',
      entityType: 'civil_servant',
      entityId: row.id,
      summary: `ASN ${dto.name} ditambahkan`,
      after: dto,
    });
    return dto;
  });
}

export async function updateCivilServant(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateCivilServantBody>,
) {
  return database.db.transaction(async (tx) => {
    const before = await getCivilServant(tx, actor, id);
    if (input.workUnitId !== before.workUnitId) await checkUnit(tx, actor, input.workUnitId);
    if (await nipTaken(tx, actor, input.nip, id)) throw fieldError('nip', `NIP ${input.nip} sudah terdaftar`);
    await updateVersioned(
      tx,
      civilServants,
      { regionId: actor.regionId, id: id, version: input.version },
      {
        nip: input.nip,
        name: input.name,
        rankGrade: input.rankGrade ?? null,
        position: input.position ?? null,
        workUnitId: input.workUnitId,
        employmentType: input.employmentType,
        email: input.email ?? null,
        phone: input.phone ?? null,
        active: input.active,
        ...derived(input.nip),
      },
    );
    const after = await getCivilServant(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'civil_servant.update',
      entityType: 'civil_servant',
      entityId: id,
      summary: `ASN ${after.name} diubah`,
      before,
      after,
    });
    return after;
  });
}
