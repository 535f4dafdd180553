import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  acceptBody,
  extensionBody,
  Negotiation,
  offerBody,
  refuseBody,
  TermsDto,
} from '../../../contract/agreements.js';
import type { ProposalStatus } from '../../../contract/proposals.js';
import type { DbOrTx, Tx, Database } from '../../db/client.js';
import {
  cycles,
  negotiationAnswers,
  negotiationRounds,
  proposals,
  regions,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { userNames } from '../users/user-names.js';
import { dayEnd, localDay } from '../../platform/calendar.js';
import { AppError, fieldError, validation } from '../../platform/errors.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { phaseInstants } from './cycles.service.js';
import {
  agreedTerms,
  appendRound,
  expire,
  offeredTerms,
  open,
  respond,
  stateOf,
  validateCounterOffer,
  type ClosingAnswer,
  type NegotiationIndicator,
  type NegotiationState,
  type Offer,
  type Side,
} from './negotiation.domain.js';
import { termsFromDraft, transition, type ProposalDraft } from './proposal.domain.js';
import { asDraft, loadRow } from './proposals.service.js';
import { headOf } from './proposals.policy.js';
import { createPact } from './pacts.service.js';
import { proposalAggregate } from './scoring.service.js';
import type { Terms } from './terms.js';

type Row = typeof proposals.$inferSelect;
type RoundRow = typeof negotiationRounds.$inferSelect;
type AnswerRow = typeof negotiationAnswers.$inferSelect;

/** Everything the negotiation of one proposal is made of, loaded once per request. */
export interface NegotiationContext {
  row: Row;
  draft: ProposalDraft;
  original: Terms;
  term: { startYear: number; endYear: number };
  /** The deadline that applies: the proposal's extension, else the cycle's. */
  deadline: Date;
  cycleDeadline: Date;
  timezone: string;
  startYear: number;
  rounds: RoundRow[];
  offers: Offer[];
  answer: AnswerRow | null;
  state: NegotiationState | null;
}

const toOffer = (r: RoundRow): Offer => ({
  round: r.round,
  by: r.side as Side,
  targets: r.targets as Offer['targets'],
  milestoneDeadlines: r.milestoneDeadlines as Offer['milestoneDeadlines'],
  reason: r.reason,
  createdAt: r.createdAt,
});

/** The side the actor speaks for on this proposal: the panel (head of region) or the lead unit's head. */
export function sidesOf(actor: Actor, leadUnitId: string): Side[] {
  const out: Side[] = [];
  if (hasRole(actor, 'head_of_region')) out.push('panel');
  if (headOf(actor, leadUnitId)) out.push('opd');
  return out;
}

/**
 * Loads the proposal (in the actor's read scope, 404 otherwise) and its negotiation. With `lock`, the
 * proposal row is locked for the rest of the transaction so that two answers to one offer queue up
 * and the second sees the first.
 */
export async function loadNegotiation(
  db: DbOrTx,
  actor: Actor,
  proposalId: string,
  lock = false,
): Promise<NegotiationContext> {
  const visible = await loadRow(db, actor, proposalId);
  let row = visible;
  if (lock) {
    [row] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.regionId, actor.regionId), eq(proposals.id, proposalId)))
      .for('update');
  }
  const [c] = await db
    .select({
      startYear: cycles.startYear,
      endYear: cycles.endYear,
      phases: cycles.phases,
      tz: regions.timezone,
    })
    .from(cycles)
    .innerJoin(regions, eq(regions.id, cycles.regionId))
    .where(and(eq(cycles.regionId, actor.regionId), eq(cycles.id, row.cycleId)));
  const phases = phaseInstants(c.phases as Parameters<typeof phaseInstants>[0], c.tz);
  const rounds = await db
    .select()
    .from(negotiationRounds)
    .where(and(eq(negotiationRounds.regionId, actor.regionId), eq(negotiationRounds.proposalId, proposalId)))
    .orderBy(asc(negotiationRounds.round));
  const [answer] = await db
    .select()
    .from(negotiationAnswers)
    .where(
      and(eq(negotiationAnswers.regionId, actor.regionId), eq(negotiationAnswers.proposalId, proposalId)),
    );
  const offers = rounds.map(toOffer);
  const draft = asDraft(row);
  return {
    row,
    draft,
    original: termsFromDraft(draft),
    term: { startYear: c.startYear, endYear: c.endYear },
    deadline: row.negotiationDeadline ? dayEnd(row.negotiationDeadline, c.tz) : phases.negotiationDeadline,
    cycleDeadline: phases.negotiationDeadline,
    timezone: c.tz,
    startYear: c.startYear,
    rounds,
    offers,
    answer: answer ?? null,
    state: stateOf(offers, answer ? { kind: answer.kind as 'accept' | 'refuse' | 'expire' } : null),
  };
}

const indicatorsOf = (draft: ProposalDraft): NegotiationIndicator[] =>
  draft.indicators.map((i) => ({
    key: i.key,
    name: i.name,
    polarity: i.polarity,
    baseline: i.baseline.value,
  }));

const termsDto = (t: Terms): TermsDto => ({
  targets: t.targets.map((x) => ({ ...x })),
  milestones: t.milestones.map((x) => ({ ...x })),
  budget: t.budget.map((x) => ({ ...x })),
});

async function toDto(db: DbOrTx, actor: Actor, ctx: NegotiationContext, now: Date): Promise<Negotiation> {
  const { row, draft, state } = ctx;
  const names = await userNames(db, actor.regionId, [
    ...ctx.rounds.map((r) => r.createdBy),
    ctx.answer?.createdBy ?? null,
  ]);
  const [unit] = await db
    .select({ name: workUnits.name })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.id, row.leadWorkUnitId)));
  const agg = await proposalAggregate(db, actor.regionId, row.id);
  const sides = sidesOf(actor, row.leadWorkUnitId);
  const status = row.status as ProposalStatus;
  const beforeDeadline = now <= ctx.deadline;
  const awaited = state === 'awaiting_opd' ? 'opd' : state === 'awaiting_panel' ? 'panel' : null;
  const panel = sides.includes('panel');
  const opd = sides.includes('opd');
  const agreed =
    state === 'accepted'
      ? agreedTerms(ctx.original, ctx.offers, [closing(ctx.answer as AnswerRow)])
      : status === 'agreed' || status === 'signed'
        ? ctx.original
        : null;
  return {
    proposalId: row.id,
    title: row.title,
    leadUnitId: row.leadWorkUnitId,
    leadUnitName: unit?.name ?? '',
    status,
    state,
    deadline: ctx.deadline.toISOString(),
    extension: row.negotiationDeadline
      ? { deadline: row.negotiationDeadline, reason: row.negotiationExtensionReason ?? '' }
      : null,
    term: ctx.term,
    score: agg?.complete ? agg.score : null,
    indicators: draft.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      unit: i.unit,
      polarity: i.polarity,
      baseline: { value: i.baseline.value, year: i.baseline.year, source: i.baseline.source },
    })),
    milestones: draft.milestones.map((m) => ({ key: m.key, title: m.title })),
    original: termsDto(ctx.original),
    rounds: ctx.rounds.map((r) => ({
      round: r.round,
      side: r.side as Side,
      targets: r.targets as TermsDto['targets'],
      milestoneDeadlines: r.milestoneDeadlines as TermsDto['milestones'],
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      createdByName: names.get(r.createdBy) ?? '',
    })),
    answer: ctx.answer
      ? {
          round: ctx.answer.round,
          side: ctx.answer.side as 'panel' | 'opd' | 'system',
          kind: ctx.answer.kind as 'accept' | 'refuse' | 'expire',
          reason: ctx.answer.reason,
          createdAt: ctx.answer.createdAt.toISOString(),
          createdByName: ctx.answer.createdBy ? (names.get(ctx.answer.createdBy) ?? null) : null,
        }
      : null,
    agreed: agreed ? termsDto(agreed) : null,
    can: {
      offer:
        panel &&
        beforeDeadline &&
        (status === 'scored' || (status === 'in_negotiation' && awaited === 'panel')),
      counter: opd && beforeDeadline && status === 'in_negotiation' && awaited === 'opd',
      accept: beforeDeadline && status === 'in_negotiation' && awaited !== null && sides.includes(awaited),
      refuse: opd && beforeDeadline && status === 'in_negotiation' && awaited === 'opd',
      agreeAsIs: panel && status === 'scored',
      extend:
        hasRole(actor, 'region_admin') &&
        beforeDeadline &&
        (status === 'scored' || status === 'in_negotiation'),
    },
    side: sides.length === 1 ? sides[0] : sides.length ? (awaited ?? sides[0]) : null,
    version: row.version,
  };
}

const closing = (a: AnswerRow): ClosingAnswer => ({
  round: a.round,
  by: a.side as Side,
  kind: a.kind as 'accept' | 'refuse',
  reason: a.reason,
  createdAt: a.createdAt,
});

async function moveProposal(tx: Tx, actor: Actor | null, ctx: NegotiationContext, to: ProposalStatus) {
  await tx
    .update(proposals)
    .set({ status: to, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(proposals.regionId, ctx.row.regionId), eq(proposals.id, ctx.row.id)));
  void actor;
}

const EXPIRY_REASON =
  'Batas waktu negosiasi lewat tanpa kesepakatan: tawaran terakhir panel dianggap ditolak';

/**
 * The platform's own move when the deadline has passed on an open negotiation: the last panel offer
 * stands as refused, the proposal is refused and its pact drawn up. Runs before any read or answer,
 * so nobody ever sees (or answers) a negotiation that should have ended.
 */
async function expireIfDue(tx: Tx, actor: Actor, ctx: NegotiationContext, now: Date): Promise<boolean> {
  if (ctx.state !== 'awaiting_opd' && ctx.state !== 'awaiting_panel') return false;
  const ended = expire(ctx.state, now, ctx.deadline);
  if (!ended.ok) return false;
  const moved = transition(ctx.row.status as ProposalStatus, 'refuse', ['system'], { negotiation: ended.to });
  if (!moved.ok) throw new Error(moved.message);
  const last = ctx.offers[ctx.offers.length - 1];
  await tx.insert(negotiationAnswers).values({
    regionId: actor.regionId,
    proposalId: ctx.row.id,
    round: last.round,
    side: 'system',
    kind: 'expire',
    reason: EXPIRY_REASON,
    createdBy: null,
  });
  await moveProposal(tx, null, ctx, moved.to);
  await appendAudit(tx, actor.regionId, null, {
    action: 'negotiation.expire',
    entityType: 'proposal',
    entityId: ctx.row.id,
    summary: `Negosiasi "${ctx.row.title}" berakhir karena lewat batas waktu`,
    after: { status: moved.to, round: last.round },
  });
  const lastPanel = [...ctx.offers].reverse().find((o) => o.by === 'panel') ?? null;
  await createPact(
    tx,
    actor.regionId,
    null,
    ctx.row.id,
    {
      kind: 'refused',
      terms: offeredTerms(ctx.original, lastPanel),
      reason: EXPIRY_REASON,
      rounds: ctx.offers.length,
    },
    now,
  );
  return true;
}

/** Reads the negotiation (expiring it first when its deadline passed). */
export async function getNegotiation(database: Database, actor: Actor, proposalId: string, now = new Date()) {
  return database.db.transaction(async (tx) => {
    let ctx = await loadNegotiation(tx, actor, proposalId);
    if (await expireIfDue(tx, actor, await loadNegotiation(tx, actor, proposalId, true), now))
      ctx = await loadNegotiation(tx, actor, proposalId);
    return toDto(tx, actor, ctx, now);
  });
}

/** Loads under lock, expires when due, and checks the actor may act for `side` on this proposal. */
async function forAction(tx: Tx, actor: Actor, proposalId: string, now: Date) {
  let ctx = await loadNegotiation(tx, actor, proposalId, true);
  if (await expireIfDue(tx, actor, ctx, now)) ctx = await loadNegotiation(tx, actor, proposalId, true);
  const sides = sidesOf(actor, ctx.row.leadWorkUnitId);
  // Acting for another unit is the same as the proposal not existing for the caller.
  if (!sides.length) throw new AppError('NOT_FOUND');
  return { ctx, sides };
}

function stale(ctx: NegotiationContext, seenRounds: number) {
  if (ctx.offers.length !== seenRounds)
    throw new AppError(
      'VERSION_CONFLICT',
      'Negosiasi sudah berubah (ada tawaran atau jawaban baru): muat ulang untuk melihat tawaran yang berlaku',
    );
}

const sideName = (s: Side) => (s === 'panel' ? 'Panel' : 'OPD');

/** A panel offer (the first, or an answer to an OPD counter) or an OPD counter. */
export async function makeOffer(
  database: Database,
  actor: Actor,
  proposalId: string,
  input: z.infer<typeof offerBody>,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const { ctx, sides } = await forAction(tx, actor, proposalId, now);
    stale(ctx, input.rounds);
    const status = ctx.row.status as ProposalStatus;
    // Which side speaks: the one awaited, if the actor holds it; the panel opens.
    const by: Side | undefined =
      status === 'scored'
        ? sides.find((s) => s === 'panel')
        : ctx.state === 'awaiting_panel'
          ? sides.find((s) => s === 'panel')
          : ctx.state === 'awaiting_opd'
            ? sides.find((s) => s === 'opd')
            : sides[0];
    if (!by) {
      const who = ctx.state === 'awaiting_panel' ? 'panel' : 'OPD';
      throw new AppError('FORBIDDEN', `Tawaran yang berlaku menunggu jawaban ${who}`);
    }
    let nextStatus: ProposalStatus = status;
    if (status === 'scored') {
      const opened = open(now, ctx.deadline);
      if (!opened.ok) throw new AppError('CONFLICT', opened.message);
      const moved = transition(status, 'open_negotiation', actorRolesFor(by));
      if (!moved.ok) throw new AppError('CONFLICT', moved.message);
      nextStatus = moved.to;
    } else if (status === 'in_negotiation' && ctx.state) {
      const answered = respond(ctx.state, { kind: 'counter', offer: { ...input } }, by, now, ctx.deadline);
      if (!answered.ok) throw new AppError('CONFLICT', answered.message);
    } else {
      throw new AppError(
        'CONFLICT',
        'Tawaran hanya dapat diajukan untuk usulan yang sudah dinilai atau sedang dinegosiasikan',
      );
    }
    const content = {
      targets: input.targets,
      milestoneDeadlines: input.milestoneDeadlines,
      reason: input.reason,
    };
    const problems = validateCounterOffer(
      indicatorsOf(ctx.draft),
      { term: ctx.term, original: ctx.original, standing: ctx.offers[ctx.offers.length - 1] ?? null },
      content,
      by,
    );
    if (problems.length) throw validation(problems, problems.find((p) => p.path === '')?.message);
    const appended = appendRound(ctx.offers, by, content, now);
    if (!appended.ok) throw new AppError('CONFLICT', appended.message);
    await tx.insert(negotiationRounds).values({
      regionId: actor.regionId,
      proposalId,
      round: appended.offer.round,
      side: by,
      targets: content.targets,
      milestoneDeadlines: content.milestoneDeadlines,
      reason: content.reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    await moveProposal(tx, actor, ctx, nextStatus);
    await appendAudit(tx, actor.regionId, actor, {
      action: by === 'panel' ? 'negotiation.offer' : 'negotiation.counter',
      entityType: 'proposal',
      entityId: proposalId,
      summary: `${sideName(by)} mengajukan tawaran putaran ${appended.offer.round} untuk "${ctx.row.title}"`,
      after: { round: appended.offer.round, ...content },
    });
    return toDto(tx, actor, await loadNegotiation(tx, actor, proposalId), now);
  });
}

/** The role the proposal table knows for a side. */
const actorRolesFor = (side: Side) =>
  side === 'panel' ? (['head_of_region'] as const) : (['opd_head'] as const);

/**
 * Closes the negotiation by answering the standing offer: an acceptance (by the side it was made to;
 * the proposal is agreed) or the OPD head's refusal with a reason (the proposal is refused). Either
 * way the answer is written once, the proposal moves, and the pact is drawn up with the offer's terms.
 */
async function closeWith(
  database: Database,
  actor: Actor,
  proposalId: string,
  answer: { kind: 'accept'; round: number } | { kind: 'refuse'; round: number; reason: string },
  now: Date,
) {
  return database.db.transaction(async (tx) => {
    const { ctx, sides } = await forAction(tx, actor, proposalId, now);
    const last = ctx.offers[ctx.offers.length - 1];
    const verb = answer.kind === 'accept' ? 'diterima' : 'ditolak';
    if (!last || ctx.state === null) throw new AppError('CONFLICT', `Belum ada tawaran untuk ${verb}`);
    if (answer.round !== last.round || ctx.answer)
      throw new AppError(
        'VERSION_CONFLICT',
        `Tawaran putaran ${answer.round} sudah tidak berlaku: muat ulang`,
      );
    const by = answer.kind === 'accept' ? sides.find((s) => s !== last.by) : sides.find((s) => s === 'opd');
    if (!by)
      throw new AppError(
        'FORBIDDEN',
        answer.kind === 'accept'
          ? `${sideName(last.by)} tidak dapat menerima tawarannya sendiri`
          : 'Hanya Kepala OPD pengusul yang dapat menolak tawaran panel',
      );
    const response =
      answer.kind === 'accept'
        ? { kind: 'accept' as const }
        : { kind: 'refuse' as const, reason: answer.reason };
    const answered = respond(ctx.state, response, by, now, ctx.deadline);
    if (!answered.ok) throw new AppError('CONFLICT', answered.message);
    const moved = transition(
      ctx.row.status as ProposalStatus,
      answer.kind === 'accept' ? 'agree' : 'refuse',
      [...actorRolesFor(by)],
      { negotiation: answered.to },
    );
    if (!moved.ok) throw new AppError('CONFLICT', moved.message);
    const reason = answer.kind === 'refuse' ? answer.reason : null;
    await tx.insert(negotiationAnswers).values({
      regionId: actor.regionId,
      proposalId,
      round: last.round,
      side: by,
      kind: answer.kind,
      reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    await moveProposal(tx, actor, ctx, moved.to);
    await appendAudit(tx, actor.regionId, actor, {
      action: `negotiation.${answer.kind}`,
      entityType: 'proposal',
      entityId: proposalId,
      summary: `${sideName(by)} ${answer.kind === 'accept' ? 'menerima' : 'menolak'} tawaran putaran ${last.round} untuk "${ctx.row.title}"`,
      after: { status: moved.to, round: last.round, ...(reason ? { reason } : {}) },
    });
    const terms = offeredTerms(ctx.original, last);
    await createPact(
      tx,
      actor.regionId,
      actor,
      proposalId,
      answer.kind === 'accept'
        ? { kind: 'agreed', terms, rounds: ctx.offers.length }
        : { kind: 'refused', terms, reason: answer.reason, rounds: ctx.offers.length },
      now,
    );
    return toDto(tx, actor, await loadNegotiation(tx, actor, proposalId), now);
  });
}

/** Accepts the standing offer (by the side it was made to): the proposal is agreed and its pact drawn up. */
export const acceptOffer = (
  database: Database,
  actor: Actor,
  proposalId: string,
  input: z.infer<typeof acceptBody>,
  now = new Date(),
) => closeWith(database, actor, proposalId, { kind: 'accept', round: input.round }, now);

/** The OPD head refuses the panel's offer, with a reason: the proposal is refused and the pact records it. */
export const refuseOffer = (
  database: Database,
  actor: Actor,
  proposalId: string,
  input: z.infer<typeof refuseBody>,
  now = new Date(),
) =>
  closeWith(database, actor, proposalId, { kind: 'refuse', round: input.round, reason: input.reason }, now);

/** The panel takes a scored bid as it is, without any offer. */
export async function agreeAsIs(
  database: Database,
  actor: Actor,
  proposalId: string,
  version: number,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const { ctx, sides } = await forAction(tx, actor, proposalId, now);
    if (ctx.row.version !== version) throw new AppError('VERSION_CONFLICT');
    if (!sides.includes('panel'))
      throw new AppError('FORBIDDEN', 'Hanya Kepala Daerah (ketua panel) yang dapat menyepakati usulan');
    const moved = transition(ctx.row.status as ProposalStatus, 'agree', ['head_of_region']);
    if (!moved.ok) throw new AppError('CONFLICT', moved.message);
    await moveProposal(tx, actor, ctx, moved.to);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'proposal.agree',
      entityType: 'proposal',
      entityId: proposalId,
      summary: `Usulan "${ctx.row.title}" disepakati tanpa tawaran`,
      after: { status: moved.to },
    });
    await createPact(
      tx,
      actor.regionId,
      actor,
      proposalId,
      { kind: 'agreed', terms: ctx.original, rounds: 0 },
      now,
    );
    return toDto(tx, actor, await loadNegotiation(tx, actor, proposalId), now);
  });
}

/**
 * The admin gives one proposal a later negotiation deadline than the cycle's (e.g. while data the
 * offer depends on is verified). Only before the deadline that applies has passed: after it the
 * negotiation has ended by rule. Not later than the end of the term's first year, when monitoring
 * of the contract begins.
 */
export async function extendDeadline(
  database: Database,
  actor: Actor,
  proposalId: string,
  input: z.infer<typeof extensionBody>,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const ctx = await loadNegotiation(tx, actor, proposalId, true);
    if (ctx.row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const status = ctx.row.status as ProposalStatus;
    if (status !== 'scored' && status !== 'in_negotiation')
      throw new AppError(
        'CONFLICT',
        'Batas waktu hanya dapat diperpanjang untuk usulan yang dinilai atau sedang dinegosiasikan',
      );
    if (now > ctx.deadline)
      throw new AppError('CONFLICT', 'Batas waktu negosiasi sudah lewat: negosiasi telah berakhir');
    const until = dayEnd(input.deadline, ctx.timezone);
    if (until <= ctx.deadline)
      throw fieldError(
        'deadline',
        `Tanggal harus setelah batas waktu yang berlaku (${localDay(ctx.deadline, ctx.timezone)})`,
      );
    if (input.deadline > `${ctx.startYear}-12-31`)
      throw fieldError('deadline', `Tanggal paling lambat 31 Desember ${ctx.startYear}`);
    await tx
      .update(proposals)
      .set({
        negotiationDeadline: input.deadline,
        negotiationExtensionReason: input.reason,
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(proposals.regionId, actor.regionId), eq(proposals.id, proposalId)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'negotiation.extend',
      entityType: 'proposal',
      entityId: proposalId,
      summary: `Batas waktu negosiasi "${ctx.row.title}" diperpanjang sampai ${input.deadline}`,
      before: { deadline: ctx.deadline.toISOString() },
      after: { deadline: input.deadline, reason: input.reason },
    });
    return toDto(tx, actor, await loadNegotiation(tx, actor, proposalId), now);
  });
}

/**
 * The platform reading a region's negotiations for the sweep: region-wide read scope, no user. It
 * never writes under this identity (expiry is audited as the system, with no actor).
 */
function platformReader(regionId: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    regionId,
    username: 'sistem',
    fullName: 'Sistem',
    sessionId: '',
    csrfToken: '',
    roles: [{ role: 'region_admin', workUnitId: null }],
  };
}

/**
 * Ends every negotiation of the region whose deadline has passed (each in its own transaction), so
 * that lists and the board never show as "in negotiation" what has ended by rule even if nobody
 * opened it. Run by the server every few minutes, before the board is read, and by
 * `npm run cli -- auction expire`. Returns how many were ended.
 */
export async function expireOverdueNegotiations(database: Database, regionId: string, now = new Date()) {
  const open = await database.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.regionId, regionId), eq(proposals.status, 'in_negotiation')));
  const reader = platformReader(regionId);
  let ended = 0;
  for (const { id } of open) {
    const done = await database.db.transaction(async (tx) =>
      expireIfDue(tx, reader, await loadNegotiation(tx, reader, id, true), now),
    );
    if (done) ended++;
  }
  return ended;
}
