import type { FieldError } from '../../../contract/common.js';
import { checkDirection } from './proposal.domain.js';
import {
  actorRoleLabels,
  findTransition,
  listOr,
  type ActorRole,
  type TransitionRow,
} from './state-machine.js';
import {
  applyTerms,
  isoDay,
  isRupiah,
  targetKey,
  targetShapeProblems,
  type Polarity,
  type TargetValue,
  type Terms,
  type TermsPatch,
} from './terms.js';

/**
 * The performance contract (kontrak kinerja): once both signatures are on the pact the terms are
 * read-only and change only by an amendment, which the head of region approves (never the one who
 * proposed it) and which then becomes a new version; every version is kept and any two can be
 * compared with {@link diffTerms}. Pure.
 */

/** A contract is `active` from signing; it has no other status, its history lives in its versions. */
export type ContractStatus = 'active';

/** One version of the terms. Version 1 is what was signed. */
export interface ContractVersion {
  version: number;
  terms: Terms;
  createdAt: Date;
  /** The amendment that produced it; null for version 1. */
  amendmentId: string | null;
}

/** An indicator as the amendment rules need it. */
export interface ContractIndicator {
  key: string;
  name: string;
  polarity: Polarity;
  baseline: number | null;
}

export const amendmentStates = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type AmendmentState = (typeof amendmentStates)[number];
export const amendmentActions = ['approve', 'reject', 'withdraw'] as const;
export type AmendmentAction = (typeof amendmentActions)[number];

/** Who may propose an amendment: the unit's head, the planning office, the head of region. */
export const amendmentProposerRoles: readonly ActorRole[] = ['opd_head', 'region_admin', 'head_of_region'];

type AmendmentGuard = 'not_proposer' | 'proposer';
export interface AmendmentRow extends TransitionRow<AmendmentState, AmendmentAction, ActorRole> {
  guard: AmendmentGuard;
}

/**
 * Approval and rejection belong to the head of region, and never to the person who proposed the
 * amendment (four eyes, as for sanctions: a head of region proposing must have it decided by a
 * delegate). The proposer may withdraw while it is undecided.
 */
export const amendmentTransitions: readonly AmendmentRow[] = [
  { from: 'proposed', action: 'approve', to: 'approved', roles: ['head_of_region'], guard: 'not_proposer' },
  { from: 'proposed', action: 'reject', to: 'rejected', roles: ['head_of_region'], guard: 'not_proposer' },
  { from: 'proposed', action: 'withdraw', to: 'withdrawn', roles: amendmentProposerRoles, guard: 'proposer' },
];

const labels = {
  subject: 'usulan perubahan',
  states: {
    proposed: 'Diusulkan',
    approved: 'Disetujui',
    rejected: 'Ditolak',
    withdrawn: 'Ditarik',
  } satisfies Record<AmendmentState, string>,
  actions: { approve: 'Setujui', reject: 'Tolak', withdraw: 'Tarik' } satisfies Record<
    AmendmentAction,
    string
  >,
  roles: actorRoleLabels,
};
export const amendmentStateLabels: Record<AmendmentState, string> = labels.states;

/** The acting user: their id (to compare with the proposer) and roles. */
export interface AmendmentActor {
  userId: string;
  roles: readonly ActorRole[];
}

/**
 * Moves an amendment. A rejection needs a reason (it is shown to the unit and kept with the contract).
 */
export function transitionAmendment(
  state: AmendmentState,
  action: AmendmentAction,
  actor: AmendmentActor,
  proposedBy: string,
  reason: string | null = null,
): { ok: true; to: AmendmentState } | { ok: false; message: string } {
  const found = findTransition(amendmentTransitions, labels, state, action, actor.roles);
  if (!found.ok) return found;
  const isProposer = actor.userId === proposedBy;
  if (found.row.guard === 'not_proposer' && isProposer)
    return { ok: false, message: 'Usulan perubahan tidak dapat diputuskan oleh pengusulnya sendiri' };
  if (found.row.guard === 'proposer' && !isProposer)
    return { ok: false, message: 'Usulan perubahan hanya dapat ditarik oleh pengusulnya' };
  if (action === 'reject' && (reason === null || reason.trim() === ''))
    return { ok: false, message: 'Alasan penolakan wajib diisi' };
  return { ok: true, to: found.row.to };
}

/** What the amendment rules need to know about the contract. */
export interface AmendmentContext {
  term: { startYear: number; endYear: number };
  indicators: readonly ContractIndicator[];
  current: ContractVersion;
  /** Another amendment is still `proposed`: one at a time, so versions never race. */
  hasOpenAmendment: boolean;
}

/**
 * Checks a proposed amendment: a proposer role, no other open amendment, a reason, changes only to
 * existing targets (right shape), milestones (real dates within the term) and budget lines (whole
 * non-negative Rupiah) with no duplicates, at least one real change, and targets that still move the
 * right way for their polarity. New indicators or milestones are not amendments of values and are
 * out of scope. Problems of the amendment as a whole have the path `''`.
 */
export function validateAmendment(
  context: AmendmentContext,
  input: { changes: TermsPatch; reason: string },
  actorRoles: readonly ActorRole[],
): FieldError[] {
  const out: FieldError[] = [];
  const err = (path: string, message: string) => out.push({ path, message });
  if (!actorRoles.some((r) => amendmentProposerRoles.includes(r)))
    err(
      '',
      `Perubahan kontrak hanya dapat diusulkan oleh ${listOr(amendmentProposerRoles.map((r) => actorRoleLabels[r]))}`,
    );
  if (context.hasOpenAmendment) err('', 'Masih ada usulan perubahan yang belum diputuskan');
  if (input.reason.trim() === '') err('reason', 'Alasan perubahan wajib diisi');

  const { current, term } = context;
  const byKey = new Map(context.indicators.map((i) => [i.key, i]));
  const currentTargets = new Map(current.terms.targets.map((t) => [targetKey(t.indicatorKey, t.year), t]));
  const currentDates = new Map(current.terms.milestones.map((m) => [m.milestoneKey, m.date]));
  const currentBudget = new Map(current.terms.budget.map((b) => [b.year, b.amount]));
  let changed = false;

  const seenTargets = new Set<string>();
  (input.changes.targets ?? []).forEach((t, i) => {
    const p = `changes.targets.${i}`;
    const ind = byKey.get(t.indicatorKey);
    if (!ind) return err(`${p}.indicatorKey`, `Indikator "${t.indicatorKey}" tidak ada pada kontrak`);
    const k = targetKey(t.indicatorKey, t.year);
    const before = currentTargets.get(k);
    if (!before) return err(`${p}.year`, `Indikator ${ind.name} tidak memiliki target tahun ${t.year}`);
    if (seenTargets.has(k))
      return err(`${p}.year`, `Target ${ind.name} tahun ${t.year} tercantum lebih dari sekali`);
    seenTargets.add(k);
    const problems = targetShapeProblems(ind.polarity, t, `Target ${ind.name} tahun ${t.year}`);
    for (const problem of problems) err(`${p}.${problem.field}`, problem.message);
    if (problems.length === 0 && ind.polarity === 'range')
      for (const d of checkDirection('range', null, [t])) err(`${p}.${d.field}`, `${ind.name}: ${d.message}`);
    if (problems.length === 0 && !sameTarget(before, t)) changed = true;
  });
  const first = isoDay(`${term.startYear}-01-01`) as number;
  const last = isoDay(`${term.endYear}-12-31`) as number;
  const seenMilestones = new Set<string>();
  (input.changes.milestones ?? []).forEach((m, i) => {
    const p = `changes.milestones.${i}`;
    const before = currentDates.get(m.milestoneKey);
    if (before === undefined)
      return err(`${p}.milestoneKey`, `Tahapan "${m.milestoneKey}" tidak ada pada kontrak`);
    if (seenMilestones.has(m.milestoneKey))
      return err(`${p}.milestoneKey`, `Tahapan "${m.milestoneKey}" tercantum lebih dari sekali`);
    seenMilestones.add(m.milestoneKey);
    const day = isoDay(m.date);
    if (day === null) err(`${p}.date`, 'Tanggal tahapan harus tanggal yang valid');
    else if (day < first || day > last)
      err(`${p}.date`, `Tanggal tahapan harus dalam periode ${term.startYear}-${term.endYear}`);
    else if (m.date !== before) changed = true;
  });
  const seenYears = new Set<number>();
  (input.changes.budget ?? []).forEach((b, i) => {
    const p = `changes.budget.${i}`;
    const before = currentBudget.get(b.year);
    if (before === undefined) return err(`${p}.year`, `Kontrak tidak memiliki anggaran tahun ${b.year}`);
    if (seenYears.has(b.year))
      return err(`${p}.year`, `Anggaran tahun ${b.year} tercantum lebih dari sekali`);
    seenYears.add(b.year);
    if (!isRupiah(b.amount)) err(`${p}.amount`, 'Anggaran harus bilangan bulat Rupiah yang tidak negatif');
    else if (b.amount !== before) changed = true;
  });
  if (out.length) return out;
  if (!changed) return [{ path: '', message: 'Usulan perubahan tidak mengubah nilai apa pun' }];

  const after = applyTerms(current.terms, input.changes);
  const changeIndex = new Map(
    (input.changes.targets ?? []).map((t, i) => [targetKey(t.indicatorKey, t.year), i]),
  );
  // Ranges were checked entry by entry above; across years only single values have a direction.
  for (const ind of context.indicators.filter((i) => i.polarity !== 'range')) {
    const targets = after.targets.filter((t) => t.indicatorKey === ind.key);
    for (const d of checkDirection(ind.polarity, ind.baseline, targets)) {
      const i = changeIndex.get(targetKey(ind.key, d.year));
      err(
        i === undefined ? 'changes.targets' : `changes.targets.${i}.${d.field}`,
        `${ind.name}: ${d.message}`,
      );
    }
  }
  return out;
}

/**
 * The version an approved amendment creates: n+1, with the changes applied over version n. The
 * amendment must have been proposed against the current version; if another one was approved
 * meanwhile, it is stale and must be proposed again on the new terms (optimistic locking).
 */
export function approveAmendment(
  current: ContractVersion,
  amendment: { id: string; baseVersion: number; changes: TermsPatch },
  now: Date,
): { ok: true; version: ContractVersion } | { ok: false; message: string } {
  if (amendment.baseVersion !== current.version)
    return {
      ok: false,
      message: `Usulan perubahan dibuat untuk versi ${amendment.baseVersion}, sedangkan kontrak sudah versi ${current.version}`,
    };
  return {
    ok: true,
    version: {
      version: current.version + 1,
      terms: applyTerms(current.terms, amendment.changes),
      createdAt: now,
      amendmentId: amendment.id,
    },
  };
}

const norm = (n: number | null | undefined) => (n === undefined ? null : n);
function sameTarget(a: TargetValue, b: TargetValue): boolean {
  return (
    norm(a.value) === norm(b.value) && norm(a.lower) === norm(b.lower) && norm(a.upper) === norm(b.upper)
  );
}

/** One difference between two versions; `before` or `after` is null for a value that is only on one side. */
export type TermsChange =
  | {
      kind: 'target';
      indicatorKey: string;
      year: number;
      before: TargetValue | null;
      after: TargetValue | null;
    }
  | { kind: 'milestone'; milestoneKey: string; before: string | null; after: string | null }
  | { kind: 'budget'; year: number; before: number | null; after: number | null };

function diffBy<T, V>(
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
  value: (t: T) => V,
  same: (x: V, y: V) => boolean,
): { sample: T; before: V | null; after: V | null }[] {
  const before = new Map(a.map((t) => [key(t), t]));
  const after = new Map(b.map((t) => [key(t), t]));
  const keys = [...new Set([...a.map(key), ...b.map(key)])];
  const out: { sample: T; before: V | null; after: V | null }[] = [];
  for (const k of keys) {
    const x = before.get(k);
    const y = after.get(k);
    if (x && y && same(value(x), value(y))) continue;
    out.push({ sample: (y ?? x) as T, before: x ? value(x) : null, after: y ? value(y) : null });
  }
  return out;
}

/**
 * What changed from `a` to `b`: targets, then milestone dates, then budget lines; within each, in
 * the order the items first appear in `a`, then those only in `b`. For the "old versions with a
 * diff" view.
 */
export function diffTerms(a: Terms, b: Terms): TermsChange[] {
  const targetValue = (t: TargetValue): TargetValue =>
    t.lower !== undefined && t.lower !== null
      ? { lower: t.lower, upper: norm(t.upper) }
      : t.upper !== undefined && t.upper !== null
        ? { lower: norm(t.lower), upper: t.upper }
        : { value: norm(t.value) };
  return [
    ...diffBy(a.targets, b.targets, (t) => targetKey(t.indicatorKey, t.year), targetValue, sameTarget).map(
      (d): TermsChange => ({
        kind: 'target',
        indicatorKey: d.sample.indicatorKey,
        year: d.sample.year,
        before: d.before,
        after: d.after,
      }),
    ),
    ...diffBy(
      a.milestones,
      b.milestones,
      (m) => m.milestoneKey,
      (m) => m.date,
      Object.is,
    ).map((d): TermsChange => ({
      kind: 'milestone',
      milestoneKey: d.sample.milestoneKey,
      before: d.before,
      after: d.after,
    })),
    ...diffBy(
      a.budget,
      b.budget,
      (l) => String(l.year),
      (l) => l.amount,
      Object.is,
    ).map((d): TermsChange => ({ kind: 'budget', year: d.sample.year, before: d.before, after: d.after })),
  ];
}
