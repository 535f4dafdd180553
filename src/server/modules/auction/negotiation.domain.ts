import type { FieldError } from '../../../contract/common.js';
import { checkDirection } from './proposal.domain.js';
import { findTransition, type TransitionRow } from './state-machine.js';
import {
  applyTerms,
  formatNumber,
  isoDay,
  targetKey,
  targetShapeProblems,
  targetSlots,
  toughnessDelta,
  type MilestoneDate,
  type Polarity,
  type Slot,
  type TargetEntry,
  type TargetValue,
  type Terms,
} from './terms.js';

/**
 * The negotiation between the panel (chaired by the head of region) and the OPD head over a scored
 * proposal: offers as immutable rounds, which offers are valid, the answer state machine, the
 * deadline, and the terms finally agreed. Pure: `now` and the deadline are passed in.
 *
 * An offer lists every target and milestone date on which it differs from the original bid; what it
 * does not list is the bid's value. So each round stands on its own (the pact can print any round
 * without replaying the others) and "the accepted offer applied over the original bid" is the whole
 * agreement.
 */

export type Side = 'panel' | 'opd';

/** What an offer says. */
export interface OfferContent {
  targets: readonly TargetEntry[];
  milestoneDeadlines: readonly MilestoneDate[];
  reason: string;
}

/** One round: an offer by one side. Never changed once written. */
export interface Offer extends OfferContent {
  /** 1, 2, 3 ... in order. */
  round: number;
  by: Side;
  createdAt: Date;
}

/** An answer to the standing offer. A counter is itself the next round's offer. */
export type NegotiationResponse =
  { kind: 'accept' } | { kind: 'counter'; offer: OfferContent } | { kind: 'refuse'; reason: string };

/** The final answer to a round, as stored; counters are stored as the next round instead. */
export interface ClosingAnswer {
  round: number;
  by: Side;
  kind: 'accept' | 'refuse';
  reason: string | null;
  createdAt: Date;
}

export const negotiationStates = [
  'awaiting_opd',
  'awaiting_panel',
  'accepted',
  'refused',
  'expired',
] as const;
/**
 * `awaiting_opd`: the panel's offer stands, the OPD head answers; `awaiting_panel`: the OPD's counter
 * stands, the panel answers. `expired`: the deadline passed with no acceptance; the last panel offer
 * stands as refused.
 */
export type NegotiationState = (typeof negotiationStates)[number];

export const negotiationActions = ['accept', 'counter', 'refuse', 'expire'] as const;
export type NegotiationAction = (typeof negotiationActions)[number];

/**
 * The answers each side may give. The panel answers a counter by accepting it or by a new offer
 * (the issue gives it no refusal: a panel that will not move lets the deadline pass). Only the
 * platform expires a negotiation.
 */
export const negotiationTransitions: readonly TransitionRow<
  NegotiationState,
  NegotiationAction,
  Side | 'system'
>[] = [
  { from: 'awaiting_opd', action: 'accept', to: 'accepted', roles: ['opd'] },
  { from: 'awaiting_opd', action: 'counter', to: 'awaiting_panel', roles: ['opd'] },
  { from: 'awaiting_opd', action: 'refuse', to: 'refused', roles: ['opd'] },
  { from: 'awaiting_panel', action: 'accept', to: 'accepted', roles: ['panel'] },
  { from: 'awaiting_panel', action: 'counter', to: 'awaiting_opd', roles: ['panel'] },
  { from: 'awaiting_opd', action: 'expire', to: 'expired', roles: ['system'] },
  { from: 'awaiting_panel', action: 'expire', to: 'expired', roles: ['system'] },
];

const labels = {
  subject: 'negosiasi',
  states: {
    awaiting_opd: 'Menunggu jawaban OPD',
    awaiting_panel: 'Menunggu jawaban panel',
    accepted: 'Disepakati',
    refused: 'Ditolak',
    expired: 'Lewat batas waktu',
  } satisfies Record<NegotiationState, string>,
  actions: {
    accept: 'Terima',
    counter: 'Tawaran balik',
    refuse: 'Tolak',
    expire: 'Akhiri karena lewat batas waktu',
  } satisfies Record<NegotiationAction, string>,
  roles: { panel: 'panel', opd: 'OPD', system: 'Sistem' } satisfies Record<Side | 'system', string>,
};
export const negotiationStateLabels: Record<NegotiationState, string> = labels.states;

const sideLabel = (s: Side) => (s === 'panel' ? 'Panel' : 'OPD');
const awaited: Partial<Record<NegotiationState, Side>> = { awaiting_opd: 'opd', awaiting_panel: 'panel' };
const isOpen = (s: NegotiationState) => s === 'awaiting_opd' || s === 'awaiting_panel';

export type NegotiationResult = { ok: true; to: NegotiationState } | { ok: false; message: string };

/**
 * The state of a negotiation from what is stored: no round yet is no negotiation (null); a closing
 * answer decides; otherwise the side that did not make the last offer is awaited.
 */
export function stateOf(
  rounds: readonly { by: Side }[],
  answer: { kind: 'accept' | 'refuse' | 'expire' } | null,
): NegotiationState | null {
  if (answer) return answer.kind === 'accept' ? 'accepted' : answer.kind === 'refuse' ? 'refused' : 'expired';
  if (rounds.length === 0) return null;
  return rounds[rounds.length - 1].by === 'panel' ? 'awaiting_opd' : 'awaiting_panel';
}

/**
 * Opens a negotiation with the panel's first offer: the OPD then answers. Offers may be made up to
 * and including the deadline instant.
 */
export function open(now: Date, deadline: Date): NegotiationResult {
  if (now > deadline) return { ok: false, message: 'Batas waktu negosiasi sudah lewat' };
  return { ok: true, to: 'awaiting_opd' };
}

/**
 * Answers the standing offer. Only the side the offer was made to may answer it (nobody answers
 * their own offer), and only while the negotiation is open (an answered offer moved the state on, so
 * it cannot be answered twice). The deadline is inclusive: an answer at exactly the deadline counts.
 * A refusal needs a reason; a counter's content is checked by {@link validateCounterOffer}.
 */
export function respond(
  state: NegotiationState,
  response: NegotiationResponse,
  actorSide: Side,
  now: Date,
  deadline: Date,
): NegotiationResult {
  if (isOpen(state)) {
    if (now > deadline) return { ok: false, message: 'Batas waktu negosiasi sudah lewat' };
    const waitingFor = awaited[state] as Side;
    if (actorSide !== waitingFor)
      return {
        ok: false,
        message: `Tawaran yang berlaku berasal dari ${labels.roles[actorSide]}: ${labels.roles[actorSide]} tidak dapat menanggapi tawarannya sendiri`,
      };
  }
  const found = findTransition(negotiationTransitions, labels, state, response.kind, [actorSide]);
  if (!found.ok) return found;
  if (response.kind === 'refuse' && response.reason.trim() === '')
    return { ok: false, message: 'Alasan penolakan wajib diisi' };
  if (response.kind === 'counter' && response.offer.reason.trim() === '')
    return { ok: false, message: 'Alasan tawaran balik wajib diisi' };
  return { ok: true, to: found.row.to };
}

/**
 * Ends an open negotiation whose deadline has passed (strictly after: at the deadline itself answers
 * are still accepted). The last panel offer then stands as refused.
 */
export function expire(state: NegotiationState, now: Date, deadline: Date): NegotiationResult {
  if (isOpen(state) && now <= deadline) return { ok: false, message: 'Batas waktu negosiasi belum lewat' };
  const found = findTransition(negotiationTransitions, labels, state, 'expire', ['system']);
  return found.ok ? { ok: true, to: found.row.to } : found;
}

function freezeOffer(o: Offer): Offer {
  return Object.freeze({
    ...o,
    targets: Object.freeze(o.targets.map((t) => Object.freeze({ ...t }))),
    milestoneDeadlines: Object.freeze(o.milestoneDeadlines.map((m) => Object.freeze({ ...m }))),
  });
}

/**
 * The rounds with one more offer: numbered after the last, made by the side that did not make the
 * last one, and the panel first. Returns a new frozen list of frozen offers; the given list is not
 * touched, so rounds already written cannot change.
 */
export function appendRound(
  rounds: readonly Offer[],
  by: Side,
  content: OfferContent,
  createdAt: Date,
): { ok: true; rounds: readonly Offer[]; offer: Offer } | { ok: false; message: string } {
  const last = rounds.length ? rounds[rounds.length - 1] : null;
  if (!last && by !== 'panel') return { ok: false, message: 'Negosiasi dibuka oleh tawaran panel' };
  if (last && last.by === by)
    return { ok: false, message: `${sideLabel(by)} tidak dapat menanggapi tawarannya sendiri` };
  if (last && last.round !== rounds.length)
    throw new Error(`Urutan putaran negosiasi rusak: putaran terakhir ${last.round} dari ${rounds.length}`);
  const offer = freezeOffer({ ...content, round: rounds.length + 1, by, createdAt });
  return { ok: true, rounds: Object.freeze([...rounds, offer]), offer };
}

/** The bid with an offer applied: what the unit would commit to if that offer were accepted. */
export function offeredTerms(
  original: Terms,
  offer: Pick<OfferContent, 'targets' | 'milestoneDeadlines'> | null,
): Terms {
  if (!offer) return original;
  return applyTerms(original, { targets: offer.targets, milestones: offer.milestoneDeadlines });
}

/** An indicator as the negotiation needs it. */
export interface NegotiationIndicator {
  key: string;
  name: string;
  polarity: Polarity;
  /** Baseline value; the offered trajectory must still move the right way from it. */
  baseline: number | null;
}

export interface NegotiationContext {
  term: { startYear: number; endYear: number };
  /** The bid as submitted (every indicator, every term year, every milestone). */
  original: Terms;
  /** The offer on the table (the last round), or null before the first offer. */
  standing: Offer | null;
}

/**
 * Whether an offer by `by` may be made now. Structure first: known indicators and years, targets of
 * the right shape, known milestones with real dates inside the term, no duplicates, a reason. Then
 * the bargaining rule, compared value by value on the terms each offer produces (see the module note),
 * with "tougher" per polarity: higher for higher_is_better, lower for lower_is_better, a range
 * inside the previous one (raise the lower bound, lower the upper), an earlier milestone date.
 *
 * - Panel: every value at least as tough as the standing terms (the bid before the first offer, else
 *   the last round) and at least one value tougher. After an OPD counter the panel may thus meet it
 *   half way, but never ask less than what the OPD itself last offered.
 * - OPD: only as a counter to a panel offer; every value between the original bid and the panel's
 *   standing offer, both inclusive, and at least one value different from the panel's offer (an
 *   identical counter is an acceptance and must be given as one).
 *
 * Whatever the bargaining, every indicator's resulting targets must still pass `checkDirection`.
 * Problems of an offer as a whole have the path `''`.
 */
export function validateCounterOffer(
  indicators: readonly NegotiationIndicator[],
  context: NegotiationContext,
  offer: OfferContent,
  by: Side,
): FieldError[] {
  const out: FieldError[] = [];
  const err = (path: string, message: string) => out.push({ path, message });
  const { original, standing, term } = context;
  if (by === 'opd' && !standing) err('', 'OPD hanya dapat mengajukan tawaran balik atas tawaran panel');
  if (standing && standing.by === by) err('', `${sideLabel(by)} tidak dapat menanggapi tawarannya sendiri`);
  if (offer.reason.trim() === '') err('reason', 'Alasan tawaran wajib diisi');
  if (out.length) return out;

  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const originalTargets = new Map(original.targets.map((t) => [targetKey(t.indicatorKey, t.year), t]));
  const offerIndex = new Map<string, number>();
  offer.targets.forEach((t, i) => {
    const p = `targets.${i}`;
    const ind = byKey.get(t.indicatorKey);
    if (!ind) return err(`${p}.indicatorKey`, `Indikator "${t.indicatorKey}" tidak ada pada usulan`);
    const k = targetKey(t.indicatorKey, t.year);
    if (!originalTargets.has(k))
      return err(`${p}.year`, `Indikator ${ind.name} tidak memiliki target tahun ${t.year}`);
    if (offerIndex.has(k))
      return err(`${p}.year`, `Target ${ind.name} tahun ${t.year} tercantum lebih dari sekali`);
    offerIndex.set(k, i);
    const problems = targetShapeProblems(ind.polarity, t, `Target ${ind.name} tahun ${t.year}`);
    for (const problem of problems) err(`${p}.${problem.field}`, problem.message);
    // A range's bounds must be in order before "inside the previous range" means anything.
    if (problems.length === 0 && ind.polarity === 'range')
      for (const d of checkDirection('range', null, [t])) err(`${p}.${d.field}`, `${ind.name}: ${d.message}`);
  });
  const originalMilestones = new Map(original.milestones.map((m) => [m.milestoneKey, m]));
  const milestoneIndex = new Map<string, number>();
  const first = isoDay(`${term.startYear}-01-01`) as number;
  const last = isoDay(`${term.endYear}-12-31`) as number;
  offer.milestoneDeadlines.forEach((m, i) => {
    const p = `milestoneDeadlines.${i}`;
    if (!originalMilestones.has(m.milestoneKey))
      return err(`${p}.milestoneKey`, `Tahapan "${m.milestoneKey}" tidak ada pada jadwal kerja`);
    if (milestoneIndex.has(m.milestoneKey))
      return err(`${p}.milestoneKey`, `Tahapan "${m.milestoneKey}" tercantum lebih dari sekali`);
    milestoneIndex.set(m.milestoneKey, i);
    const day = isoDay(m.date);
    if (day === null) err(`${p}.date`, 'Tenggat tahapan harus tanggal yang valid');
    else if (day < first || day > last)
      err(`${p}.date`, `Tenggat tahapan harus dalam periode ${term.startYear}-${term.endYear}`);
  });
  if (out.length) return out;

  const offered = offeredTerms(original, offer);
  const onTable = offeredTerms(original, standing);
  const offeredTargets = new Map(offered.targets.map((t) => [targetKey(t.indicatorKey, t.year), t]));
  const tableTargets = new Map(onTable.targets.map((t) => [targetKey(t.indicatorKey, t.year), t]));
  let tougherSomewhere = false;
  let differsFromTable = false;

  const compare = (path: string, label: string, slots: [Slot[], Slot[], Slot[]]) => {
    const [bid, table, now] = slots;
    now.forEach((slot, s) => {
      const fromTable = toughnessDelta(slot.tougher, table[s].value, slot.value);
      const fromBid = toughnessDelta(slot.tougher, bid[s].value, slot.value);
      if (fromTable !== 0) differsFromTable = true;
      if (fromTable > 0) tougherSomewhere = true;
      const what = `${slotName(slot)} ${label} (${show(slot)})`;
      if (by === 'panel' && fromTable < 0)
        err(
          `${path}${pathField(path, slot)}`,
          `${what} lebih ringan daripada tawaran yang berlaku (${show(table[s])})`,
        );
      if (by === 'opd' && fromBid < 0)
        err(`${path}${pathField(path, slot)}`, `${what} lebih ringan daripada usulan awal (${show(bid[s])})`);
      if (by === 'opd' && fromTable > 0)
        err(
          `${path}${pathField(path, slot)}`,
          `${what} lebih berat daripada tawaran panel (${show(table[s])})`,
        );
    });
  };

  for (const bid of original.targets) {
    const ind = byKey.get(bid.indicatorKey);
    if (!ind) continue;
    const k = targetKey(bid.indicatorKey, bid.year);
    const i = offerIndex.get(k);
    compare(i === undefined ? 'targets' : `targets.${i}`, `${ind.name} tahun ${bid.year}`, [
      targetSlots(ind.polarity, bid),
      targetSlots(ind.polarity, tableTargets.get(k) as TargetValue),
      targetSlots(ind.polarity, offeredTargets.get(k) as TargetValue),
    ]);
  }
  const offeredDates = new Map(offered.milestones.map((m) => [m.milestoneKey, m.date]));
  const tableDates = new Map(onTable.milestones.map((m) => [m.milestoneKey, m.date]));
  for (const bid of original.milestones) {
    const i = milestoneIndex.get(bid.milestoneKey);
    compare(
      i === undefined ? 'milestoneDeadlines' : `milestoneDeadlines.${i}`,
      `tahapan "${bid.milestoneKey}"`,
      [
        [dateSlot(bid.date)],
        [dateSlot(tableDates.get(bid.milestoneKey) as string)],
        [dateSlot(offeredDates.get(bid.milestoneKey) as string)],
      ],
    );
  }
  if (by === 'panel' && !tougherSomewhere)
    err(
      '',
      'Tawaran panel harus lebih berat daripada tawaran yang berlaku pada setidaknya satu target atau tenggat',
    );
  if (by === 'opd' && !differsFromTable)
    err('', 'Tawaran balik sama dengan tawaran panel: gunakan Terima untuk menyetujuinya');

  // Ranges were checked entry by entry above; across years only single values have a direction.
  for (const ind of indicators.filter((i) => i.polarity !== 'range')) {
    const targets = offered.targets.filter((t) => t.indicatorKey === ind.key);
    for (const d of checkDirection(ind.polarity, ind.baseline, targets)) {
      const i = offerIndex.get(targetKey(ind.key, d.year));
      err(i === undefined ? 'targets' : `targets.${i}.${d.field}`, `${ind.name}: ${d.message}`);
    }
  }
  return out;
}

const dateSlot = (date: string): Slot => ({ field: 'date', tougher: 'down', value: isoDay(date) as number });
const slotName = (s: Slot) =>
  s.field === 'date'
    ? 'Tenggat'
    : s.field === 'lower'
      ? 'Batas bawah target'
      : s.field === 'upper'
        ? 'Batas atas target'
        : 'Target';
/** A whole-list path (`targets`) stays as it is; an entry path gets the field of the slot. */
const pathField = (path: string, s: Slot) => (/\.\d+$/.test(path) ? `.${s.field}` : '');
const show = (s: Slot) =>
  s.field === 'date' ? new Date(s.value * 86_400_000).toISOString().slice(0, 10) : formatNumber(s.value);

/**
 * The agreement: the accepted round applied over the original bid, or null when no round was
 * accepted (refused, expired or still open). Throws when the stored log contradicts itself (an
 * acceptance of a missing round, or of one's own offer).
 */
export function agreedTerms(
  original: Terms,
  rounds: readonly Offer[],
  answers: readonly ClosingAnswer[],
): Terms | null {
  const accepted = answers.filter((a) => a.kind === 'accept');
  if (accepted.length === 0) return null;
  if (accepted.length > 1) throw new Error('Negosiasi memiliki lebih dari satu penerimaan');
  const answer = accepted[0];
  const offer = rounds.find((r) => r.round === answer.round);
  if (!offer) throw new Error(`Putaran ${answer.round} yang diterima tidak ada`);
  if (offer.by === answer.by)
    throw new Error(`Putaran ${answer.round} diterima oleh pihak yang mengajukannya`);
  return offeredTerms(original, offer);
}
