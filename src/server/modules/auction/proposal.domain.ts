import type { FieldError } from '../../../contract/common.js';
import { proposalStatuses } from '../../../contract/proposals.js';
import { termYears, type Cycle, type SubmissionWindow } from './cycle.domain.js';
import type { NegotiationState } from './negotiation.domain.js';
import { actorRoleLabels, findTransition, type ActorRole, type TransitionRow } from './state-machine.js';
import {
  formatNumber,
  isoDay,
  isRupiah,
  polarities,
  polarityLabels,
  targetShapeProblems,
  toughnessDelta,
  type Polarity,
  type TargetValue,
  type Terms,
} from './terms.js';

/**
 * A unit's proposal (usulan program): the draft as plain data, the completeness check that must pass
 * before submission, the direction rule for targets, and the proposal lifecycle as a transition
 * table. Pure: the service loads the draft and the cycle and passes them in.
 */

export const aggregations = ['sum', 'latest', 'average'] as const;
/** How the periods of a year become the year's value (domain.md section 4). */
export type Aggregation = (typeof aggregations)[number];
export const frequencies = ['monthly', 'quarterly', 'semester', 'yearly'] as const;
export type Frequency = (typeof frequencies)[number];

/** One supporting row of a baseline (e.g. "ibu hamil trimester III": 1.250). */
export interface BreakdownRow {
  label: string;
  value: number | null;
}

/** The titik nol: the measured value, the year it was measured, where it comes from, and its breakdown. */
export interface BaselineDraft {
  value: number | null;
  year: number | null;
  source: string;
  breakdown: readonly BreakdownRow[];
}

/** A target of one term year. */
export interface YearTarget extends TargetValue {
  year: number;
}

export interface IndicatorDraft {
  /** Stable key within the proposal; offers, contracts and diffs refer to it. */
  key: string;
  name: string;
  /** Unit of measure: %, orang, km, kasus ... */
  unit: string;
  polarity: Polarity;
  aggregation: Aggregation;
  frequency: Frequency;
  /** Share of the proposal's score, percent with at most 2 decimals; the weights sum to 100. */
  weight: number | null;
  baseline: BaselineDraft;
  targets: readonly YearTarget[];
}

/** A dated step of the work schedule. */
export interface MilestoneDraft {
  key: string;
  title: string;
  /** Calendar date `YYYY-MM-DD`. */
  dueDate: string;
}

export interface CollaboratorDraft {
  unitId: string;
  /** Contribution share in percent, at most 2 decimals. */
  share: number | null;
}

export interface BudgetDraftLine {
  year: number;
  /** Whole Rupiah. */
  amount: number | null;
}

/** A proposal as the OPD drafts it. Fields may be empty until submission. */
export interface ProposalDraft {
  title: string;
  problemStatement: string;
  missionId: string | null;
  themeId: string | null;
  leadUnitId: string | null;
  /** The lead unit's own contribution share; with the collaborators' shares it sums to 100. */
  leadShare: number | null;
  collaborators: readonly CollaboratorDraft[];
  budget: readonly BudgetDraftLine[];
  indicators: readonly IndicatorDraft[];
  milestones: readonly MilestoneDraft[];
}

/** The oldest baseline accepted, in years before the term: older data is not a titik nol. */
export const MAX_BASELINE_AGE_YEARS = 10;

/**
 * A percentage as whole hundredths, or null when it is not a number with at most 2 decimals. Sums
 * of shares and weights are compared in hundredths so 33.33 + 33.33 + 33.34 is exactly 100.
 */
export function hundredths(n: unknown): number | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const h = Math.round(n * 100);
  return Math.abs(h - n * 100) < 1e-6 ? h : null;
}

/** A percentage above 0 and at most 100 with at most 2 decimals. */
const percentOk = (n: unknown) => {
  const h = hundredths(n);
  return h !== null && h > 0 && h <= 10_000;
};
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** A problem found by {@link checkDirection}, at `targets[index]`, field `field`. */
export interface DirectionProblem {
  index: number;
  year: number;
  field: 'value' | 'lower' | 'upper';
  message: string;
}

/**
 * Targets must not move the wrong way for the polarity. `higher_is_better`: each year's target is
 * at least the previous year's and the first is at least the baseline; `lower_is_better`: at most;
 * equal is allowed (holding a level is a valid target). `range`: lower <= upper each year (equal
 * bounds allowed); ranges are not compared across years or with the baseline, because the issue
 * asks only that. Years are taken in calendar order whatever the input order; targets with missing
 * or non-numeric values are skipped (completeness reports them) and the next one is compared with
 * the last one present. A null baseline is not compared.
 */
export function checkDirection(
  polarity: Polarity,
  baseline: number | null,
  targets: readonly YearTarget[],
): DirectionProblem[] {
  const out: DirectionProblem[] = [];
  const order = targets.map((t, index) => ({ t, index })).sort((a, b) => a.t.year - b.t.year);
  if (polarity === 'range') {
    for (const { t, index } of order)
      if (finite(t.lower) && finite(t.upper) && t.lower > t.upper)
        out.push({
          index,
          year: t.year,
          field: 'lower',
          message: `Batas bawah target tahun ${t.year} (${formatNumber(t.lower)}) lebih besar dari batas atas (${formatNumber(t.upper)})`,
        });
    return out;
  }
  const tougher = polarity === 'higher_is_better' ? 'up' : 'down';
  const wrongWay = polarity === 'higher_is_better' ? 'lebih rendah' : 'lebih tinggi';
  const rule = `indikator ${polarityLabels[polarity]} tidak boleh ${polarity === 'higher_is_better' ? 'turun' : 'naik'}`;
  let previous: { value: number; label: string } | null = finite(baseline)
    ? { value: baseline, label: `titik nol (${formatNumber(baseline)})` }
    : null;
  for (const { t, index } of order) {
    if (!finite(t.value)) continue;
    if (previous && toughnessDelta(tougher, previous.value, t.value) < 0)
      out.push({
        index,
        year: t.year,
        field: 'value',
        message: `Target tahun ${t.year} (${formatNumber(t.value)}) ${wrongWay} dari ${previous.label}: ${rule}`,
      });
    previous = { value: t.value, label: `target tahun ${t.year} (${formatNumber(t.value)})` };
  }
  return out;
}

/**
 * Everything that must be right before an OPD head may submit, each problem with the path of the
 * field (`indicators.0.targets.2.value`) and a message in Bahasa Indonesia. An empty list means
 * complete. Text lengths and types are the API schema's job; this checks readiness and the rules of
 * the auction.
 */
export function checkCompleteness(
  draft: ProposalDraft,
  cycle: Pick<Cycle, 'startYear' | 'endYear' | 'themes'>,
): FieldError[] {
  const out: FieldError[] = [];
  const err = (path: string, message: string) => out.push({ path, message });
  const years = termYears(cycle);
  const period = `${cycle.startYear}-${cycle.endYear}`;

  if (blank(draft.title)) err('title', 'Judul usulan wajib diisi');
  if (blank(draft.missionId)) err('missionId', 'Misi wajib dipilih');
  if (blank(draft.themeId)) err('themeId', 'Tema wajib dipilih');
  else {
    const theme = cycle.themes.find((t) => t.id === draft.themeId);
    if (!theme) err('themeId', 'Tema tidak termasuk dalam siklus ini');
    else if (!blank(draft.missionId) && theme.missionId !== draft.missionId)
      err('themeId', 'Tema tidak berada di bawah misi yang dipilih');
  }
  if (blank(draft.problemStatement)) err('problemStatement', 'Rumusan masalah wajib diisi');

  checkUnits(draft, err);
  checkBudget(draft.budget, years, period, err);

  if (draft.indicators.length === 0) err('indicators', 'Usulan harus memiliki minimal 1 indikator');
  const indicatorKeys = new Map<string, number>();
  let weightSum = 0;
  let weightsOk = true;
  draft.indicators.forEach((ind, i) => {
    const p = `indicators.${i}`;
    if (blank(ind.key)) err(`${p}.key`, 'Kode indikator wajib diisi');
    else if (indicatorKeys.has(ind.key))
      err(
        `${p}.key`,
        `Kode indikator "${ind.key}" sudah dipakai pada indikator ke-${(indicatorKeys.get(ind.key) as number) + 1}`,
      );
    else indicatorKeys.set(ind.key, i);
    if (blank(ind.name)) err(`${p}.name`, 'Nama indikator wajib diisi');
    if (blank(ind.unit)) err(`${p}.unit`, 'Satuan indikator wajib diisi');
    const polarityOk = (polarities as readonly string[]).includes(ind.polarity);
    if (!polarityOk) err(`${p}.polarity`, 'Arah indikator wajib dipilih');
    if (!(aggregations as readonly string[]).includes(ind.aggregation))
      err(`${p}.aggregation`, 'Cara agregasi tahunan wajib dipilih');
    if (!(frequencies as readonly string[]).includes(ind.frequency))
      err(`${p}.frequency`, 'Frekuensi pelaporan wajib dipilih');
    if (!percentOk(ind.weight)) {
      weightsOk = false;
      err(`${p}.weight`, 'Bobot indikator harus lebih dari 0 dan paling besar 100, maksimal 2 angka desimal');
    } else weightSum += hundredths(ind.weight) as number;
    checkBaseline(ind.baseline, `${p}.baseline`, cycle.startYear, err);
    if (polarityOk) checkTargets(ind, p, years, period, err);
  });
  if (draft.indicators.length > 0 && weightsOk && weightSum !== 10_000)
    err('indicators', `Jumlah bobot indikator harus 100 (saat ini ${formatNumber(weightSum / 100)})`);

  checkMilestones(draft.milestones, cycle, err);
  return out;
}

type Err = (path: string, message: string) => void;

function checkUnits(draft: ProposalDraft, err: Err) {
  if (blank(draft.leadUnitId)) err('leadUnitId', 'Unit pengampu wajib diisi');
  let sum = 0;
  let sharesOk = true;
  if (!percentOk(draft.leadShare)) {
    sharesOk = false;
    err(
      'leadShare',
      'Kontribusi unit pengampu harus lebih dari 0 dan paling besar 100, maksimal 2 angka desimal',
    );
  } else sum += hundredths(draft.leadShare) as number;
  const seen = new Map<string, number>();
  draft.collaborators.forEach((c, i) => {
    const p = `collaborators.${i}`;
    if (blank(c.unitId)) err(`${p}.unitId`, 'Unit kolaborator wajib dipilih');
    else if (c.unitId === draft.leadUnitId)
      err(`${p}.unitId`, 'Unit pengampu tidak dapat sekaligus menjadi unit kolaborator');
    else if (seen.has(c.unitId))
      err(
        `${p}.unitId`,
        `Unit ini sudah tercantum sebagai kolaborator ke-${(seen.get(c.unitId) as number) + 1}`,
      );
    else seen.set(c.unitId, i);
    if (!percentOk(c.share)) {
      sharesOk = false;
      err(
        `${p}.share`,
        'Kontribusi unit kolaborator harus lebih dari 0 dan paling besar 100, maksimal 2 angka desimal',
      );
    } else sum += hundredths(c.share) as number;
  });
  if (sharesOk && sum !== 10_000)
    err(
      draft.collaborators.length > 0 ? 'collaborators' : 'leadShare',
      `Jumlah kontribusi unit pengampu dan unit kolaborator harus 100% (saat ini ${formatNumber(sum / 100)}%)`,
    );
}

/** A budget line for every term year (0 is a valid, explicit answer) and none for other years. */
function checkBudget(budget: readonly BudgetDraftLine[], years: number[], period: string, err: Err) {
  const seen = new Set<number>();
  budget.forEach((b, i) => {
    if (!years.includes(b.year))
      err(`budget.${i}.year`, `Anggaran hanya untuk tahun periode ${period} (terisi ${b.year})`);
    else if (seen.has(b.year))
      err(`budget.${i}.year`, `Anggaran tahun ${b.year} tercantum lebih dari sekali`);
    else seen.add(b.year);
    if (b.amount === null || b.amount === undefined)
      err(`budget.${i}.amount`, `Anggaran tahun ${b.year} belum diisi`);
    else if (!isRupiah(b.amount))
      err(`budget.${i}.amount`, 'Anggaran harus bilangan bulat Rupiah yang tidak negatif');
  });
  for (const y of years) if (!seen.has(y)) err('budget', `Anggaran tahun ${y} belum diisi`);
}

function checkBaseline(b: BaselineDraft, p: string, startYear: number, err: Err) {
  if (b.value === null || b.value === undefined) err(`${p}.value`, 'Nilai titik nol wajib diisi');
  else if (!finite(b.value)) err(`${p}.value`, 'Nilai titik nol harus berupa angka');
  const oldest = startYear - MAX_BASELINE_AGE_YEARS;
  if (b.year === null || b.year === undefined) err(`${p}.year`, 'Tahun titik nol wajib diisi');
  else if (!Number.isInteger(b.year) || b.year >= startYear || b.year < oldest)
    err(`${p}.year`, `Tahun titik nol harus sebelum awal periode, antara ${oldest} dan ${startYear - 1}`);
  if (blank(b.source)) err(`${p}.source`, 'Sumber data titik nol wajib diisi');
  b.breakdown.forEach((row, j) => {
    if (blank(row.label)) err(`${p}.breakdown.${j}.label`, 'Uraian data pendukung wajib diisi');
    if (!finite(row.value)) err(`${p}.breakdown.${j}.value`, 'Nilai data pendukung wajib diisi dengan angka');
  });
}

function checkTargets(ind: IndicatorDraft, p: string, years: number[], period: string, err: Err) {
  const seen = new Set<number>();
  // Only the first target of each term year takes part in the direction check; the others are
  // already reported and would only add noise.
  const kept: { target: YearTarget; index: number }[] = [];
  ind.targets.forEach((t, j) => {
    if (!years.includes(t.year)) {
      err(`${p}.targets.${j}.year`, `Target hanya untuk tahun periode ${period} (terisi ${t.year})`);
      return;
    }
    if (seen.has(t.year)) {
      err(`${p}.targets.${j}.year`, `Target tahun ${t.year} tercantum lebih dari sekali`);
      return;
    }
    seen.add(t.year);
    kept.push({ target: t, index: j });
    for (const problem of targetShapeProblems(ind.polarity, t, `Target tahun ${t.year}`))
      err(`${p}.targets.${j}.${problem.field}`, problem.message);
  });
  for (const y of years) if (!seen.has(y)) err(`${p}.targets`, `Target tahun ${y} belum diisi`);
  const baseline = finite(ind.baseline.value) ? ind.baseline.value : null;
  const directionProblems = checkDirection(
    ind.polarity,
    baseline,
    kept.map((k) => k.target),
  );
  for (const d of directionProblems) err(`${p}.targets.${kept[d.index].index}.${d.field}`, d.message);
}

/** Milestones are not ordered among themselves; each must fall within the term (ends inclusive). */
function checkMilestones(
  milestones: readonly MilestoneDraft[],
  term: { startYear: number; endYear: number },
  err: Err,
) {
  if (milestones.length === 0) err('milestones', 'Jadwal kerja harus memiliki minimal 1 tahapan');
  const first = isoDay(`${term.startYear}-01-01`) as number;
  const last = isoDay(`${term.endYear}-12-31`) as number;
  const seen = new Map<string, number>();
  milestones.forEach((m, i) => {
    const p = `milestones.${i}`;
    if (blank(m.key)) err(`${p}.key`, 'Kode tahapan wajib diisi');
    else if (seen.has(m.key))
      err(
        `${p}.key`,
        `Kode tahapan "${m.key}" sudah dipakai pada tahapan ke-${(seen.get(m.key) as number) + 1}`,
      );
    else seen.set(m.key, i);
    if (blank(m.title)) err(`${p}.title`, 'Nama tahapan wajib diisi');
    const day = typeof m.dueDate === 'string' ? isoDay(m.dueDate) : null;
    if (day === null) err(`${p}.dueDate`, 'Tanggal tahapan wajib diisi dengan tanggal yang valid');
    else if (day < first || day > last)
      err(
        `${p}.dueDate`,
        `Tanggal tahapan harus dalam periode, antara 1 Januari ${term.startYear} dan 31 Desember ${term.endYear}`,
      );
  });
}

/**
 * The bid as terms (targets, milestone dates, budget), the starting point of the negotiation and of
 * the contract. Meant for a draft that passed {@link checkCompleteness}.
 */
export function termsFromDraft(draft: ProposalDraft): Terms {
  return {
    targets: draft.indicators.flatMap((ind) =>
      ind.targets.map((t) =>
        ind.polarity === 'range'
          ? { indicatorKey: ind.key, year: t.year, lower: t.lower, upper: t.upper }
          : { indicatorKey: ind.key, year: t.year, value: t.value },
      ),
    ),
    milestones: draft.milestones.map((m) => ({ milestoneKey: m.key, date: m.dueDate })),
    budget: draft.budget.map((b) => ({ year: b.year, amount: b.amount as number })),
  };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** The statuses are those of the API contract: one list. */
export const proposalStates = proposalStatuses;
/** Where a proposal is; `signed` means it has become a contract. */
export type ProposalState = (typeof proposalStates)[number];

export const proposalActions = [
  'submit',
  'withdraw',
  'reopen',
  'schedule',
  'unschedule',
  'complete_scoring',
  'open_negotiation',
  'agree',
  'refuse',
  'sign',
] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** Conditions beyond the role that some rows need, checked against {@link ProposalFacts}. */
export type ProposalGuard =
  'ready_to_submit' | 'scoring_complete' | 'negotiation_accepted' | 'negotiation_refused' | 'fully_signed';

export interface ProposalRow extends TransitionRow<ProposalState, ProposalAction, ActorRole> {
  guard?: ProposalGuard;
}

/**
 * The proposal lifecycle. Roles: the OPD head decides for the unit (the operator drafts but does not
 * submit or withdraw); the region admin runs the schedule; the head of region chairs the panel;
 * `system` is the platform acting when scoring completes or the negotiation deadline passes.
 */
export const proposalTransitions: readonly ProposalRow[] = [
  { from: 'draft', action: 'submit', to: 'submitted', roles: ['opd_head'], guard: 'ready_to_submit' },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', roles: ['opd_head'] },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', roles: ['opd_head'] },
  { from: 'submitted', action: 'reopen', to: 'draft', roles: ['region_admin'] },
  { from: 'submitted', action: 'schedule', to: 'in_session', roles: ['region_admin'] },
  // A cancelled session returns its agenda to the pool, to be scheduled again.
  { from: 'in_session', action: 'unschedule', to: 'submitted', roles: ['region_admin'] },
  {
    from: 'in_session',
    action: 'complete_scoring',
    to: 'scored',
    roles: ['system', 'head_of_region'],
    guard: 'scoring_complete',
  },
  { from: 'scored', action: 'open_negotiation', to: 'in_negotiation', roles: ['head_of_region'] },
  // The panel may take a bid as it is, without a counter-offer.
  { from: 'scored', action: 'agree', to: 'agreed', roles: ['head_of_region'] },
  // Whoever gave the final answer in the negotiation moves the proposal with it.
  {
    from: 'in_negotiation',
    action: 'agree',
    to: 'agreed',
    roles: ['opd_head', 'head_of_region'],
    guard: 'negotiation_accepted',
  },
  {
    from: 'in_negotiation',
    action: 'refuse',
    to: 'refused',
    roles: ['opd_head', 'system'],
    guard: 'negotiation_refused',
  },
  {
    from: 'agreed',
    action: 'sign',
    to: 'signed',
    roles: ['opd_head', 'head_of_region'],
    guard: 'fully_signed',
  },
];

export const proposalStateLabels: Record<ProposalState, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  in_session: 'Dalam sidang',
  scored: 'Sudah dinilai',
  in_negotiation: 'Dalam negosiasi',
  agreed: 'Disepakati',
  refused: 'Ditolak',
  signed: 'Kontrak ditandatangani',
  withdrawn: 'Ditarik',
};

export const proposalActionLabels: Record<ProposalAction, string> = {
  submit: 'Ajukan',
  withdraw: 'Tarik usulan',
  reopen: 'Kembalikan ke draf',
  schedule: 'Jadwalkan ke sidang',
  unschedule: 'Keluarkan dari sidang yang dibatalkan',
  complete_scoring: 'Tetapkan hasil penilaian',
  open_negotiation: 'Buka negosiasi',
  agree: 'Sepakati',
  refuse: 'Tolak',
  sign: 'Tanda tangani',
};

/** The two signatures of the integrity pact; a proposal becomes a contract when both are there. */
export interface PactSignatures {
  opdHeadSignedAt: Date | null;
  headOfRegionSignedAt: Date | null;
}

/**
 * Facts the guards need, computed by the caller with the functions of this feature. A guard whose
 * fact is missing fails (closed): the service must have checked, not merely forgotten to.
 */
export interface ProposalFacts {
  /** {@link checkCompleteness} of the draft. */
  completeness?: readonly FieldError[];
  /** `submissionOpen` of the cycle for the unit, now. */
  submission?: SubmissionWindow;
  /** `aggregate(...).complete` of the scores. */
  scoringComplete?: boolean;
  /** The negotiation's state after the answer that ends it. */
  negotiation?: NegotiationState;
  /** The pact signatures after the act being recorded (see {@link signPact}). */
  signatures?: PactSignatures;
}

export type TransitionResult<S> =
  { ok: true; to: S } | { ok: false; message: string; fields?: readonly FieldError[] };

function guardProblem(
  guard: ProposalGuard,
  facts: ProposalFacts,
): { message: string; fields?: readonly FieldError[] } | null {
  switch (guard) {
    case 'ready_to_submit':
      if (!facts.completeness) return { message: 'Kelengkapan usulan belum diperiksa' };
      if (facts.completeness.length > 0)
        return {
          message: `Usulan belum lengkap: ${facts.completeness.length} hal perlu diperbaiki`,
          fields: facts.completeness,
        };
      if (!facts.submission) return { message: 'Jadwal pengajuan belum diperiksa' };
      return facts.submission.open ? null : { message: facts.submission.message };
    case 'scoring_complete':
      return facts.scoringComplete === true
        ? null
        : {
            message:
              'Penilaian belum lengkap: belum semua panelis tanpa konflik kepentingan menyerahkan nilai',
          };
    case 'negotiation_accepted':
      return facts.negotiation === 'accepted'
        ? null
        : { message: 'Negosiasi belum berakhir dengan kesepakatan' };
    case 'negotiation_refused':
      return facts.negotiation === 'refused' || facts.negotiation === 'expired'
        ? null
        : { message: 'Negosiasi belum berakhir dengan penolakan atau lewat batas waktu' };
    case 'fully_signed':
      return facts.signatures?.opdHeadSignedAt && facts.signatures.headOfRegionSignedAt
        ? null
        : { message: 'Pakta integritas belum ditandatangani oleh Kepala OPD dan Kepala Daerah' };
  }
}

/**
 * Moves a proposal by `action` if one of `actorRoles` may, and the row's guard holds. Returns the new
 * state, or why not in Bahasa Indonesia (with the completeness problems when that is why).
 */
export function transition(
  state: ProposalState,
  action: ProposalAction,
  actorRoles: readonly ActorRole[],
  facts: ProposalFacts = {},
): TransitionResult<ProposalState> {
  const found = findTransition(
    proposalTransitions,
    { subject: 'usulan', states: proposalStateLabels, actions: proposalActionLabels, roles: actorRoleLabels },
    state,
    action,
    actorRoles,
  );
  if (!found.ok) return found;
  const problem = found.row.guard ? guardProblem(found.row.guard, facts) : null;
  if (problem) return { ok: false, ...problem };
  return { ok: true, to: found.row.to };
}

/** Who signs the pact: the two parties, each by an explicit act. */
export type Signatory = 'opd_head' | 'head_of_region';

/**
 * Records one party's signature on the pact of an agreed proposal. The actor must hold the role they
 * sign as, and each party signs once. `complete` tells the caller to move the proposal with `sign`.
 * The parties may sign in either order.
 */
export function signPact(
  state: ProposalState,
  signatures: PactSignatures,
  as: Signatory,
  actorRoles: readonly ActorRole[],
  now: Date,
): { ok: true; signatures: PactSignatures; complete: boolean } | { ok: false; message: string } {
  if (state !== 'agreed')
    return {
      ok: false,
      message: `Pakta integritas hanya dapat ditandatangani untuk usulan yang sudah disepakati`,
    };
  if (!actorRoles.includes(as))
    return {
      ok: false,
      message: `Hanya ${actorRoleLabels[as]} yang dapat menandatangani sebagai ${actorRoleLabels[as]}`,
    };
  const field = as === 'opd_head' ? 'opdHeadSignedAt' : 'headOfRegionSignedAt';
  if (signatures[field])
    return { ok: false, message: `${actorRoleLabels[as]} sudah menandatangani pakta integritas` };
  const next = { ...signatures, [field]: now };
  return {
    ok: true,
    signatures: next,
    complete: next.opdHeadSignedAt !== null && next.headOfRegionSignedAt !== null,
  };
}
