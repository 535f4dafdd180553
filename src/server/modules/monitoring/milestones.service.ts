import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { markMilestoneBody, Milestone } from '../../../contract/monitoring.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Config } from '../../config.js';
import {
  contractMilestones,
  contracts,
  evidenceFiles,
  milestoneProgress,
  regions,
  users,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { localDay } from '../../platform/calendar.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { contractReadScope } from '../auction/contracts.service.js';
import { loadCalendar } from './calendar.service.js';
import { insertEvidenceRow, withStoredEvidence } from './evidence.service.js';
import { isDay, workingDaysLate } from './working-days.domain.js';

/** Operators and heads of the contract's lead unit mark its milestones. */
const marksFor = (actor: Actor, unitId: string) =>
  actor.roles.some((r) => (r.role === 'opd_operator' || r.role === 'opd_head') && r.workUnitId === unitId);

async function contractOf(db: DbOrTx, actor: Actor, id: string) {
  const [c] = await db
    .select({ id: contracts.id, title: contracts.title, workUnitId: contracts.workUnitId })
    .from(contracts)
    .where(and(eq(contracts.regionId, actor.regionId), eq(contracts.id, id), contractReadScope(actor)));
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/**
 * The contract's milestones with where each stands today: done (on time or late, in working days
 * after the due date), overdue (working days since the due date), or upcoming.
 */
export async function listMilestones(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  now = new Date(),
): Promise<Milestone[]> {
  const c = await contractOf(db, actor, contractId);
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, actor.regionId));
  const today = localDay(now, r.tz);
  const calendar = await loadCalendar(db, actor.regionId);
  const rows = await db
    .select({ m: contractMilestones, p: milestoneProgress, by: users.fullName })
    .from(contractMilestones)
    .leftJoin(
      milestoneProgress,
      and(
        eq(milestoneProgress.regionId, contractMilestones.regionId),
        eq(milestoneProgress.contractId, contractMilestones.contractId),
        eq(milestoneProgress.milestoneKey, contractMilestones.key),
      ),
    )
    .leftJoin(
      users,
      and(eq(users.regionId, milestoneProgress.regionId), eq(users.id, milestoneProgress.markedBy)),
    )
    .where(
      and(eq(contractMilestones.regionId, actor.regionId), eq(contractMilestones.contractId, contractId)),
    )
    .orderBy(asc(contractMilestones.position));
  const progressIds = rows.flatMap(({ p }) => (p ? [p.id] : []));
  const files = progressIds.length
    ? await db
        .select()
        .from(evidenceFiles)
        .where(
          and(
            eq(evidenceFiles.regionId, actor.regionId),
            eq(evidenceFiles.ownerType, 'milestone'),
            inArray(evidenceFiles.ownerId, progressIds),
          ),
        )
        .orderBy(asc(evidenceFiles.createdAt))
    : [];
  const marks = marksFor(actor, c.workUnitId);
  return rows.map(({ m, p, by }) => {
    const overdue = !p && today > m.dueDate;
    const late = p ? p.lateWorkingDays : overdue ? workingDaysLate(calendar, m.dueDate, today) : 0;
    return {
      contractId,
      key: m.key,
      title: m.title,
      dueDate: m.dueDate,
      state: p ? (p.lateWorkingDays > 0 ? 'done_late' : 'done') : overdue ? 'overdue' : 'upcoming',
      doneOn: p?.doneOn ?? null,
      note: p?.note ?? null,
      lateWorkingDays: late,
      markedByName: by ?? null,
      evidence: files
        .filter((f) => p && f.ownerId === p.id)
        .map((f) => ({
          id: f.id,
          originalName: f.originalName,
          contentType: f.contentType,
          sizeBytes: f.sizeBytes,
          createdAt: f.createdAt.toISOString(),
        })),
      can: { mark: !p && marks, upload: !!p && marks },
    };
  });
}

/** The unit marks a milestone done on a day (not in the future); lateness is kept in working days. */
export async function markMilestone(
  database: Database,
  actor: Actor,
  contractId: string,
  key: string,
  input: z.infer<typeof markMilestoneBody>,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const c = await contractOf(tx, actor, contractId);
    if (!marksFor(actor, c.workUnitId)) throw new AppError('NOT_FOUND');
    const [m] = await tx
      .select()
      .from(contractMilestones)
      .where(
        and(
          eq(contractMilestones.regionId, actor.regionId),
          eq(contractMilestones.contractId, contractId),
          eq(contractMilestones.key, key),
        ),
      );
    if (!m) throw new AppError('NOT_FOUND');
    const [already] = await tx
      .select({ doneOn: milestoneProgress.doneOn })
      .from(milestoneProgress)
      .where(
        and(
          eq(milestoneProgress.regionId, actor.regionId),
          eq(milestoneProgress.contractId, contractId),
          eq(milestoneProgress.milestoneKey, key),
        ),
      );
    if (already)
      throw new AppError('CONFLICT', `Tahapan "${m.title}" sudah ditandai selesai pada ${already.doneOn}`);
    const [r] = await tx.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, actor.regionId));
    if (!isDay(input.doneOn)) throw fieldError('doneOn', 'Tanggal tidak valid');
    if (input.doneOn > localDay(now, r.tz))
      throw fieldError('doneOn', 'Tanggal selesai tidak boleh di masa depan');
    const late = workingDaysLate(await loadCalendar(tx, actor.regionId), m.dueDate, input.doneOn);
    const [row] = await tx
      .insert(milestoneProgress)
      .values({
        regionId: actor.regionId,
        contractId,
        milestoneKey: key,
        doneOn: input.doneOn,
        note: input.note?.trim() || null,
        lateWorkingDays: late,
        markedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', `Tahapan "${m.title}" sudah ditandai selesai`);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'milestone.done',
      entityType: 'contract',
      entityId: contractId,
      summary: `Tahapan "${m.title}" (${c.title}) selesai ${input.doneOn}${late ? `, terlambat ${late} hari kerja` : ''}`,
      after: { key, doneOn: input.doneOn, lateWorkingDays: late },
    });
    return listMilestones(tx, actor, contractId, now);
  });
}

/**
 * Adds a file of evidence to a milestone the unit marked done (PDF, JPG or PNG by its bytes, stored
 * under a generated name outside the web root).
 */
export async function uploadMilestoneEvidence(
  database: Database,
  config: Config,
  actor: Actor,
  contractId: string,
  key: string,
  file: { name: string; data: Buffer },
  now = new Date(),
) {
  return withStoredEvidence(database, config, actor, file, async (tx, stored) => {
    const c = await contractOf(tx, actor, contractId);
    if (!marksFor(actor, c.workUnitId)) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .select({ p: milestoneProgress, title: contractMilestones.title })
      .from(contractMilestones)
      .leftJoin(
        milestoneProgress,
        and(
          eq(milestoneProgress.regionId, contractMilestones.regionId),
          eq(milestoneProgress.contractId, contractMilestones.contractId),
          eq(milestoneProgress.milestoneKey, contractMilestones.key),
        ),
      )
      .where(
        and(
          eq(contractMilestones.regionId, actor.regionId),
          eq(contractMilestones.contractId, contractId),
          eq(contractMilestones.key, key),
        ),
      );
    if (!row) throw new AppError('NOT_FOUND');
    if (!row.p)
      throw fieldError('file', `Tandai tahapan "${row.title}" selesai terlebih dahulu, lalu unggah buktinya`);
    await insertEvidenceRow(tx, actor, { type: 'milestone', id: row.p.id, noun: 'tahapan' }, stored, now);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'evidence.upload',
      entityType: 'contract',
      entityId: contractId,
      summary: `Bukti ${stored.typeLabel} "${stored.name}" diunggah untuk tahapan "${row.title}" (${c.title})`,
      after: { evidenceId: stored.id, milestoneKey: key, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return listMilestones(tx, actor, contractId, now);
  });
}

/**
 * The milestone a file of evidence belongs to, if the actor may read its contract: its contract, key
 * and title, and whether the actor's unit may change it.
 */
export async function milestoneOfEvidence(db: DbOrTx, actor: Actor, progressId: string) {
  const [p] = await db
    .select({ contractId: milestoneProgress.contractId, key: milestoneProgress.milestoneKey })
    .from(milestoneProgress)
    .where(and(eq(milestoneProgress.regionId, actor.regionId), eq(milestoneProgress.id, progressId)));
  if (!p) throw new AppError('NOT_FOUND');
  const c = await contractOf(db, actor, p.contractId);
  return { contractId: c.id, contractTitle: c.title, key: p.key, mayChange: marksFor(actor, c.workUnitId) };
}
