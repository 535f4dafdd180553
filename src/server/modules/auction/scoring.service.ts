import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { conflictBody, saveScoresBody, Scoring } from '../../../contract/scoring.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  auctionSessions,
  cycles,
  proposals,
  proposalScores,
  sessionAgenda,
  sessionPanelists,
  users,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, validation } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import type { RubricCriterion } from './cycle.domain.js';
import { transition } from './proposal.domain.js';
import { aggregate, panelistScore, type CriterionScore } from './scoring.domain.js';
import { scoringOpen, type SessionState } from './session.domain.js';
import { closeSessionIfDone } from './sessions.service.js';

interface Sheet {
  proposalId: string;
  status: string;
  title: string;
  sessionId: string;
  chairUserId: string | null;
  sessionStatus: SessionState;
  rubric: RubricCriterion[];
  panel: { userId: string; fullName: string }[];
}

/**
 * The proposal's scoring context. Only the panel of the session it is on, its chair, the head of
 * region and the admin see it; anyone else gets 404, as for a missing proposal.
 */
async function loadSheet(db: DbOrTx, actor: Actor, proposalId: string): Promise<Sheet> {
  const [row] = await db
    .select({
      status: proposals.status,
      title: proposals.title,
      sessionId: sessionAgenda.sessionId,
      chairUserId: auctionSessions.chairUserId,
      sessionStatus: auctionSessions.status,
      rubric: cycles.rubric,
    })
    .from(proposals)
    .innerJoin(
      sessionAgenda,
      and(eq(sessionAgenda.regionId, proposals.regionId), eq(sessionAgenda.proposalId, proposals.id)),
    )
    .innerJoin(
      auctionSessions,
      and(
        eq(auctionSessions.regionId, sessionAgenda.regionId),
        eq(auctionSessions.id, sessionAgenda.sessionId),
      ),
    )
    .innerJoin(cycles, and(eq(cycles.regionId, proposals.regionId), eq(cycles.id, proposals.cycleId)))
    .where(and(eq(proposals.regionId, actor.regionId), eq(proposals.id, proposalId)));
  if (!row) throw new AppError('NOT_FOUND');
  const panel = await db
    .select({ userId: users.id, fullName: users.fullName })
    .from(sessionPanelists)
    .innerJoin(
      users,
      and(eq(users.regionId, sessionPanelists.regionId), eq(users.id, sessionPanelists.userId)),
    )
    .where(and(eq(sessionPanelists.regionId, actor.regionId), eq(sessionPanelists.sessionId, row.sessionId)))
    .orderBy(asc(users.fullName));
  const sees =
    hasRole(actor, 'region_admin', 'head_of_region') ||
    row.chairUserId === actor.userId ||
    panel.some((p) => p.userId === actor.userId);
  if (!sees) throw new AppError('NOT_FOUND');
  return {
    proposalId,
    status: row.status,
    title: row.title,
    sessionId: row.sessionId,
    chairUserId: row.chairUserId,
    sessionStatus: row.sessionStatus as SessionState,
    rubric: row.rubric as RubricCriterion[],
    panel,
  };
}

async function sheetsOf(db: DbOrTx, actor: Actor, proposalId: string) {
  return db
    .select()
    .from(proposalScores)
    .where(and(eq(proposalScores.regionId, actor.regionId), eq(proposalScores.proposalId, proposalId)));
}

function aggregateOf(sheet: Pick<Sheet, 'rubric' | 'panel'>, rows: (typeof proposalScores.$inferSelect)[]) {
  return aggregate(
    sheet.rubric,
    sheet.panel.map((p) => {
      const r = rows.find((x) => x.panelistUserId === p.userId);
      return {
        panelistId: p.userId,
        conflict: r?.conflict ?? false,
        submitted: !!r?.submittedAt,
        scores: (r?.scores as CriterionScore[]) ?? [],
      };
    }),
  );
}

async function toDto(db: DbOrTx, actor: Actor, sheet: Sheet): Promise<Scoring> {
  const rows = await sheetsOf(db, actor, sheet.proposalId);
  const mineRow = rows.find((r) => r.panelistUserId === actor.userId);
  const onPanel = sheet.panel.some((p) => p.userId === actor.userId);
  const agg = aggregateOf(sheet, rows);
  // The aggregate is for the chair (and the head of region and admin), and only once complete.
  const seesAggregate =
    agg.complete && (sheet.chairUserId === actor.userId || hasRole(actor, 'region_admin', 'head_of_region'));
  const mineScores = (mineRow?.scores as CriterionScore[]) ?? [];
  const total = mineRow && !mineRow.conflict ? panelistScore(sheet.rubric, mineScores) : null;
  return {
    proposalId: sheet.proposalId,
    sessionId: sheet.sessionId,
    sessionStatus: sheet.sessionStatus,
    rubric: sheet.rubric,
    mine: onPanel
      ? {
          conflict: mineRow?.conflict ?? false,
          conflictReason: mineRow?.conflictReason ?? null,
          scores: mineScores,
          submitted: !!mineRow?.submittedAt,
          total: total && total.ok ? total.total : null,
          version: mineRow?.version ?? 0,
        }
      : null,
    panel: sheet.panel.map((p) => {
      const r = rows.find((x) => x.panelistUserId === p.userId);
      return {
        ...p,
        state: !r ? 'pending' : r.conflict ? 'conflict' : r.submittedAt ? 'submitted' : 'draft',
      };
    }),
    aggregate: seesAggregate ? agg : null,
  };
}

export async function getScoring(db: DbOrTx, actor: Actor, proposalId: string) {
  return toDto(db, actor, await loadSheet(db, actor, proposalId));
}

/** A panelist's own sheet; sitting on this proposal's panel is required (404 otherwise). */
async function ownSheet(tx: Tx, actor: Actor, proposalId: string) {
  const sheet = await loadSheet(tx, actor, proposalId);
  if (!sheet.panel.some((p) => p.userId === actor.userId)) throw new AppError('NOT_FOUND');
  if (sheet.status !== 'in_session') throw new AppError('CONFLICT', 'Penilaian usulan ini sudah ditutup');
  const open = scoringOpen(sheet.sessionStatus);
  if (!open.ok) throw new AppError('CONFLICT', open.message);
  const [row] = await tx
    .select()
    .from(proposalScores)
    .where(
      and(
        eq(proposalScores.regionId, actor.regionId),
        eq(proposalScores.proposalId, proposalId),
        eq(proposalScores.panelistUserId, actor.userId),
      ),
    )
    .for('update');
  if (row?.conflict)
    throw new AppError('CONFLICT', 'Anda telah menyatakan konflik kepentingan atas usulan ini');
  if (row?.submittedAt) throw new AppError('CONFLICT', 'Nilai sudah diserahkan dan bersifat final');
  return { sheet, row };
}

/** When the last expected panelist hands in, the proposal is scored (the system moves it). */
async function completeIfDone(tx: Tx, actor: Actor, sheet: Sheet) {
  const agg = aggregateOf(sheet, await sheetsOf(tx, actor, sheet.proposalId));
  const moved = transition('in_session', 'complete_scoring', ['system'], { scoringComplete: agg.complete });
  if (!moved.ok) return;
  await tx
    .update(proposals)
    .set({ status: moved.to, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(proposals.regionId, actor.regionId),
        eq(proposals.id, sheet.proposalId),
        eq(proposals.status, 'in_session'),
      ),
    );
  await appendAudit(tx, actor.regionId, null, {
    action: 'proposal.complete_scoring',
    entityType: 'proposal',
    entityId: sheet.proposalId,
    summary: `Penilaian "${sheet.title}" lengkap: nilai ${agg.score} dari ${agg.scoredBy} panelis`,
    after: agg,
  });
  await closeSessionIfDone(tx, actor.regionId, sheet.sessionId);
}

export async function saveScores(
  database: Database,
  actor: Actor,
  proposalId: string,
  input: z.infer<typeof saveScoresBody>,
) {
  return database.db.transaction(async (tx) => {
    const { sheet, row } = await ownSheet(tx, actor, proposalId);
    if (row && input.version !== row.version) throw new AppError('VERSION_CONFLICT');
    const scores = input.scores.map((s) => ({
      criterionCode: s.criterionCode,
      score: s.score,
      note: s.note ?? null,
    }));
    if (input.submit) {
      const checked = panelistScore(sheet.rubric, scores);
      if (!checked.ok) throw validation(checked.errors);
    } else {
      // A draft may be partial, but what is there must be well formed.
      const bad = scores.flatMap((s, i) =>
        !sheet.rubric.some((c) => c.code === s.criterionCode)
          ? [
              {
                path: `scores.${i}.criterionCode`,
                message: `Kriteria "${s.criterionCode}" tidak ada pada rubrik`,
              },
            ]
          : !Number.isInteger(s.score) || s.score < 0 || s.score > 100
            ? [{ path: `scores.${i}.score`, message: 'Nilai harus bilangan bulat 0-100' }]
            : [],
      );
      if (bad.length) throw validation(bad);
    }
    const submittedAt = input.submit ? new Date() : null;
    if (row) {
      await tx
        .update(proposalScores)
        .set({ scores, submittedAt, version: sql`${proposalScores.version} + 1`, updatedAt: new Date() })
        .where(and(eq(proposalScores.regionId, actor.regionId), eq(proposalScores.id, row.id)));
    } else {
      await tx.insert(proposalScores).values({
        regionId: actor.regionId,
        proposalId,
        sessionId: sheet.sessionId,
        panelistUserId: actor.userId,
        scores,
        submittedAt,
      });
    }
    await appendAudit(tx, actor.regionId, actor, {
      action: input.submit ? 'score.submit' : 'score.save',
      entityType: 'proposal',
      entityId: proposalId,
      summary: `${actor.fullName} ${input.submit ? 'menyerahkan' : 'menyimpan'} nilai untuk "${sheet.title}"`,
      after: { scores },
    });
    if (input.submit) await completeIfDone(tx, actor, sheet);
    return toDto(tx, actor, await loadSheet(tx, actor, proposalId));
  });
}

export async function declareConflict(
  database: Database,
  actor: Actor,
  proposalId: string,
  input: z.infer<typeof conflictBody>,
) {
  return database.db.transaction(async (tx) => {
    const { sheet, row } = await ownSheet(tx, actor, proposalId);
    if (row) {
      await tx
        .update(proposalScores)
        .set({
          conflict: true,
          conflictReason: input.reason,
          scores: [],
          version: sql`${proposalScores.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(proposalScores.regionId, actor.regionId), eq(proposalScores.id, row.id)));
    } else {
      await tx.insert(proposalScores).values({
        regionId: actor.regionId,
        proposalId,
        sessionId: sheet.sessionId,
        panelistUserId: actor.userId,
        conflict: true,
        conflictReason: input.reason,
        scores: [],
      });
    }
    await appendAudit(tx, actor.regionId, actor, {
      action: 'score.conflict',
      entityType: 'proposal',
      entityId: proposalId,
      summary: `${actor.fullName} menyatakan konflik kepentingan atas "${sheet.title}"`,
      after: { reason: input.reason },
    });
    await completeIfDone(tx, actor, sheet);
    return toDto(tx, actor, await loadSheet(tx, actor, proposalId));
  });
}

/**
 * The panel's aggregate for a proposal on an agenda, without the caller's seat checks (for the pact,
 * the negotiation header and the board, which have their own access rules). Null when not on an agenda.
 */
export async function proposalAggregate(db: DbOrTx, regionId: string, proposalId: string) {
  const [row] = await db
    .select({ sessionId: sessionAgenda.sessionId, rubric: cycles.rubric })
    .from(sessionAgenda)
    .innerJoin(
      proposals,
      and(eq(proposals.regionId, sessionAgenda.regionId), eq(proposals.id, sessionAgenda.proposalId)),
    )
    .innerJoin(cycles, and(eq(cycles.regionId, proposals.regionId), eq(cycles.id, proposals.cycleId)))
    .where(and(eq(sessionAgenda.regionId, regionId), eq(sessionAgenda.proposalId, proposalId)));
  if (!row) return null;
  const panel = await db
    .select({ userId: sessionPanelists.userId })
    .from(sessionPanelists)
    .where(and(eq(sessionPanelists.regionId, regionId), eq(sessionPanelists.sessionId, row.sessionId)));
  const rows = await db
    .select()
    .from(proposalScores)
    .where(and(eq(proposalScores.regionId, regionId), eq(proposalScores.proposalId, proposalId)));
  return aggregateOf(
    {
      rubric: row.rubric as RubricCriterion[],
      panel: panel.map((p) => ({ userId: p.userId, fullName: '' })),
    },
    rows,
  );
}
