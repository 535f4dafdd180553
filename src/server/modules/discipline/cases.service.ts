import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  caseListQuery,
  RewardDto,
  RewardRow,
  rewardTransitionBody,
  SanctionDto,
  SanctionRow,
  sanctionTransitionBody,
} from '../../../contract/discipline.js';
import type { Config } from '../../config.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  caseEvents,
  civilServants,
  evidenceFiles,
  notifications,
  regions,
  rewards,
  sanctionDays,
  sanctions,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { localDay } from '../../platform/calendar.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { readEvidence } from '../../platform/evidence.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { excusesByCivilServant } from '../attendance/excuses.service.js';
import { loadCalendar } from '../monitoring/calendar.service.js';
import { insertEvidenceRow, withStoredEvidence } from '../monitoring/evidence.service.js';
import { parsePeriodKey } from '../monitoring/periods.domain.js';
import type { WorkingCalendar } from '../monitoring/working-days.domain.js';
import { certificatePdf, decreePdf, type DocumentRegion } from './documents.js';
import { formatDay } from './lateness.domain.js';
import { describeFact, type HitFact } from './rules.domain.js';
import {
  appealDeadline,
  DEFAULT_APPEAL_WINDOW_DAYS,
  servingDayOn,
  servingDays,
  type ServingPlan,
} from './sanction-calendar.domain.js';
import {
  availableRewardEvents,
  availableSanctionEvents,
  transitionReward,
  transitionSanction,
  type Refusal,
  type RewardEvent,
  type RewardState,
  type SanctionContext,
  type SanctionEvent,
  type SanctionState,
} from './sanction.domain.js';

/**
 * Sanctions and rewards after the evaluation proposed them (issue 5 items 6-8): who sees which case,
 * the due-process transitions (sanction.domain.ts decides; this module records dates, reasons, the
 * decree number, the history, the notifications and the audit), appeal evidence, the decree and
 * certificate PDFs, and the platform's daily moves (activation after the appeal window or the decision,
 * completion after the last serving day). Reading a sanction is audited.
 */

/** Roles that see every case of the region. */
export const CASE_READERS = ['region_admin', 'head_of_region', 'hr_officer', 'verifier'] as const;
const none = '00000000-0000-0000-0000-000000000000';

type SanctionRowDb = typeof sanctions.$inferSelect;
type RewardRowDb = typeof rewards.$inferSelect;

async function regionOf(db: DbOrTx, regionId: string) {
  const [r] = await db.select().from(regions).where(eq(regions.id, regionId));
  return r;
}

async function civilServantOf(db: DbOrTx, actor: Actor): Promise<string | null> {
  const [u] = await db
    .select({ cs: users.civilServantId })
    .from(users)
    .where(and(eq(users.regionId, actor.regionId), eq(users.id, actor.userId)));
  return u?.cs ?? null;
}

/** The cases the actor may read: all, or their own (and, for a unit head, the unit's). */
async function scopeOf(
  db: DbOrTx,
  actor: Actor,
  t: typeof sanctions | typeof rewards,
  mine = false,
): Promise<SQL | undefined> {
  const own = [eq(t.subjectUserId, actor.userId)];
  const cs = await civilServantOf(db, actor);
  if (cs) own.push(eq(t.civilServantId, cs));
  if (mine) return or(...own);
  if (hasRole(actor, ...CASE_READERS)) return undefined;
  const units = actor.roles.filter((r) => r.role === 'opd_head' && r.workUnitId).map((r) => r.workUnitId!);
  if (units.length) own.push(inArray(t.workUnitId, units));
  return or(...own);
}

function caseWhere(
  t: typeof sanctions | typeof rewards,
  actor: Actor,
  q: z.infer<typeof caseListQuery>,
  scope: SQL | undefined,
) {
  const search = q.q?.trim();
  return and(
    eq(t.regionId, actor.regionId),
    scope,
    q.state ? eq(t.state, q.state) : undefined,
    q.ruleCode ? eq(t.ruleCode, q.ruleCode) : undefined,
    q.workUnitId ? eq(t.workUnitId, q.workUnitId) : undefined,
    // A year finds its months, quarters and the year itself.
    q.periodKey
      ? /^\d{4}$/.test(q.periodKey)
        ? sql`${t.periodKey} like ${`${q.periodKey}%`}`
        : eq(t.periodKey, q.periodKey)
      : undefined,
    search
      ? or(ilike(t.subjectName, likePattern(search)), ilike(civilServants.nip, likePattern(search)))
      : undefined,
  );
}

const periodLabel = (key: string) => parsePeriodKey(key)?.label ?? key;

function subjectOf(r: SanctionRowDb | RewardRowDb, unitName: string, nip: string | null) {
  return {
    kind: r.subjectKind as SanctionRow['subject']['kind'],
    name: r.subjectName,
    nip,
    workUnitId: r.workUnitId,
    workUnitName: unitName,
    civilServantId: r.civilServantId,
  };
}

/** The columns every case row shows, sanction or reward (`caseColumns` of the schema). */
function caseRow(r: SanctionRowDb | RewardRowDb, unitName: string, nip: string | null) {
  return {
    id: r.id,
    ruleCode: r.ruleCode,
    ruleVersion: r.ruleVersion,
    ruleName: r.ruleName,
    periodKey: r.periodKey,
    periodLabel: periodLabel(r.periodKey),
    subject: subjectOf(r, unitName, nip),
    summary: r.summary,
    proposedAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

function sanctionRow(r: SanctionRowDb, unitName: string, nip: string | null): SanctionRow {
  return {
    ...caseRow(r, unitName, nip),
    state: r.state as SanctionState,
    label: r.label,
    workingDays: r.workingDays,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    appealDeadline: r.appealDeadline,
  };
}

function rewardRow(r: RewardRowDb, unitName: string, nip: string | null): RewardRow {
  return {
    ...caseRow(r, unitName, nip),
    state: r.state as RewardState,
    certificateText: r.certificateText,
    certificateNumber: r.certificateNumber,
    grantedOn: r.grantedOn,
  };
}

/**
 * Sanctions and rewards share their case columns (`caseColumns` of the schema) and are listed and
 * loaded alike: one query for both, the table typed as the sanctions' (only shared columns are used),
 * the row mapped by the caller's mapper.
 */
type CaseTable = typeof sanctions | typeof rewards;

function selectCases(db: DbOrTx, t: CaseTable) {
  const c = t as typeof sanctions;
  return db
    .select({ s: c, unit: workUnits.name, nip: civilServants.nip })
    .from(c)
    .innerJoin(workUnits, and(eq(workUnits.regionId, c.regionId), eq(workUnits.id, c.workUnitId)))
    .leftJoin(
      civilServants,
      and(eq(civilServants.regionId, c.regionId), eq(civilServants.id, c.civilServantId)),
    )
    .$dynamic();
}

async function listCases<Db, Row>(
  db: DbOrTx,
  actor: Actor,
  q: z.infer<typeof caseListQuery>,
  t: CaseTable,
  toRow: (r: Db, unitName: string, nip: string | null) => Row,
) {
  const c = t as typeof sanctions;
  const where = caseWhere(c, actor, q, await scopeOf(db, actor, c, q.mine));
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(c)
    .leftJoin(
      civilServants,
      and(eq(civilServants.regionId, c.regionId), eq(civilServants.id, c.civilServantId)),
    )
    .where(where);
  const rows = await selectCases(db, c)
    .where(where)
    .orderBy(desc(c.createdAt), asc(c.subjectName))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return {
    items: rows.map((r) => toRow(r.s as unknown as Db, r.unit, r.nip)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function loadCase<Db>(db: DbOrTx, actor: Actor, t: CaseTable, id: string, missing: string) {
  const c = t as typeof sanctions;
  const [row] = await selectCases(db, c).where(
    and(eq(c.regionId, actor.regionId), eq(c.id, id), await scopeOf(db, actor, c)),
  );
  if (!row) throw notFound(missing);
  return { s: row.s as unknown as Db, unit: row.unit, nip: row.nip };
}

export const listSanctions = (db: DbOrTx, actor: Actor, q: z.infer<typeof caseListQuery>) =>
  listCases(db, actor, q, sanctions, sanctionRow);
export const listRewards = (db: DbOrTx, actor: Actor, q: z.infer<typeof caseListQuery>) =>
  listCases(db, actor, q, rewards, rewardRow);
const loadSanction = (db: DbOrTx, actor: Actor, id: string) =>
  loadCase<SanctionRowDb>(db, actor, sanctions, id, 'Sanksi tidak ditemukan');
const loadReward = (db: DbOrTx, actor: Actor, id: string) =>
  loadCase<RewardRowDb>(db, actor, rewards, id, 'Penghargaan tidak ditemukan');

// ---------------------------------------------------------------------------------------------------
// Serving plan

/** The day a sanction became final: the appeal decision, or the end of the appeal window. */
export function finalDayOf(s: Pick<SanctionRowDb, 'decidedOn' | 'appealDeadline' | 'state'>): string | null {
  if (s.decidedOn && s.state !== 'revoked') return s.decidedOn;
  return s.appealDeadline;
}

/** The serving plan of a sanction (days excused, days recorded as not served added at the end). */
export async function planOf(
  db: DbOrTx,
  regionId: string,
  s: SanctionRowDb,
  calendar: WorkingCalendar,
  days?: (typeof sanctionDays.$inferSelect)[],
): Promise<ServingPlan | null> {
  const finalOn = finalDayOf(s);
  if (!finalOn) return null;
  const recorded =
    days ??
    (await db
      .select()
      .from(sanctionDays)
      .where(and(eq(sanctionDays.regionId, regionId), eq(sanctionDays.sanctionId, s.id))));
  const far = `${Number(finalOn.slice(0, 4)) + 1}-12-31`;
  const excuses = s.civilServantId
    ? ((await excusesByCivilServant(db, regionId, finalOn, far)).get(s.civilServantId) ?? [])
    : [];
  return servingDays({
    calendar,
    finalOn,
    length: s.workingDays,
    excuses,
    missedDays: recorded.filter((d) => d.served === false).map((d) => d.day),
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading

async function namesOf(db: DbOrTx, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function historyOf(db: DbOrTx, regionId: string, type: 'sanction' | 'reward', id: string) {
  const rows = await db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.regionId, regionId), eq(caseEvents.caseType, type), eq(caseEvents.caseId, id)))
    .orderBy(asc(caseEvents.at));
  const names = await namesOf(
    db,
    rows.map((r) => r.actorUserId),
  );
  return rows.map((r) => ({
    event: r.event,
    fromState: r.fromState,
    toState: r.toState,
    actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : 'Sistem',
    reason: r.reason,
    at: r.at.toISOString(),
  }));
}

function sanctionContext(
  actor: Actor | null,
  s: SanctionRowDb,
  today: string,
  calendar: WorkingCalendar,
  windowDays: number,
  reason?: string | null,
): SanctionContext {
  return {
    actor: actor
      ? { kind: 'user', userId: actor.userId, roles: actor.roles.map((r) => r.role) }
      : { kind: 'system' },
    proposerId: s.proposedBy,
    subjectUserId: s.subjectUserId,
    reason: reason ?? null,
    today,
    calendar,
    appealWindowDays: windowDays,
    notifiedOn: s.notifiedOn,
    decidedOn: s.decidedOn,
    servingEndsOn: s.endsOn,
  };
}

/** The appeal window of the region (working days), from its settings; default 3. */
function appealWindowOf(settings: unknown): number {
  const n = (settings as { appealWindowDays?: unknown } | null)?.appealWindowDays;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 30 ? n : DEFAULT_APPEAL_WINDOW_DAYS;
}

async function sanctionDto(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<SanctionDto> {
  const { s, unit, nip } = await loadSanction(db, actor, id);
  const region = await regionOf(db, actor.regionId);
  const today = localDay(now, region.timezone);
  const calendar = await loadCalendar(db, actor.regionId);
  const days = await db
    .select()
    .from(sanctionDays)
    .where(and(eq(sanctionDays.regionId, actor.regionId), eq(sanctionDays.sanctionId, s.id)));
  const plan =
    ['upheld', 'active', 'completed'].includes(s.state) || (s.state === 'notified' && s.appealDeadline)
      ? await planOf(db, actor.regionId, s, calendar, days)
      : null;
  const byDay = new Map(days.map((d) => [d.day, d]));
  const files = await db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.regionId, actor.regionId),
        eq(evidenceFiles.ownerType, 'sanction_appeal'),
        eq(evidenceFiles.ownerId, s.id),
      ),
    )
    .orderBy(asc(evidenceFiles.createdAt));
  const names = await namesOf(db, [s.approvedBy, s.proposedBy, s.decidedBy]);
  let repeatOf: SanctionDto['repeatOf'] = null;
  if (s.repeatOf) {
    const [p] = await db
      .select({ id: sanctions.id, decreeNumber: sanctions.decreeNumber })
      .from(sanctions)
      .where(and(eq(sanctions.regionId, actor.regionId), eq(sanctions.id, s.repeatOf)));
    repeatOf = p ?? null;
  }
  const ctx = sanctionContext(actor, s, today, calendar, appealWindowOf(region.settings));
  const events = availableSanctionEvents(s.state as SanctionState, ctx).filter(
    (e) => !['notify', 'activate', 'complete'].includes(e),
  );
  const isSubject = s.subjectUserId === actor.userId;
  return {
    ...sanctionRow(s, unit, nip),
    legalBasis: s.legalBasis,
    facts: (s.facts as HitFact[]).map(describeFact),
    baseWorkingDays: s.baseWorkingDays,
    repeatOf,
    decreeNumber: s.decreeNumber,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    approvedByName: s.approvedBy ? (names.get(s.approvedBy) ?? null) : null,
    proposedByName: s.proposedBy ? (names.get(s.proposedBy) ?? null) : 'Sistem (terjadwal)',
    notifiedOn: s.notifiedOn,
    appealReason: s.appealReason,
    appealedAt: s.appealedAt?.toISOString() ?? null,
    appealFiles: files.map((f) => ({
      id: f.id,
      name: f.originalName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      uploadedAt: f.createdAt.toISOString(),
    })),
    decisionReason: s.decisionReason,
    decidedOn: s.decidedOn,
    decidedByName: s.decidedBy ? (names.get(s.decidedBy) ?? null) : null,
    closeReason: s.closeReason,
    servingDays: plan
      ? plan.days.map((d) => {
          const rec = byDay.get(d.date);
          return {
            date: d.date,
            index: servingDayOn(plan, d.date)!.index,
            missed: d.missed,
            served: rec?.served ?? null,
            vestIssuedAt: rec?.vestIssuedAt?.toISOString() ?? null,
            vestReturnedAt: rec?.vestReturnedAt?.toISOString() ?? null,
          };
        })
      : [],
    history: await historyOf(db, actor.regionId, 'sanction', s.id),
    events,
    canAddAppealFiles:
      isSubject &&
      ((s.state === 'notified' && events.includes('appeal')) || (s.state === 'appealed' && !s.decidedOn)),
  };
}

/** One sanction; the reading is written to the audit trail (personal data). */
export async function getSanction(database: Database, actor: Actor, id: string, now = new Date()) {
  return database.db.transaction(async (tx) => {
    const dto = await sanctionDto(tx, actor, id, now);
    await appendAudit(
      tx,
      actor.regionId,
      actor,
      {
        action: 'sanction.read',
        entityType: 'sanction',
        entityId: id,
        summary: `Sanksi ${dto.ruleCode} atas ${dto.subject.name} dibaca`,
      },
      now,
    );
    return dto;
  });
}

async function rewardDto(db: DbOrTx, actor: Actor, id: string): Promise<RewardDto> {
  const { s, unit, nip } = await loadReward(db, actor, id);
  const names = await namesOf(db, [s.approvedBy, s.proposedBy]);
  const events = availableRewardEvents(s.state as RewardState, {
    actor: { kind: 'user', userId: actor.userId, roles: actor.roles.map((r) => r.role) },
    proposerId: s.proposedBy,
    subjectUserId: s.subjectUserId,
  }).filter((e) => e !== 'grant');
  return {
    ...rewardRow(s, unit, nip),
    legalBasis: s.legalBasis,
    facts: (s.facts as HitFact[]).map(describeFact),
    approvedAt: s.approvedAt?.toISOString() ?? null,
    approvedByName: s.approvedBy ? (names.get(s.approvedBy) ?? null) : null,
    proposedByName: s.proposedBy ? (names.get(s.proposedBy) ?? null) : 'Sistem (terjadwal)',
    closeReason: s.closeReason,
    history: await historyOf(db, actor.regionId, 'reward', s.id),
    events,
  };
}

export const getReward = (db: DbOrTx, actor: Actor, id: string) => rewardDto(db, actor, id);

// ---------------------------------------------------------------------------------------------------
// Transitions

async function recordEvent(
  tx: Tx,
  regionId: string,
  type: 'sanction' | 'reward',
  id: string,
  event: string,
  from: string | null,
  to: string,
  actorId: string | null,
  reason: string | null,
  now: Date,
) {
  await tx.insert(caseEvents).values({
    regionId,
    caseType: type,
    caseId: id,
    event,
    fromState: from,
    toState: to,
    actorUserId: actorId,
    reason,
    at: now,
  });
}

async function notifyUser(
  tx: Tx,
  regionId: string,
  userId: string | null,
  n: { title: string; body: string; link: string; dedupeKey: string },
) {
  if (!userId) return;
  await tx
    .insert(notifications)
    .values({ regionId, userId, kind: 'discipline', ...n })
    .onConflictDoNothing();
}

/**
 * The next decree (SK) or certificate (piagam) number of the region's year: `800/0007/SK-ROMPI/2026`.
 * A transaction-scoped advisory lock per region, kind and year serializes two approvals at the same
 * moment (the second waits for the first to commit and then sees its number); the unique indexes on
 * the numbers are the last guard. The running number is the highest of the year plus one.
 */
async function nextNumber(tx: Tx, regionId: string, kind: 'decree' | 'certificate', day: string) {
  const year = day.slice(0, 4);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${kind}-number:${regionId}:${year}`}))`);
  const column = kind === 'decree' ? sanctions.decreeNumber : rewards.certificateNumber;
  const table = kind === 'decree' ? sanctions : rewards;
  const [{ last }] = await tx
    .select({ last: sql<number | null>`max(split_part(${column}, '/', 2)::int)` })
    .from(table)
    .where(and(eq(table.regionId, regionId), sql`${column} like ${`800/%/${year}`}`));
  const seq = String((last ?? 0) + 1).padStart(4, '0');
  return kind === 'decree' ? `800/${seq}/SK-ROMPI/${year}` : `800/${seq}/PIAGAM/${year}`;
}

/**
 * A refusal of the machine: who may not act answers 403, a missing reason 400 on the field, a state or
 * date that does not allow it 409.
 */
const refuse = (moved: { reason: string; refusal: Refusal }) =>
  moved.refusal === 'forbidden'
    ? new AppError('FORBIDDEN', moved.reason)
    : moved.refusal === 'reason'
      ? fieldError('reason', moved.reason)
      : new AppError('CONFLICT', moved.reason);

/**
 * Moves a sanction by a user's event. Approving also notifies the subject (with the facts, the legal
 * basis and the appeal deadline) and numbers the decree; upholding fixes the serving days.
 */
export async function transitionSanctionCase(
  database: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof sanctionTransitionBody>,
  now = new Date(),
): Promise<SanctionDto> {
  const reason = body.reason?.trim() || null;
  await database.db.transaction(async (tx) => {
    const { s } = await loadSanction(tx, actor, id);
    if (s.version !== body.version)
      throw new AppError('VERSION_CONFLICT', 'Sanksi ini sudah berubah. Muat ulang halaman lalu ulangi.');
    const region = await regionOf(tx, actor.regionId);
    const today = localDay(now, region.timezone);
    const calendar = await loadCalendar(tx, actor.regionId);
    const windowDays = appealWindowOf(region.settings);
    const event = body.event as SanctionEvent;
    if (['notify', 'activate', 'complete'].includes(event))
      throw new AppError('FORBIDDEN', 'Langkah ini dijalankan oleh sistem');
    const moved = transitionSanction(
      s.state as SanctionState,
      event,
      sanctionContext(actor, s, today, calendar, windowDays, reason),
    );
    if (!moved.ok) throw refuse(moved);
    const set: Partial<typeof sanctions.$inferInsert> = { state: moved.next, updatedAt: now };
    let finalState: string = moved.next;
    switch (event) {
      case 'approve': {
        set.approvedBy = actor.userId;
        set.approvedAt = now;
        set.decreeNumber = await nextNumber(tx, actor.regionId, 'decree', today);
        // The subject is notified at once with the facts and the legal basis; the window starts today.
        set.state = finalState = 'notified';
        set.notifiedOn = today;
        set.appealDeadline = appealDeadline(calendar, today, windowDays);
        break;
      }
      case 'reject':
      case 'cancel':
        set.closeReason = reason;
        set.closedBy = actor.userId;
        set.closedAt = now;
        break;
      case 'appeal':
        set.appealReason = reason;
        set.appealedAt = now;
        break;
      case 'uphold':
      case 'revoke': {
        set.decisionReason = reason;
        set.decidedBy = actor.userId;
        set.decidedOn = today;
        if (event === 'uphold') {
          const plan = await planOf(
            tx,
            actor.regionId,
            { ...s, decidedOn: today, state: 'upheld' },
            calendar,
            [],
          );
          set.startsOn = plan!.start;
          set.endsOn = plan!.end;
        }
        break;
      }
    }
    const updated = await tx
      .update(sanctions)
      .set({ ...set, version: sql`${sanctions.version} + 1` })
      .where(
        and(eq(sanctions.regionId, actor.regionId), eq(sanctions.id, s.id), eq(sanctions.version, s.version)),
      )
      .returning({ id: sanctions.id });
    if (!updated.length)
      throw new AppError('VERSION_CONFLICT', 'Sanksi ini sudah berubah. Muat ulang halaman lalu ulangi.');
    await recordEvent(
      tx,
      actor.regionId,
      'sanction',
      s.id,
      event,
      s.state,
      moved.next,
      actor.userId,
      reason,
      now,
    );
    if (event === 'approve') {
      await recordEvent(
        tx,
        actor.regionId,
        'sanction',
        s.id,
        'notify',
        'approved',
        'notified',
        null,
        null,
        now,
      );
      await notifyUser(tx, actor.regionId, s.subjectUserId, {
        title: `Sanksi rompi "${s.label}" (${s.workingDays} hari kerja)`,
        body:
          `${s.ruleName}: ${s.summary}. Dasar hukum: ${s.legalBasis}. ` +
          `Anda dapat mengajukan keberatan sampai ${formatDay(set.appealDeadline!)}.`,
        link: `/disiplin/sanksi/${s.id}`,
        dedupeKey: `sanction:${s.id}:notified`,
      });
    }
    if (event === 'uphold' || event === 'revoke')
      await notifyUser(tx, actor.regionId, s.subjectUserId, {
        title:
          event === 'uphold'
            ? `Keberatan ditolak: sanksi "${s.label}" dikuatkan`
            : `Keberatan diterima: sanksi "${s.label}" dicabut`,
        body:
          event === 'uphold'
            ? `Alasan: ${reason}. Sanksi dijalani mulai ${formatDay(set.startsOn!)} sampai ${formatDay(set.endsOn!)}.`
            : `Alasan: ${reason}.`,
        link: `/disiplin/sanksi/${s.id}`,
        dedupeKey: `sanction:${s.id}:${event}`,
      });
    if (event === 'appeal')
      await notifyUser(tx, actor.regionId, s.approvedBy, {
        title: `Keberatan atas sanksi ${s.ruleCode}: ${s.subjectName}`,
        body: reason ?? '',
        link: `/disiplin/sanksi/${s.id}`,
        dedupeKey: `sanction:${s.id}:appealed`,
      });
    await appendAudit(
      tx,
      actor.regionId,
      actor,
      {
        action: `sanction.${event}`,
        entityType: 'sanction',
        entityId: s.id,
        summary: `Sanksi ${s.ruleCode} atas ${s.subjectName}: ${s.state} -> ${finalState}`,
        before: { state: s.state },
        after: { state: finalState, reason },
      },
      now,
    );
  });
  return sanctionDto(database.db, actor, id, now);
}

export async function transitionRewardCase(
  database: Database,
  actor: Actor,
  id: string,
  body: z.infer<typeof rewardTransitionBody>,
  now = new Date(),
): Promise<RewardDto> {
  const reason = body.reason?.trim() || null;
  await database.db.transaction(async (tx) => {
    const { s } = await loadReward(tx, actor, id);
    if (s.version !== body.version)
      throw new AppError(
        'VERSION_CONFLICT',
        'Penghargaan ini sudah berubah. Muat ulang halaman lalu ulangi.',
      );
    const region = await regionOf(tx, actor.regionId);
    const today = localDay(now, region.timezone);
    const event = body.event as RewardEvent;
    if (event === 'grant') throw new AppError('FORBIDDEN', 'Langkah ini dijalankan oleh sistem');
    const moved = transitionReward(s.state as RewardState, event, {
      actor: { kind: 'user', userId: actor.userId, roles: actor.roles.map((r) => r.role) },
      proposerId: s.proposedBy,
      subjectUserId: s.subjectUserId,
      reason,
    });
    if (!moved.ok) throw refuse(moved);
    const set: Partial<typeof rewards.$inferInsert> = { state: moved.next, updatedAt: now };
    let finalState: string = moved.next;
    if (event === 'approve') {
      // Approved rewards are granted at once: the certificate is numbered and can be printed.
      set.approvedBy = actor.userId;
      set.approvedAt = now;
      set.certificateNumber = await nextNumber(tx, actor.regionId, 'certificate', today);
      set.grantedOn = today;
      set.state = finalState = 'granted';
    } else {
      set.closeReason = reason;
      set.closedBy = actor.userId;
      set.closedAt = now;
    }
    const updated = await tx
      .update(rewards)
      .set({ ...set, version: sql`${rewards.version} + 1` })
      .where(and(eq(rewards.regionId, actor.regionId), eq(rewards.id, s.id), eq(rewards.version, s.version)))
      .returning({ id: rewards.id });
    if (!updated.length)
      throw new AppError(
        'VERSION_CONFLICT',
        'Penghargaan ini sudah berubah. Muat ulang halaman lalu ulangi.',
      );
    await recordEvent(
      tx,
      actor.regionId,
      'reward',
      s.id,
      event,
      s.state,
      moved.next,
      actor.userId,
      reason,
      now,
    );
    if (event === 'approve') {
      await recordEvent(tx, actor.regionId, 'reward', s.id, 'grant', 'approved', 'granted', null, null, now);
      await notifyUser(tx, actor.regionId, s.subjectUserId, {
        title: `Penghargaan: ${s.ruleName}`,
        body: `${s.certificateText}. Piagam dapat diunduh.`,
        link: `/disiplin/penghargaan/${s.id}`,
        dedupeKey: `reward:${s.id}:granted`,
      });
    }
    await appendAudit(
      tx,
      actor.regionId,
      actor,
      {
        action: `reward.${event}`,
        entityType: 'reward',
        entityId: s.id,
        summary: `Penghargaan ${s.ruleCode} untuk ${s.subjectName}: ${s.state} -> ${finalState}`,
        after: { state: finalState, reason },
      },
      now,
    );
  });
  return rewardDto(database.db, actor, id);
}

/**
 * The platform's moves due by the calendar: a notified sanction whose appeal window passed, and an
 * upheld one whose decision became final, become active (serving days fixed); an active one whose
 * last serving day passed is completed. Returns how many cases moved.
 */
export async function advanceSanctions(
  database: Database,
  regionId: string,
  now = new Date(),
): Promise<number> {
  return database.db.transaction(async (tx) => {
    const region = await regionOf(tx, regionId);
    const today = localDay(now, region.timezone);
    const calendar = await loadCalendar(tx, regionId);
    const windowDays = appealWindowOf(region.settings);
    const open = await tx
      .select()
      .from(sanctions)
      .where(
        and(eq(sanctions.regionId, regionId), inArray(sanctions.state, ['notified', 'upheld', 'active'])),
      );
    let moved = 0;
    for (const s of open) {
      const event: SanctionEvent = s.state === 'active' ? 'complete' : 'activate';
      const ctx = sanctionContext(null, s, today, calendar, windowDays);
      let plan: ServingPlan | null = null;
      if (s.state === 'active') {
        plan = await planOf(tx, regionId, s, calendar);
        ctx.servingEndsOn = plan?.end ?? null;
      }
      const r = transitionSanction(s.state as SanctionState, event, ctx);
      if (!r.ok) continue;
      const set: Partial<typeof sanctions.$inferInsert> = { state: r.next, updatedAt: now };
      if (event === 'activate') {
        plan = await planOf(tx, regionId, s, calendar);
        if (plan) {
          set.startsOn = plan.start;
          set.endsOn = plan.end;
        }
      } else set.closedAt = now;
      await tx
        .update(sanctions)
        .set({ ...set, version: sql`${sanctions.version} + 1` })
        .where(
          and(eq(sanctions.regionId, regionId), eq(sanctions.id, s.id), eq(sanctions.version, s.version)),
        );
      await recordEvent(tx, regionId, 'sanction', s.id, event, s.state, r.next, null, null, now);
      if (event === 'activate' && plan)
        await notifyUser(tx, regionId, s.subjectUserId, {
          title: `Sanksi rompi "${s.label}" berlaku`,
          body: `Rompi dipakai pada apel pagi mulai ${formatDay(plan.start)} sampai ${formatDay(plan.end)} (${s.workingDays} hari kerja).`,
          link: `/disiplin/sanksi/${s.id}`,
          dedupeKey: `sanction:${s.id}:active`,
        });
      moved++;
    }
    return moved;
  });
}

// ---------------------------------------------------------------------------------------------------
// Appeal evidence

export async function uploadAppealFile(
  database: Database,
  config: Config,
  actor: Actor,
  id: string,
  file: { name: string; data: Buffer },
  now = new Date(),
) {
  return withStoredEvidence(database, config, actor, file, async (tx, stored) => {
    const { s } = await loadSanction(tx, actor, id);
    if (s.subjectUserId !== actor.userId)
      throw new AppError('FORBIDDEN', 'Hanya ASN yang dikenai sanksi yang dapat melampirkan bukti keberatan');
    const region = await regionOf(tx, actor.regionId);
    const today = localDay(now, region.timezone);
    const open =
      (s.state === 'notified' && s.appealDeadline !== null && today <= s.appealDeadline) ||
      (s.state === 'appealed' && !s.decidedOn);
    if (!open)
      throw new AppError(
        'CONFLICT',
        s.appealDeadline && today > s.appealDeadline && s.state === 'notified'
          ? `Masa keberatan sudah berakhir pada ${formatDay(s.appealDeadline)}`
          : 'Bukti keberatan hanya dapat dilampirkan selama masa keberatan',
      );
    await insertEvidenceRow(tx, actor, { type: 'sanction_appeal', id: s.id, noun: 'keberatan' }, stored, now);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'sanction.appeal_file',
      entityType: 'sanction',
      entityId: s.id,
      summary: `Bukti keberatan ${stored.typeLabel} "${stored.name}" dilampirkan`,
      after: { evidenceId: stored.id, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return {
      id: stored.id,
      name: stored.name,
      contentType: stored.type,
      sizeBytes: stored.sizeBytes,
      uploadedAt: now.toISOString(),
    };
  });
}

export async function downloadAppealFile(
  database: Database,
  config: Config,
  actor: Actor,
  id: string,
  fileId: string,
) {
  const { s } = await loadSanction(database.db, actor, id);
  const [f] = await database.db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.regionId, actor.regionId),
        eq(evidenceFiles.id, fileId),
        eq(evidenceFiles.ownerType, 'sanction_appeal'),
        eq(evidenceFiles.ownerId, s.id),
      ),
    );
  if (!f) throw notFound('Berkas tidak ditemukan');
  const data = await readEvidence(config.EVIDENCE_DIR, actor.regionId, f.id).catch(() => {
    throw new AppError('NOT_FOUND', 'Berkas bukti tidak ditemukan di penyimpanan');
  });
  return { file: f, data };
}

// ---------------------------------------------------------------------------------------------------
// Documents

/** `Pemerintah Kota Malang` -> `Kota Malang`; the head's office `Wali Kota Malang`. */
export function documentRegion(
  r: { name: string; headTitle: string },
  headName: string | null,
): DocumentRegion {
  const place = r.name.replace(/^Pemerintah\s+/i, '');
  const bare = place.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, '');
  return { name: place, headTitle: `${r.headTitle} ${bare}`, headName };
}

export async function decreeFile(database: Database, actor: Actor, id: string) {
  const db = database.db;
  const { s, unit, nip } = await loadSanction(db, actor, id);
  if (!s.decreeNumber || !s.approvedBy)
    throw new AppError('CONFLICT', 'Surat keputusan tersedia setelah sanksi disetujui');
  const region = await regionOf(db, actor.regionId);
  const names = await namesOf(db, [s.approvedBy]);
  const approverName = names.get(s.approvedBy) ?? '-';
  const doc = documentRegion(region, approverName);
  let previous: string | null = null;
  if (s.repeatOf) {
    const [p] = await db
      .select({ n: sanctions.decreeNumber })
      .from(sanctions)
      .where(and(eq(sanctions.regionId, actor.regionId), eq(sanctions.id, s.repeatOf)));
    previous = p?.n ?? null;
  }
  const position =
    s.subjectKind === 'asn' ? `ASN ${unit}` : s.subjectKind === 'opd_head' ? `Kepala ${unit}` : unit;
  const data = await decreePdf({
    region: doc,
    number: s.decreeNumber,
    decidedOn: localDay(s.approvedAt!, region.timezone),
    subject: { name: s.subjectName, nip, position, workUnitName: unit },
    rule: { code: s.ruleCode, name: s.ruleName, legalBasis: s.legalBasis, version: s.ruleVersion },
    label: s.label,
    workingDays: s.workingDays,
    baseWorkingDays: s.baseWorkingDays,
    escalation:
      s.workingDays > s.baseWorkingDays
        ? { previousSanctionNumber: previous, factor: s.workingDays / s.baseWorkingDays }
        : null,
    facts: (s.facts as HitFact[]).map(describeFact),
    periodLabel: periodLabel(s.periodKey),
    appealWindowDays: appealWindowOf(region.settings),
    appealDeadline: s.appealDeadline,
    approver: { name: approverName, title: doc.headTitle },
    verifyUrl: null,
  });
  return { data, fileName: `SK-sanksi-${s.ruleCode}-${s.decreeNumber.replace(/\//g, '-')}.pdf` };
}

export async function certificateFile(database: Database, actor: Actor, id: string) {
  const db = database.db;
  const { s, unit, nip } = await loadReward(db, actor, id);
  if (!s.certificateNumber || !s.approvedBy)
    throw new AppError('CONFLICT', 'Piagam tersedia setelah penghargaan disetujui');
  const region = await regionOf(db, actor.regionId);
  const approverName = (await namesOf(db, [s.approvedBy])).get(s.approvedBy) ?? '-';
  const doc = documentRegion(region, approverName);
  const data = await certificatePdf({
    region: doc,
    number: s.certificateNumber,
    grantedOn: s.grantedOn ?? localDay(s.approvedAt!, region.timezone),
    recipient: {
      name: s.subjectName,
      nip,
      workUnitName: unit,
      kind: s.subjectKind as 'asn' | 'work_unit' | 'opd_head',
    },
    rule: { code: s.ruleCode, name: s.ruleName, legalBasis: s.legalBasis },
    text: s.certificateText,
    periodLabel: periodLabel(s.periodKey),
    approver: { name: approverName, title: doc.headTitle },
  });
  return { data, fileName: `piagam-${s.ruleCode}-${s.certificateNumber.replace(/\//g, '-')}.pdf` };
}
