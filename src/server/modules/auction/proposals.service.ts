import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  emptyDocument,
  type createProposalBody,
  type Proposal,
  type ProposalDocument,
  type proposalListQuery,
  type ProposalStatus,
} from '../../../contract/proposals.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  cycles,
  proposals,
  regions,
  submissionExtensions,
  themes,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { dayEnd } from '../../platform/calendar.js';
import { AppError, fieldError, validation } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/versioning.js';
import { submissionOpen, type SubmissionWindow } from './cycle.domain.js';
import { phaseInstants } from './cycles.service.js';
import { checkCompleteness, transition, type ProposalAction, type ProposalDraft } from './proposal.domain.js';
import { drafterUnits, draftsFor, headOf, readsWholeRegion } from './proposals.policy.js';
import type { ActorRole } from './state-machine.js';

type Row = typeof proposals.$inferSelect;

/** Which proposals the actor may see: the whole region, or those their units lead or contribute to. */
function readScope(actor: Actor): SQL | undefined {
  if (readsWholeRegion(actor)) return undefined;
  const parts: (SQL | undefined)[] = [];
  // Panelists read the proposals on the agenda of the sessions they sit on.
  if (hasRole(actor, 'panelist')) {
    parts.push(sql`exists (select 1 from session_agenda sa join session_panelists sp on sp.region_id = sa.region_id and sp.session_id = sa.session_id
      where sa.region_id = "proposals"."region_id" and sa.proposal_id = "proposals"."id" and sp.user_id = ${actor.userId})`);
  }
  const units = drafterUnits(actor);
  if (units.length) parts.push(unitScope(units));
  return parts.length ? or(...parts) : sql`false`;
}

function unitScope(units: string[]): SQL | undefined {
  return or(
    inArray(proposals.leadWorkUnitId, units),
    sql`${proposals.collaboratorUnitIds} && ${sql`array[${sql.join(
      units.map((u) => sql`${u}::uuid`),
      sql`, `,
    )}]`}`,
  );
}

export async function loadRow(db: DbOrTx, actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.regionId, actor.regionId), eq(proposals.id, id), readScope(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

interface Context {
  cycleName: string;
  startYear: number;
  endYear: number;
  themes: { id: string; missionId: string }[];
  window: SubmissionWindow;
}

async function contextOf(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
  leadUnitId: string,
  now: Date,
): Promise<Context> {
  const [c] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.regionId, actor.regionId), eq(cycles.id, cycleId)));
  if (!c) throw fieldError('cycleId', 'Siklus tidak ditemukan');
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, actor.regionId));
  const themeRows = await db
    .select({ id: themes.id, missionId: themes.missionId })
    .from(themes)
    .where(and(eq(themes.regionId, actor.regionId), eq(themes.cycleId, cycleId)));
  const [ext] = await db
    .select({ deadline: submissionExtensions.deadline })
    .from(submissionExtensions)
    .where(
      and(
        eq(submissionExtensions.regionId, actor.regionId),
        eq(submissionExtensions.cycleId, cycleId),
        eq(submissionExtensions.workUnitId, leadUnitId),
      ),
    );
  const phases = phaseInstants(c.phases as Parameters<typeof phaseInstants>[0], r.tz);
  return {
    cycleName: c.name,
    startYear: c.startYear,
    endYear: c.endYear,
    themes: themeRows,
    window: submissionOpen({ phases }, ext ? { deadline: dayEnd(ext.deadline, r.tz) } : null, now),
  };
}

export const asDraft = (row: Row): ProposalDraft => ({
  ...(row.document as ProposalDocument),
  leadUnitId: row.leadWorkUnitId,
});

export function rolesFor(actor: Actor, leadUnitId: string): ActorRole[] {
  // A unit-scoped role counts only for its own unit.
  return actor.roles.filter((r) => r.workUnitId === null || r.workUnitId === leadUnitId).map((r) => r.role);
}

/** Per-request memo of contexts, so a list page loads each cycle and unit once, not once per row. */
type ContextCache = Map<string, Promise<Context>>;

async function toDto(db: DbOrTx, actor: Actor, row: Row, now: Date, cache?: ContextCache): Promise<Proposal> {
  const key = `${row.cycleId}:${row.leadWorkUnitId}`;
  let pending = cache?.get(key);
  if (!pending) {
    pending = contextOf(db, actor, row.cycleId, row.leadWorkUnitId, now);
    cache?.set(key, pending);
  }
  const ctx = await pending;
  const [unit] = await db
    .select({ name: workUnits.name })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.id, row.leadWorkUnitId)));
  const [by] = row.submittedBy
    ? await db
        .select({ name: users.fullName })
        .from(users)
        .where(and(eq(users.regionId, actor.regionId), eq(users.id, row.submittedBy)))
    : [];
  const problems = checkCompleteness(asDraft(row), ctx);
  const roles = rolesFor(actor, row.leadWorkUnitId);
  const allowed = (action: ProposalAction) =>
    transition(row.status as ProposalStatus, action, roles, {
      completeness: problems,
      submission: ctx.window,
    }).ok;
  return {
    id: row.id,
    cycleId: row.cycleId,
    cycleName: ctx.cycleName,
    leadUnitId: row.leadWorkUnitId,
    leadUnitName: unit.name,
    status: row.status as ProposalStatus,
    title: row.title,
    document: row.document as ProposalDocument,
    problems,
    submissionDeadline: ctx.window.deadline.toISOString(),
    submissionOpen: ctx.window.open,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedByName: by?.name ?? null,
    can: {
      edit: row.status === 'draft' && draftsFor(actor, row.leadWorkUnitId),
      submit: allowed('submit'),
      withdraw: allowed('withdraw'),
      reopen: allowed('reopen'),
    },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getProposal(db: DbOrTx, actor: Actor, id: string, now = new Date()) {
  return toDto(db, actor, await loadRow(db, actor, id), now);
}

export async function listProposals(
  database: Database,
  actor: Actor,
  q: z.infer<typeof proposalListQuery>,
  now = new Date(),
) {
  const { db } = database;
  const where: (SQL | undefined)[] = [eq(proposals.regionId, actor.regionId), readScope(actor)];
  if (q.cycleId) where.push(eq(proposals.cycleId, q.cycleId));
  if (q.status) where.push(eq(proposals.status, q.status));
  if (q.workUnitId) where.push(eq(proposals.leadWorkUnitId, q.workUnitId));
  if (q.q) where.push(sql`${proposals.title} ilike ${likePattern(q.q)}`);
  const cond = and(...where);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(proposals)
    .where(cond);
  const rows = await db
    .select()
    .from(proposals)
    .where(cond)
    .orderBy(desc(proposals.updatedAt), proposals.id)
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  const cache: ContextCache = new Map();
  const items = await Promise.all(
    rows.map(async (row) => {
      const { document, problems, ...rest } = await toDto(db, actor, row, now, cache);
      return { ...rest, problemCount: problems.length, themeId: document.themeId };
    }),
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Collaborators must be other, existing units of the region. */
async function checkUnits(tx: Tx, actor: Actor, doc: ProposalDocument) {
  const ids = [...new Set(doc.collaborators.map((c) => c.unitId))];
  if (ids.length === 0) return;
  const found = new Set(
    (
      await tx
        .select({ id: workUnits.id })
        .from(workUnits)
        .where(and(eq(workUnits.regionId, actor.regionId), inArray(workUnits.id, ids)))
    ).map((r) => r.id),
  );
  const problems = doc.collaborators.flatMap((c, i) =>
    found.has(c.unitId)
      ? []
      : [{ path: `document.collaborators.${i}.unitId`, message: 'Unit kolaborator tidak ditemukan' }],
  );
  if (problems.length) throw validation(problems);
}

export async function createProposal(
  database: Database,
  actor: Actor,
  input: z.infer<typeof createProposalBody>,
  now = new Date(),
) {
  const units = drafterUnits(actor);
  const leadUnitId = input.leadUnitId ?? (units.length === 1 ? units[0] : undefined);
  if (!leadUnitId) throw fieldError('leadUnitId', 'Pilih unit pengusul');
  if (!units.includes(leadUnitId))
    throw fieldError('leadUnitId', 'Anda hanya dapat menyusun usulan untuk unit Anda sendiri');
  return database.db.transaction(async (tx) => {
    const ctx = await contextOf(tx, actor, input.cycleId, leadUnitId, now);
    if (!ctx.window.open) throw new AppError('CONFLICT', ctx.window.message);
    const document: ProposalDocument = { ...emptyDocument, title: input.title ?? '', leadShare: 100 };
    const [row] = await tx
      .insert(proposals)
      .values({
        regionId: actor.regionId,
        cycleId: input.cycleId,
        leadWorkUnitId: leadUnitId,
        title: document.title,
        status: 'draft',
        document,
        createdBy: actor.userId,
      })
      .returning();
    const dto = await toDto(tx, actor, row, now);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: row.id,
      summary: `Draf usulan dibuat oleh ${dto.leadUnitName}`,
      after: { title: row.title, cycleId: row.cycleId },
    });
    return dto;
  });
}

/** Autosave of a draft: the whole document, with the version the editor loaded. */
export async function saveProposal(
  database: Database,
  actor: Actor,
  id: string,
  document: ProposalDocument,
  version: number,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    if (!draftsFor(actor, row.leadWorkUnitId)) throw new AppError('NOT_FOUND');
    if (row.status !== 'draft')
      throw new AppError('CONFLICT', 'Usulan yang sudah diajukan tidak dapat diubah');
    await checkUnits(tx, actor, document);
    if (document.collaborators.some((c) => c.unitId === row.leadWorkUnitId)) {
      throw fieldError(
        'document.collaborators',
        'Unit pengusul tidak dapat menjadi kolaborator usulannya sendiri',
      );
    }
    await updateVersioned(
      tx,
      proposals,
      { regionId: actor.regionId, id, version },
      {
        document,
        title: document.title,
        collaboratorUnitIds: [...new Set(document.collaborators.map((c) => c.unitId))],
      },
    );
    const after = await loadRow(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'proposal.save',
      entityType: 'proposal',
      entityId: id,
      summary: `Draf usulan "${document.title || '(tanpa judul)'}" disimpan`,
      before: row.document,
      after: document,
    });
    return toDto(tx, actor, after, now);
  });
}

const actionVerbs: Record<'submit' | 'withdraw' | 'reopen', string> = {
  submit: 'diajukan',
  withdraw: 'ditarik',
  reopen: 'dikembalikan ke draf',
};

/** A lifecycle step decided by the pure transition table (roles, completeness, submission window). */
export async function moveProposal(
  database: Database,
  actor: Actor,
  id: string,
  action: 'submit' | 'withdraw' | 'reopen',
  version: number,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    // Acting for another unit's head is the same as the proposal not existing for the caller.
    if ((action === 'submit' || action === 'withdraw') && !headOf(actor, row.leadWorkUnitId))
      throw new AppError('NOT_FOUND');
    const ctx = await contextOf(tx, actor, row.cycleId, row.leadWorkUnitId, now);
    const problems = checkCompleteness(asDraft(row), ctx);
    const result = transition(row.status as ProposalStatus, action, rolesFor(actor, row.leadWorkUnitId), {
      completeness: problems,
      submission: ctx.window,
    });
    if (!result.ok) {
      if (result.fields?.length)
        throw validation(
          result.fields.map((f) => ({ path: `document.${f.path}`, message: f.message })),
          result.message,
        );
      throw new AppError('CONFLICT', result.message);
    }
    await updateVersioned(
      tx,
      proposals,
      { regionId: actor.regionId, id, version },
      {
        status: result.to,
        ...(action === 'submit' ? { submittedAt: now, submittedBy: actor.userId } : {}),
        ...(action === 'reopen' ? { submittedAt: null, submittedBy: null } : {}),
      },
    );
    const after = await loadRow(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: `proposal.${action}`,
      entityType: 'proposal',
      entityId: id,
      summary: `Usulan "${row.title || '(tanpa judul)'}" ${actionVerbs[action]}`,
      before: { status: row.status },
      after: { status: result.to },
    });
    return toDto(tx, actor, after, now);
  });
}
