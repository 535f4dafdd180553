import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createCycleBody,
  CycleDto,
  extensionBody,
  PhaseDates,
  Theme,
  themeBody,
  updateCycleBody,
  updateThemeBody,
} from '../../../contract/cycles.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { cycles, missions, regions, submissionExtensions, themes, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { dayEnd, dayStart } from '../../platform/calendar.js';
import { AppError, fieldError, validation } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/versioning.js';
import {
  currentPhase,
  DEFAULT_RUBRIC,
  validateCycle,
  validateExtension,
  type CyclePhases,
  type RubricCriterion,
} from './cycle.domain.js';
import type { BudgetLine } from './terms.js';

/** Starts at 00:00 and deadlines at the end of the day, in the region's time zone. */
export function phaseInstants(p: PhaseDates, timezone: string): CyclePhases {
  return {
    draftingStart: dayStart(p.draftingStart, timezone),
    submissionDeadline: dayEnd(p.submissionDeadline, timezone),
    sessionsStart: dayStart(p.sessionsStart, timezone),
    sessionsEnd: dayEnd(p.sessionsEnd, timezone),
    negotiationDeadline: dayEnd(p.negotiationDeadline, timezone),
    signingDeadline: dayEnd(p.signingDeadline, timezone),
  };
}

async function timezoneOf(db: DbOrTx, regionId: string): Promise<string> {
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, regionId));
  return r.tz;
}

type CycleRow = typeof cycles.$inferSelect;

async function toDto(db: DbOrTx, actor: Actor, c: CycleRow, timezone: string, now: Date): Promise<CycleDto> {
  const themeRows = await db
    .select({ t: themes, missionNumber: missions.number })
    .from(themes)
    .innerJoin(missions, and(eq(missions.regionId, themes.regionId), eq(missions.id, themes.missionId)))
    .where(and(eq(themes.regionId, actor.regionId), eq(themes.cycleId, c.id)))
    .orderBy(asc(missions.number), asc(themes.name));
  const ext = await db
    .select({ e: submissionExtensions, unitName: workUnits.name })
    .from(submissionExtensions)
    .innerJoin(
      workUnits,
      and(
        eq(workUnits.regionId, submissionExtensions.regionId),
        eq(workUnits.id, submissionExtensions.workUnitId),
      ),
    )
    .where(and(eq(submissionExtensions.regionId, actor.regionId), eq(submissionExtensions.cycleId, c.id)))
    .orderBy(asc(workUnits.name));
  const phases = c.phases as PhaseDates;
  return {
    id: c.id,
    name: c.name,
    startYear: c.startYear,
    endYear: c.endYear,
    phases,
    rubric: c.rubric as RubricCriterion[],
    budgetCeilings: c.budgetCeilings as BudgetLine[],
    currentPhase: currentPhase(phaseInstants(phases, timezone), now),
    themes: themeRows.map((r) => toTheme(r.t, r.missionNumber)),
    extensions: ext.map((r) => ({
      id: r.e.id,
      workUnitId: r.e.workUnitId,
      workUnitName: r.unitName,
      deadline: r.e.deadline,
      reason: r.e.reason,
      createdAt: r.e.createdAt.toISOString(),
    })),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

function toTheme(t: typeof themes.$inferSelect, missionNumber: number): Theme {
  return {
    id: t.id,
    cycleId: t.cycleId,
    missionId: t.missionId,
    missionNumber,
    name: t.name,
    description: t.description,
    outcomeIndicatorName: t.outcomeIndicatorName,
    outcomeIndicatorUnit: t.outcomeIndicatorUnit,
    outcomePolarity: t.outcomePolarity as Theme['outcomePolarity'],
    version: t.version,
  };
}

export async function listCycles(database: Database, actor: Actor, now = new Date()): Promise<CycleDto[]> {
  const tz = await timezoneOf(database.db, actor.regionId);
  const rows = await database.db
    .select()
    .from(cycles)
    .where(eq(cycles.regionId, actor.regionId))
    .orderBy(desc(cycles.startYear), asc(cycles.name));
  return Promise.all(rows.map((c) => toDto(database.db, actor, c, tz, now)));
}

export async function getCycle(db: DbOrTx, actor: Actor, id: string, now = new Date()): Promise<CycleDto> {
  const [c] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.regionId, actor.regionId), eq(cycles.id, id)));
  if (!c) throw new AppError('NOT_FOUND');
  return toDto(db, actor, c, await timezoneOf(db, actor.regionId), now);
}

/** The pure rules of domain.md on the submitted values; every problem with its field path. */
function check(
  input: {
    startYear: number;
    endYear: number;
    phases: PhaseDates;
    rubric: readonly RubricCriterion[];
    budgetCeilings: readonly BudgetLine[];
  },
  timezone: string,
) {
  const problems = validateCycle({ ...input, phases: phaseInstants(input.phases, timezone) });
  if (problems.length) throw validation(problems);
}

async function nameTaken(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.regionId, actor.regionId), eq(cycles.name, name)));
  return !!row && row.id !== exceptId;
}

export async function createCycle(database: Database, actor: Actor, input: z.infer<typeof createCycleBody>) {
  const rubric = input.rubric ?? [...DEFAULT_RUBRIC];
  return database.db.transaction(async (tx) => {
    check({ ...input, rubric }, await timezoneOf(tx, actor.regionId));
    if (await nameTaken(tx, actor, input.name))
      throw fieldError('name', `Siklus bernama "${input.name}" sudah ada`);
    const [row] = await tx
      .insert(cycles)
      .values({
        regionId: actor.regionId,
        name: input.name,
        startYear: input.startYear,
        endYear: input.endYear,
        phases: input.phases,
        rubric,
        budgetCeilings: input.budgetCeilings,
      })
      .returning();
    const dto = await getCycle(tx, actor, row.id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'cycle.create',
      entityType: 'cycle',
      entityId: row.id,
      summary: `Siklus ${row.name} dibuka`,
      after: dto,
    });
    return dto;
  });
}

export async function updateCycle(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateCycleBody>,
) {
  return database.db.transaction(async (tx) => {
    const before = await getCycle(tx, actor, id);
    check(input, await timezoneOf(tx, actor.regionId));
    if (await nameTaken(tx, actor, input.name, id))
      throw fieldError('name', `Siklus bernama "${input.name}" sudah ada`);
    await updateVersioned(
      tx,
      cycles,
      { regionId: actor.regionId, id, version: input.version },
      {
        name: input.name,
        startYear: input.startYear,
        endYear: input.endYear,
        phases: input.phases,
        rubric: input.rubric,
        budgetCeilings: input.budgetCeilings,
      },
    );
    const after = await getCycle(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'cycle.update',
      entityType: 'cycle',
      entityId: id,
      summary: `Siklus ${after.name} diubah`,
      before,
      after,
    });
    return after;
  });
}

/** The mission exists in the region and its RPJMD term overlaps the cycle's term. */
async function checkMission(
  tx: Tx,
  actor: Actor,
  missionId: string,
  cycle: { startYear: number; endYear: number },
) {
  const [m] = await tx
    .select({ termStart: missions.termStart, termEnd: missions.termEnd })
    .from(missions)
    .where(and(eq(missions.regionId, actor.regionId), eq(missions.id, missionId)));
  if (!m) throw fieldError('missionId', 'Misi tidak ditemukan');
  if (m.termEnd < cycle.startYear || m.termStart > cycle.endYear)
    throw fieldError(
      'missionId',
      `Misi ini untuk periode ${m.termStart}-${m.termEnd}, di luar periode siklus ${cycle.startYear}-${cycle.endYear}`,
    );
}

async function themeById(tx: Tx, actor: Actor, id: string): Promise<Theme> {
  const [r] = await tx
    .select({ t: themes, missionNumber: missions.number })
    .from(themes)
    .innerJoin(missions, and(eq(missions.regionId, themes.regionId), eq(missions.id, themes.missionId)))
    .where(and(eq(themes.regionId, actor.regionId), eq(themes.id, id)));
  if (!r) throw new AppError('NOT_FOUND');
  return toTheme(r.t, r.missionNumber);
}

export async function createTheme(
  database: Database,
  actor: Actor,
  cycleId: string,
  input: z.infer<typeof themeBody>,
) {
  return database.db.transaction(async (tx) => {
    const cycle = await getCycle(tx, actor, cycleId);
    await checkMission(tx, actor, input.missionId, cycle);
    const [row] = await tx
      .insert(themes)
      .values({ ...input, description: input.description ?? null, regionId: actor.regionId, cycleId })
      .onConflictDoNothing()
      .returning({ id: themes.id });
    if (!row) throw fieldError('name', `Tema "${input.name}" sudah ada pada siklus ini`);
    const dto = await themeById(tx, actor, row.id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'theme.create',
      entityType: 'theme',
      entityId: row.id,
      summary: `Tema ${dto.name} ditambahkan`,
      after: dto,
    });
    return dto;
  });
}

export async function updateTheme(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateThemeBody>,
) {
  return database.db.transaction(async (tx) => {
    const before = await themeById(tx, actor, id);
    await checkMission(tx, actor, input.missionId, await getCycle(tx, actor, before.cycleId));
    const { version, ...values } = input;
    await updateVersioned(
      tx,
      themes,
      { regionId: actor.regionId, id, version },
      { ...values, description: values.description ?? null },
    );
    const after = await themeById(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'theme.update',
      entityType: 'theme',
      entityId: id,
      summary: `Tema ${after.name} diubah`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteTheme(database: Database, actor: Actor, id: string, version: number) {
  await database.db.transaction(async (tx) => {
    const before = await themeById(tx, actor, id);
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    await tx
      .delete(themes)
      .where(and(eq(themes.regionId, actor.regionId), eq(themes.id, id), eq(themes.version, version)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'theme.delete',
      entityType: 'theme',
      entityId: id,
      summary: `Tema ${before.name} dihapus`,
      before,
    });
  });
}

/** An audited later submission deadline for one unit (replaces an earlier extension of that unit). */
export async function extendSubmission(
  database: Database,
  actor: Actor,
  cycleId: string,
  input: z.infer<typeof extensionBody>,
) {
  return database.db.transaction(async (tx) => {
    const cycle = await getCycle(tx, actor, cycleId);
    const tz = await timezoneOf(tx, actor.regionId);
    const problems = validateExtension(
      { phases: phaseInstants(cycle.phases, tz) },
      dayEnd(input.deadline, tz),
    );
    if (problems.length) throw validation(problems);
    const [unit] = await tx
      .select({ name: workUnits.name })
      .from(workUnits)
      .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.id, input.workUnitId)));
    if (!unit) throw fieldError('workUnitId', 'Unit kerja tidak ditemukan');
    const previous = cycle.extensions.find((e) => e.workUnitId === input.workUnitId) ?? null;
    const [row] = await tx
      .insert(submissionExtensions)
      .values({
        regionId: actor.regionId,
        cycleId,
        workUnitId: input.workUnitId,
        deadline: input.deadline,
        reason: input.reason,
        createdBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: [
          submissionExtensions.regionId,
          submissionExtensions.cycleId,
          submissionExtensions.workUnitId,
        ],
        set: {
          deadline: input.deadline,
          reason: input.reason,
          createdBy: actor.userId,
          createdAt: new Date(),
        },
      })
      .returning();
    const dto = {
      id: row.id,
      workUnitId: row.workUnitId,
      workUnitName: unit.name,
      deadline: row.deadline,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    };
    await appendAudit(tx, actor.regionId, actor, {
      action: 'cycle.extend_submission',
      entityType: 'cycle',
      entityId: cycleId,
      summary: `Batas pengajuan ${unit.name} diperpanjang sampai ${input.deadline}`,
      before: previous,
      after: dto,
    });
    return dto;
  });
}

/**
 * The admin withdraws a unit's later submission deadline (e.g. granted by mistake), with a reason:
 * the cycle's deadline applies to the unit again. Proposals already submitted stay submitted.
 */
export async function revokeExtension(
  database: Database,
  actor: Actor,
  cycleId: string,
  extensionId: string,
  reason: string,
) {
  return database.db.transaction(async (tx) => {
    const cycle = await getCycle(tx, actor, cycleId);
    const ext = cycle.extensions.find((e) => e.id === extensionId);
    if (!ext) throw new AppError('NOT_FOUND');
    await tx
      .delete(submissionExtensions)
      .where(
        and(eq(submissionExtensions.regionId, actor.regionId), eq(submissionExtensions.id, extensionId)),
      );
    await appendAudit(tx, actor.regionId, actor, {
      action: 'cycle.revoke_extension',
      entityType: 'cycle',
      entityId: cycleId,
      summary: `Perpanjangan batas pengajuan ${ext.workUnitName} (sampai ${ext.deadline}) dicabut: ${reason}`,
      before: ext,
      after: { reason },
    });
    return { ok: true as const };
  });
}
