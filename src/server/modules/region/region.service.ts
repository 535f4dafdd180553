import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  goalBody,
  missionBody,
  Mission,
  Region,
  targetBody,
  updateGoalBody,
  updateMissionBody,
  updateRegionBody,
  updateTargetBody,
} from '../../../contract/region.js';
import type { Database, Tx } from '../../db/client.js';
import { missionGoals, missions, missionTargets, regions } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { assertUpdated, updateVersioned } from '../../platform/versioning.js';

type RegionRow = typeof regions.$inferSelect;
const toRegion = (r: RegionRow): Region => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind as Region['kind'],
  timezone: r.timezone as Region['timezone'],
  headTitle: r.headTitle,
  version: r.version,
});

export async function getRegion(database: Database, actor: Actor): Promise<Region> {
  const [r] = await database.db.select().from(regions).where(eq(regions.id, actor.regionId));
  return toRegion(r);
}

export async function updateRegion(
  database: Database,
  actor: Actor,
  input: z.infer<typeof updateRegionBody>,
): Promise<Region> {
  return database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(regions).where(eq(regions.id, actor.regionId));
    const { version, ...values } = input;
    const rows = await tx
      .update(regions)
      .set({ ...values, version: sql`${regions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(regions.id, actor.regionId), eq(regions.version, version)))
      .returning();
    const after = assertUpdated(rows, true);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'region.update',
      entityType: 'region',
      entityId: actor.regionId,
      summary: `Profil daerah diubah`,
      before: toRegion(before),
      after: toRegion(after),
    });
    return toRegion(after);
  });
}

export async function listMissions(database: Database, actor: Actor): Promise<Mission[]> {
  const { db } = database;
  const ms = await db
    .select()
    .from(missions)
    .where(eq(missions.regionId, actor.regionId))
    .orderBy(asc(missions.termStart), asc(missions.number));
  const gs = await db
    .select()
    .from(missionGoals)
    .where(eq(missionGoals.regionId, actor.regionId))
    .orderBy(asc(missionGoals.number));
  const ts = await db
    .select()
    .from(missionTargets)
    .where(eq(missionTargets.regionId, actor.regionId))
    .orderBy(asc(missionTargets.number));
  return ms.map((m) => ({
    id: m.id,
    termStart: m.termStart,
    termEnd: m.termEnd,
    number: m.number,
    title: m.title,
    description: m.description,
    version: m.version,
    goals: gs
      .filter((g) => g.missionId === m.id)
      .map((g) => ({
        id: g.id,
        missionId: g.missionId,
        number: g.number,
        title: g.title,
        version: g.version,
        targets: ts
          .filter((t) => t.goalId === g.id)
          .map((t) => ({ id: t.id, goalId: t.goalId, number: t.number, title: t.title, version: t.version })),
      })),
  }));
}

async function missionById(database: Database, actor: Actor, id: string): Promise<Mission> {
  const m = (await listMissions(database, actor)).find((x) => x.id === id);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

export async function createMission(database: Database, actor: Actor, input: z.infer<typeof missionBody>) {
  const id = await database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(missions)
      .values({ ...input, regionId: actor.regionId, description: input.description ?? null })
      .returning();
    await appendAudit(tx, actor.regionId, actor, {
      action: 'mission.create',
      entityType: 'mission',
      entityId: row.id,
      summary: `Misi ${row.number} ditambahkan`,
      after: row,
    });
    return row.id;
  });
  return missionById(database, actor, id);
}

export async function updateMission(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateMissionBody>,
) {
  await database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(missions)
      .where(and(eq(missions.regionId, actor.regionId), eq(missions.id, id)));
    const { version, ...values } = input;
    await updateVersioned(
      tx,
      missions,
      { regionId: actor.regionId, id: id, version: version },
      { ...values, description: values.description ?? null },
    );
    const [after] = await tx
      .select()
      .from(missions)
      .where(and(eq(missions.regionId, actor.regionId), eq(missions.id, id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'mission.update',
      entityType: 'mission',
      entityId: id,
      summary: `Misi ${after.number} diubah`,
      before,
      after,
    });
  });
  return missionById(database, actor, id);
}

/** Deletes with the version the user saw, so a concurrent edit is not silently thrown away. */
async function deleteVersioned(
  tx: Tx,
  actor: Actor,
  table: typeof missions | typeof missionGoals | typeof missionTargets,
  id: string,
  version: number,
  entityType: string,
  label: string,
) {
  const [before] = await tx
    .select()
    .from(table)
    .where(and(eq(table.regionId, actor.regionId), eq(table.id, id)));
  const rows: unknown[] = await tx
    .delete(table)
    .where(and(eq(table.regionId, actor.regionId), eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  assertUpdated(rows, !!before);
  await appendAudit(tx, actor.regionId, actor, {
    action: `${entityType}.delete`,
    entityType,
    entityId: id,
    summary: `${label} dihapus`,
    before,
  });
}

export async function deleteMission(database: Database, actor: Actor, id: string, version: number) {
  await database.db.transaction((tx) => deleteVersioned(tx, actor, missions, id, version, 'mission', 'Misi'));
}

export async function createGoal(
  database: Database,
  actor: Actor,
  missionId: string,
  input: z.infer<typeof goalBody>,
) {
  return database.db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(missions)
      .where(and(eq(missions.regionId, actor.regionId), eq(missions.id, missionId)));
    if (!m) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .insert(missionGoals)
      .values({ ...input, regionId: actor.regionId, missionId })
      .returning();
    await appendAudit(tx, actor.regionId, actor, {
      action: 'mission_goal.create',
      entityType: 'mission_goal',
      entityId: row.id,
      summary: `Tujuan ${m.number}.${row.number} ditambahkan`,
      after: row,
    });
    return { id: row.id, missionId, number: row.number, title: row.title, version: row.version, targets: [] };
  });
}

export async function updateGoal(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateGoalBody>,
) {
  return database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(missionGoals)
      .where(and(eq(missionGoals.regionId, actor.regionId), eq(missionGoals.id, id)));
    await updateVersioned(
      tx,
      missionGoals,
      { regionId: actor.regionId, id: id, version: input.version },
      { number: input.number, title: input.title },
    );
    const [g] = await tx
      .select()
      .from(missionGoals)
      .where(and(eq(missionGoals.regionId, actor.regionId), eq(missionGoals.id, id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'mission_goal.update',
      entityType: 'mission_goal',
      entityId: id,
      summary: `Tujuan diubah`,
      before,
      after: g,
    });
    const ts = await tx
      .select()
      .from(missionTargets)
      .where(and(eq(missionTargets.regionId, actor.regionId), eq(missionTargets.goalId, id)))
      .orderBy(asc(missionTargets.number));
    return {
      id: g.id,
      missionId: g.missionId,
      number: g.number,
      title: g.title,
      version: g.version,
      targets: ts.map((t) => ({
        id: t.id,
        goalId: t.goalId,
        number: t.number,
        title: t.title,
        version: t.version,
      })),
    };
  });
}

export async function deleteGoal(database: Database, actor: Actor, id: string, version: number) {
  await database.db.transaction((tx) =>
    deleteVersioned(tx, actor, missionGoals, id, version, 'mission_goal', 'Tujuan'),
  );
}

export async function createTarget(
  database: Database,
  actor: Actor,
  goalId: string,
  input: z.infer<typeof targetBody>,
) {
  return database.db.transaction(async (tx) => {
    const [g] = await tx
      .select()
      .from(missionGoals)
      .where(and(eq(missionGoals.regionId, actor.regionId), eq(missionGoals.id, goalId)));
    if (!g) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .insert(missionTargets)
      .values({ ...input, regionId: actor.regionId, goalId })
      .returning();
    await appendAudit(tx, actor.regionId, actor, {
      action: 'mission_target.create',
      entityType: 'mission_target',
      entityId: row.id,
      summary: `Sasaran ditambahkan`,
      after: row,
    });
    return { id: row.id, goalId, number: row.number, title: row.title, version: row.version };
  });
}

export async function updateTarget(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateTargetBody>,
) {
  return database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(missionTargets)
      .where(and(eq(missionTargets.regionId, actor.regionId), eq(missionTargets.id, id)));
    await updateVersioned(
      tx,
      missionTargets,
      { regionId: actor.regionId, id: id, version: input.version },
      { number: input.number, title: input.title },
    );
    const [t] = await tx
      .select()
      .from(missionTargets)
      .where(and(eq(missionTargets.regionId, actor.regionId), eq(missionTargets.id, id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'mission_target.update',
      entityType: 'mission_target',
      entityId: id,
      summary: `Sasaran diubah`,
      before,
      after: t,
    });
    return { id: t.id, goalId: t.goalId, number: t.number, title: t.title, version: t.version };
  });
}

export async function deleteTarget(database: Database, actor: Actor, id: string, version: number) {
  await database.db.transaction((tx) =>
    deleteVersioned(tx, actor, missionTargets, id, version, 'mission_target', 'Sasaran'),
  );
}
