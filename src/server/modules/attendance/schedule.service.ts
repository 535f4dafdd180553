import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateScheduleBody, WorkScheduleDto } from '../../../contract/attendance.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { workSchedules, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, validation } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { defaultScheduleSet, validateScheduleSet, type ScheduleSet } from '../discipline/lateness.domain.js';

/**
 * The region's work schedules (issue 5 item 2): one versioned document per region holding
 * lateness.domain's ScheduleSet. Until HR saves one, the default schedule applies (Monday-Thursday
 * 07:30-16:00, Friday 07:30-16:30, Ramadan hours without dates) and the version is 0.
 */

/** A plain copy of the default (the domain's is frozen). */
const defaults = (): ScheduleSet => JSON.parse(JSON.stringify(defaultScheduleSet([]))) as ScheduleSet;

/** The schedules lateness works with, for the region. */
export async function loadScheduleSet(db: DbOrTx, regionId: string): Promise<ScheduleSet> {
  const [row] = await db
    .select({ schedules: workSchedules.schedules })
    .from(workSchedules)
    .where(eq(workSchedules.regionId, regionId));
  return row ? (row.schedules as ScheduleSet) : defaults();
}

export async function getSchedule(db: DbOrTx, actor: Actor): Promise<WorkScheduleDto> {
  const [row] = await db.select().from(workSchedules).where(eq(workSchedules.regionId, actor.regionId));
  if (!row)
    return {
      schedules: defaults() as WorkScheduleDto['schedules'],
      version: 0,
      isDefault: true,
      updatedAt: null,
    };
  return {
    schedules: row.schedules as WorkScheduleDto['schedules'],
    version: row.version,
    isDefault: false,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Replaces the region's schedules; `version` is the one read (0 while the default applies). */
export async function updateSchedule(
  database: Database,
  actor: Actor,
  body: z.infer<typeof updateScheduleBody>,
): Promise<WorkScheduleDto> {
  const next: ScheduleSet = {
    region: body.schedules.region,
    ramadan: [...body.schedules.ramadan].sort((a, b) => (a.start < b.start ? -1 : 1)),
    units: body.schedules.units ?? {},
  };
  const problems = validateScheduleSet(next).map((p) => ({
    path: `schedules.${p.path}`,
    message: p.message,
  }));
  if (problems.length) throw validation(problems);
  return database.db.transaction(async (tx) => {
    const unitIds = Object.keys(next.units ?? {});
    if (unitIds.length) {
      const found = new Set(
        (
          await tx
            .select({ id: workUnits.id })
            .from(workUnits)
            .where(and(eq(workUnits.regionId, actor.regionId), inArray(workUnits.id, unitIds)))
        ).map((u) => u.id),
      );
      const missing = unitIds.filter((id) => !found.has(id));
      if (missing.length)
        throw validation(
          missing.map((id) => ({
            path: `schedules.units.${id}`,
            message: 'Perangkat daerah tidak ditemukan',
          })),
        );
    }
    const [before] = await tx
      .select()
      .from(workSchedules)
      .where(eq(workSchedules.regionId, actor.regionId))
      .for('update');
    if ((before?.version ?? 0) !== body.version) throw new AppError('VERSION_CONFLICT');
    const now = new Date();
    if (before)
      await tx
        .update(workSchedules)
        .set({ schedules: next, version: before.version + 1, updatedAt: now, updatedBy: actor.userId })
        .where(eq(workSchedules.regionId, actor.regionId));
    else {
      // A parallel first save inserted meanwhile: the same as a stale version.
      const inserted = await tx
        .insert(workSchedules)
        .values({ regionId: actor.regionId, schedules: next, version: 1, updatedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ version: workSchedules.version });
      if (inserted.length === 0) throw new AppError('VERSION_CONFLICT');
    }
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.schedule',
      entityType: 'work_schedule',
      entityId: actor.regionId,
      summary: `Jadwal kerja diubah (${next.ramadan.length} rentang Ramadan, ${unitIds.length} jadwal unit)`,
      before: before?.schedules ?? null,
      after: next,
    });
    return getSchedule(tx, actor);
  });
}
