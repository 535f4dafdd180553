import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuctionSession, createSessionBody, updateSessionBody } from '../../../contract/sessions.js';
import type { ProposalStatus } from '../../../contract/proposals.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  auctionSessions,
  cycles,
  proposals,
  sessionAgenda,
  sessionPanelists,
  userRoles,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, validation } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { updateVersioned } from '../../platform/versioning.js';
import type { FieldError } from '../../../contract/common.js';
import { transition } from './proposal.domain.js';
import { transitionSession, type SessionAction, type SessionState } from './session.domain.js';

const roleNames = (actor: Actor) => actor.roles.map((r) => r.role);

/**
 * The roles the actor opens a session with: a head of region counts only as the session's chair
 * (when one is named), so another head of region (a delegate of another session) does not open it.
 */
const openerRoles = (actor: Actor, s: { chairUserId: string | null }) =>
  roleNames(actor).filter((r) => r !== 'head_of_region' || !s.chairUserId || s.chairUserId === actor.userId);
import { drafterUnits, readsWholeRegion } from './proposals.policy.js';

/** Sessions an actor may see: all (admin, head of region), the ones they sit on, or their units' proposals' sessions. */
function readScope(actor: Actor): SQL | undefined {
  if (readsWholeRegion(actor)) return undefined;
  const parts: SQL[] = [];
  if (hasRole(actor, 'panelist')) {
    parts.push(
      sql`exists (select 1 from session_panelists sp where sp.region_id = "auction_sessions"."region_id" and sp.session_id = "auction_sessions"."id" and sp.user_id = ${actor.userId})`,
    );
  }
  const units = drafterUnits(actor);
  if (units.length) {
    parts.push(
      sql`exists (select 1 from session_agenda sa join proposals p on p.region_id = sa.region_id and p.id = sa.proposal_id
        where sa.region_id = "auction_sessions"."region_id" and sa.session_id = "auction_sessions"."id"
        and p.lead_work_unit_id in (${sql.join(
          units.map((u) => sql`${u}::uuid`),
          sql`, `,
        )}))`,
    );
  }
  return parts.length ? or(...parts) : sql`false`;
}

async function toDto(
  db: DbOrTx,
  actor: Actor,
  s: typeof auctionSessions.$inferSelect,
): Promise<AuctionSession> {
  const panel = await db
    .select({ userId: users.id, fullName: users.fullName })
    .from(sessionPanelists)
    .innerJoin(
      users,
      and(eq(users.regionId, sessionPanelists.regionId), eq(users.id, sessionPanelists.userId)),
    )
    .where(and(eq(sessionPanelists.regionId, actor.regionId), eq(sessionPanelists.sessionId, s.id)))
    .orderBy(asc(users.fullName));
  const agenda = await db
    .select({
      position: sessionAgenda.position,
      proposalId: proposals.id,
      title: proposals.title,
      leadUnitName: workUnits.name,
      status: proposals.status,
    })
    .from(sessionAgenda)
    .innerJoin(
      proposals,
      and(eq(proposals.regionId, sessionAgenda.regionId), eq(proposals.id, sessionAgenda.proposalId)),
    )
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, proposals.regionId), eq(workUnits.id, proposals.leadWorkUnitId)),
    )
    .where(and(eq(sessionAgenda.regionId, actor.regionId), eq(sessionAgenda.sessionId, s.id)))
    .orderBy(asc(sessionAgenda.position));
  const [chair] = s.chairUserId
    ? await db
        .select({ userId: users.id, fullName: users.fullName })
        .from(users)
        .where(and(eq(users.regionId, actor.regionId), eq(users.id, s.chairUserId)))
    : [];
  return {
    id: s.id,
    cycleId: s.cycleId,
    title: s.title,
    date: s.date,
    place: s.place,
    chair: chair ?? null,
    panel,
    agenda: agenda.map((a) => ({ ...a, status: a.status as ProposalStatus })),
    status: s.status as SessionState,
    cancelReason: s.cancelReason,
    can: {
      edit: transitionSession(s.status as SessionState, 'edit', roleNames(actor)).ok,
      open:
        agenda.length > 0 && transitionSession(s.status as SessionState, 'open', openerRoles(actor, s)).ok,
      cancel: transitionSession(s.status as SessionState, 'cancel', roleNames(actor), { reason: '-' }).ok,
    },
    version: s.version,
  };
}

export async function listSessions(database: Database, actor: Actor, cycleId?: string) {
  const rows = await database.db
    .select()
    .from(auctionSessions)
    .where(
      and(
        eq(auctionSessions.regionId, actor.regionId),
        cycleId ? eq(auctionSessions.cycleId, cycleId) : undefined,
        readScope(actor),
      ),
    )
    .orderBy(asc(auctionSessions.date), asc(auctionSessions.title));
  return Promise.all(rows.map((s) => toDto(database.db, actor, s)));
}

async function loadRow(db: DbOrTx, actor: Actor, id: string) {
  const [s] = await db
    .select()
    .from(auctionSessions)
    .where(and(eq(auctionSessions.regionId, actor.regionId), eq(auctionSessions.id, id), readScope(actor)));
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

export async function getSession(db: DbOrTx, actor: Actor, id: string) {
  return toDto(db, actor, await loadRow(db, actor, id));
}

type Input = Omit<z.infer<typeof createSessionBody>, 'cycleId'>;

/** Panel, chair, date and agenda against the region's data; every problem with its field. */
async function check(tx: Tx, actor: Actor, cycleId: string, input: Input, sessionId: string | null) {
  const problems: FieldError[] = [];
  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.regionId, actor.regionId), eq(cycles.id, cycleId)));
  if (!cycle) throw validation([{ path: 'cycleId', message: 'Siklus tidak ditemukan' }]);
  const phases = cycle.phases as { sessionsStart: string; sessionsEnd: string };
  if (input.date < phases.sessionsStart || input.date > phases.sessionsEnd) {
    problems.push({
      path: 'date',
      message: `Tanggal sidang harus di antara ${phases.sessionsStart} dan ${phases.sessionsEnd}`,
    });
  }
  const holders = async (role: string, ids: string[]) =>
    new Set(
      ids.length === 0
        ? []
        : (
            await tx
              .select({ id: users.id })
              .from(users)
              .innerJoin(
                userRoles,
                and(eq(userRoles.regionId, users.regionId), eq(userRoles.userId, users.id)),
              )
              .where(
                and(
                  eq(users.regionId, actor.regionId),
                  inArray(users.id, ids),
                  eq(users.active, true),
                  eq(userRoles.role, role),
                ),
              )
          ).map((r) => r.id),
    );
  const panelists = await holders('panelist', input.panelUserIds);
  input.panelUserIds.forEach((id, i) => {
    if (!panelists.has(id))
      problems.push({
        path: `panelUserIds.${i}`,
        message: 'Anggota panel harus pengguna aktif dengan peran Panelis',
      });
  });
  if (new Set(input.panelUserIds).size !== input.panelUserIds.length)
    problems.push({ path: 'panelUserIds', message: 'Panelis ganda' });
  if (input.chairUserId && !(await holders('head_of_region', [input.chairUserId])).has(input.chairUserId)) {
    problems.push({ path: 'chairUserId', message: 'Ketua sidang harus pengguna dengan peran Kepala Daerah' });
  }
  if (new Set(input.proposalIds).size !== input.proposalIds.length)
    problems.push({ path: 'proposalIds', message: 'Usulan ganda dalam agenda' });
  const found =
    input.proposalIds.length === 0
      ? []
      : await tx
          .select({
            id: proposals.id,
            status: proposals.status,
            cycleId: proposals.cycleId,
            sessionId: sessionAgenda.sessionId,
          })
          .from(proposals)
          .leftJoin(
            sessionAgenda,
            and(eq(sessionAgenda.regionId, proposals.regionId), eq(sessionAgenda.proposalId, proposals.id)),
          )
          .where(and(eq(proposals.regionId, actor.regionId), inArray(proposals.id, input.proposalIds)));
  const byId = new Map(found.map((f) => [f.id, f]));
  input.proposalIds.forEach((id, i) => {
    const p = byId.get(id);
    if (!p || p.cycleId !== cycleId)
      problems.push({ path: `proposalIds.${i}`, message: 'Usulan tidak ditemukan pada siklus ini' });
    else if (p.sessionId && p.sessionId !== sessionId)
      problems.push({ path: `proposalIds.${i}`, message: 'Usulan sudah dijadwalkan di sidang lain' });
    else if (!p.sessionId && p.status !== 'submitted')
      problems.push({
        path: `proposalIds.${i}`,
        message: 'Hanya usulan yang sudah diajukan yang dapat dijadwalkan',
      });
  });
  if (sessionId) {
    const current = await tx
      .select({ proposalId: sessionAgenda.proposalId })
      .from(sessionAgenda)
      .where(and(eq(sessionAgenda.regionId, actor.regionId), eq(sessionAgenda.sessionId, sessionId)));
    if (current.some((c) => !input.proposalIds.includes(c.proposalId))) {
      problems.push({
        path: 'proposalIds',
        message: 'Usulan yang sudah diagendakan tidak dapat dikeluarkan dari sidang',
      });
    }
  }
  if (problems.length) throw validation(problems);
  return found;
}

/** Writes panel and agenda; proposals new to the agenda move from submitted to in_session. */
async function writeMembers(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  input: Input,
  found: { id: string; sessionId: string | null }[],
) {
  await tx
    .delete(sessionPanelists)
    .where(and(eq(sessionPanelists.regionId, actor.regionId), eq(sessionPanelists.sessionId, sessionId)));
  await tx
    .insert(sessionPanelists)
    .values(input.panelUserIds.map((userId) => ({ regionId: actor.regionId, sessionId, userId })));
  await tx
    .delete(sessionAgenda)
    .where(and(eq(sessionAgenda.regionId, actor.regionId), eq(sessionAgenda.sessionId, sessionId)));
  if (input.proposalIds.length) {
    await tx.insert(sessionAgenda).values(
      input.proposalIds.map((proposalId, i) => ({
        regionId: actor.regionId,
        sessionId,
        proposalId,
        position: i + 1,
      })),
    );
  }
  const fresh = found.filter((f) => !f.sessionId).map((f) => f.id);
  for (const id of fresh) {
    const moved = transition(
      'submitted',
      'schedule',
      actor.roles.map((r) => r.role),
    );
    if (!moved.ok) throw new AppError('FORBIDDEN', moved.message);
    await tx
      .update(proposals)
      .set({ status: moved.to, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(
        and(eq(proposals.regionId, actor.regionId), eq(proposals.id, id), eq(proposals.status, 'submitted')),
      );
  }
  return fresh;
}

export async function createSession(
  database: Database,
  actor: Actor,
  input: z.infer<typeof createSessionBody>,
) {
  return database.db.transaction(async (tx) => {
    const found = await check(tx, actor, input.cycleId, input, null);
    const [row] = await tx
      .insert(auctionSessions)
      .values({
        regionId: actor.regionId,
        cycleId: input.cycleId,
        title: input.title,
        date: input.date,
        place: input.place,
        chairUserId: input.chairUserId ?? null,
      })
      .returning();
    const scheduled = await writeMembers(tx, actor, row.id, input, found);
    const dto = await toDto(tx, actor, row);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'session.create',
      entityType: 'auction_session',
      entityId: row.id,
      summary: `Sidang "${row.title}" dijadwalkan ${row.date} di ${row.place} (${scheduled.length} usulan)`,
      after: dto,
    });
    return dto;
  });
}

export async function updateSession(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateSessionBody>,
) {
  return database.db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    const editable = transitionSession(row.status as SessionState, 'edit', roleNames(actor));
    if (!editable.ok) throw new AppError('CONFLICT', editable.message);
    const before = await toDto(tx, actor, row);
    const found = await check(tx, actor, row.cycleId, input, id);
    await updateVersioned(
      tx,
      auctionSessions,
      { regionId: actor.regionId, id, version: input.version },
      {
        title: input.title,
        date: input.date,
        place: input.place,
        chairUserId: input.chairUserId ?? null,
      },
    );
    await writeMembers(tx, actor, id, input, found);
    const after = await getSession(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'session.update',
      entityType: 'auction_session',
      entityId: id,
      summary: `Sidang "${after.title}" diubah`,
      before,
      after,
    });
    return after;
  });
}

const sessionVerbs: Record<Exclude<SessionAction, 'edit'>, string> = {
  open: 'dibuka: penilaian dimulai',
  close: 'selesai: semua usulan pada agenda sudah dinilai',
  cancel: 'dibatalkan',
};

/**
 * The chair (head of region) or the admin opens a scheduled session: panelists may score from now on
 * and the panel and agenda are fixed. A session with an empty agenda is not opened.
 */
export async function openSession(database: Database, actor: Actor, id: string, version: number) {
  return database.db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    if (row.version !== version) throw new AppError('VERSION_CONFLICT');
    const roles = openerRoles(actor, row);
    if (
      hasRole(actor, 'head_of_region') &&
      !roles.includes('region_admin') &&
      !roles.includes('head_of_region')
    )
      throw new AppError('FORBIDDEN', 'Sidang ini dibuka oleh ketua sidangnya atau Admin Daerah');
    const moved = transitionSession(row.status as SessionState, 'open', roles);
    if (!moved.ok) throw new AppError('CONFLICT', moved.message);
    const [{ items }] = await tx
      .select({ items: sql<number>`count(*)::int` })
      .from(sessionAgenda)
      .where(and(eq(sessionAgenda.regionId, actor.regionId), eq(sessionAgenda.sessionId, id)));
    if (items === 0)
      throw new AppError('CONFLICT', 'Agenda sidang masih kosong: tambahkan usulan sebelum membuka sidang');
    await updateVersioned(
      tx,
      auctionSessions,
      { regionId: actor.regionId, id, version },
      { status: moved.to },
    );
    await appendAudit(tx, actor.regionId, actor, {
      action: 'session.open',
      entityType: 'auction_session',
      entityId: id,
      summary: `Sidang "${row.title}" ${sessionVerbs.open}`,
      before: { status: row.status },
      after: { status: moved.to },
    });
    return getSession(tx, actor, id);
  });
}

/**
 * The admin cancels a session that has not been opened, with a reason: its proposals go back to
 * "submitted" and leave the agenda, to be scheduled in another session.
 */
export async function cancelSession(
  database: Database,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
) {
  return database.db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const moved = transitionSession(row.status as SessionState, 'cancel', roleNames(actor), {
      reason: input.reason,
    });
    if (!moved.ok) throw new AppError('CONFLICT', moved.message);
    const agenda = await tx
      .select({ proposalId: sessionAgenda.proposalId, status: proposals.status })
      .from(sessionAgenda)
      .innerJoin(
        proposals,
        and(eq(proposals.regionId, sessionAgenda.regionId), eq(proposals.id, sessionAgenda.proposalId)),
      )
      .where(and(eq(sessionAgenda.regionId, actor.regionId), eq(sessionAgenda.sessionId, id)));
    for (const a of agenda) {
      const back = transition(a.status as ProposalStatus, 'unschedule', roleNames(actor));
      if (!back.ok) throw new AppError('CONFLICT', back.message);
      await tx
        .update(proposals)
        .set({ status: back.to, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
        .where(and(eq(proposals.regionId, actor.regionId), eq(proposals.id, a.proposalId)));
    }
    await tx
      .delete(sessionAgenda)
      .where(and(eq(sessionAgenda.regionId, actor.regionId), eq(sessionAgenda.sessionId, id)));
    await updateVersioned(
      tx,
      auctionSessions,
      { regionId: actor.regionId, id, version: input.version },
      { status: moved.to, cancelReason: input.reason },
    );
    await appendAudit(tx, actor.regionId, actor, {
      action: 'session.cancel',
      entityType: 'auction_session',
      entityId: id,
      summary: `Sidang "${row.title}" ${sessionVerbs.cancel}: ${input.reason}`,
      before: { status: row.status, agenda: agenda.map((a) => a.proposalId) },
      after: { status: moved.to, reason: input.reason },
    });
    return getSession(tx, actor, id);
  });
}

/** The platform closes an open session once no proposal on its agenda is still being scored. */
export async function closeSessionIfDone(tx: Tx, regionId: string, sessionId: string) {
  const [s] = await tx
    .select()
    .from(auctionSessions)
    .where(and(eq(auctionSessions.regionId, regionId), eq(auctionSessions.id, sessionId)));
  const [{ pending }] = await tx
    .select({ pending: sql<number>`count(*)::int` })
    .from(sessionAgenda)
    .innerJoin(
      proposals,
      and(eq(proposals.regionId, sessionAgenda.regionId), eq(proposals.id, sessionAgenda.proposalId)),
    )
    .where(
      and(
        eq(sessionAgenda.regionId, regionId),
        eq(sessionAgenda.sessionId, sessionId),
        eq(proposals.status, 'in_session'),
      ),
    );
  const moved = transitionSession(s.status as SessionState, 'close', ['system'], {
    allScored: pending === 0,
  });
  if (!moved.ok) return;
  await tx
    .update(auctionSessions)
    .set({ status: moved.to, version: sql`${auctionSessions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(auctionSessions.regionId, regionId), eq(auctionSessions.id, sessionId)));
  await appendAudit(tx, regionId, null, {
    action: 'session.close',
    entityType: 'auction_session',
    entityId: sessionId,
    summary: `Sidang "${s.title}" ${sessionVerbs.close}`,
    before: { status: s.status },
    after: { status: moved.to },
  });
}
