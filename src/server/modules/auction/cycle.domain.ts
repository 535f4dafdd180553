import { DEFAULT_RUBRIC as CONTRACT_DEFAULT_RUBRIC } from '../../../contract/cycles.js';
import type { FieldError } from '../../../contract/common.js';
import { isRupiah, type BudgetLine } from './terms.js';

/**
 * A lelang cycle as the region admin opens it: the term, the phase dates, the scoring rubric and the
 * budget ceilings; and whether a unit may still submit. Pure: the caller passes `now` and all data.
 */

/** The earliest and latest first year of a term the platform accepts: a guard against typos. */
export const MIN_TERM_YEAR = 2000;
export const MAX_TERM_YEAR = 2100;
/** A term is the head of region's five-year period (RPJMD) or what is left of it. */
export const MAX_TERM_LENGTH = 5;

/** One criterion of the scoring rubric; `weight` is its percentage of the total score. */
export interface RubricCriterion {
  /** Stable code, `snake_case`; scores refer to it. */
  code: string;
  /** Name shown to panelists, in Bahasa Indonesia. */
  name: string;
  /** Whole percent, 1-100; the weights of a rubric sum to 100. */
  weight: number;
}

/** The default rubric of domain.md section 3 (Score); the contract owns it so the web shows the same. */
export const DEFAULT_RUBRIC: readonly RubricCriterion[] = CONTRACT_DEFAULT_RUBRIC;

export const MAX_RUBRIC_CRITERIA = 10;
const RUBRIC_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * The phase dates as instants. They are deadlines compared with `now`, so the service turns the
 * region's local date and time (WIB/WITA/WIT) into an instant before calling in here.
 */
export interface CyclePhases {
  draftingStart: Date;
  submissionDeadline: Date;
  sessionsStart: Date;
  sessionsEnd: Date;
  negotiationDeadline: Date;
  signingDeadline: Date;
}

/** The phases in the order they must come in. */
export const phaseOrder = [
  'draftingStart',
  'submissionDeadline',
  'sessionsStart',
  'sessionsEnd',
  'negotiationDeadline',
  'signingDeadline',
] as const satisfies readonly (keyof CyclePhases)[];

export const phaseLabels: Record<keyof CyclePhases, string> = {
  draftingStart: 'Mulai penyusunan usulan',
  submissionDeadline: 'Batas pengajuan usulan',
  sessionsStart: 'Mulai sidang lelang',
  sessionsEnd: 'Akhir sidang lelang',
  negotiationDeadline: 'Batas negosiasi',
  signingDeadline: 'Batas penandatanganan',
};

/** A theme of the cycle and the mission it belongs to (ids only: names live with the region). */
export interface ThemeRef {
  id: string;
  missionId: string;
}

/** A cycle as the pure rules need it. */
export interface Cycle {
  startYear: number;
  endYear: number;
  phases: CyclePhases;
  rubric: readonly RubricCriterion[];
  /** Optional ceiling per term year; a year without a line has no ceiling. */
  budgetCeilings: readonly BudgetLine[];
  themes: readonly ThemeRef[];
}

/** The years of the term, first to last. */
export function termYears(term: { startYear: number; endYear: number }): number[] {
  const years: number[] = [];
  for (let y = term.startYear; y <= term.endYear; y++) years.push(y);
  return years;
}

/** Term of 1 to 5 whole years starting between 2000 and 2100. */
export function validateTerm(startYear: number, endYear: number): FieldError[] {
  const out: FieldError[] = [];
  if (!Number.isInteger(startYear) || startYear < MIN_TERM_YEAR || startYear > MAX_TERM_YEAR)
    out.push({
      path: 'startYear',
      message: `Tahun awal periode harus tahun antara ${MIN_TERM_YEAR} dan ${MAX_TERM_YEAR}`,
    });
  if (!Number.isInteger(endYear))
    out.push({ path: 'endYear', message: 'Tahun akhir periode harus berupa tahun' });
  else if (out.length === 0) {
    const length = endYear - startYear + 1;
    if (length < 1)
      out.push({ path: 'endYear', message: 'Tahun akhir periode tidak boleh sebelum tahun awal' });
    else if (length > MAX_TERM_LENGTH)
      out.push({
        path: 'endYear',
        message: `Periode paling lama ${MAX_TERM_LENGTH} tahun (terisi ${length} tahun)`,
      });
  }
  return out;
}

const validDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * The window in which phase dates are plausible: from 1 January of the year before the term through
 * 31 December of its first year (UTC). Proposals are drafted, auctioned and signed before or early in
 * the first term year (Kota Malang: sessions and signing in November-December 2018 for 2019-2023);
 * anything outside is most likely a typo in the year.
 */
export function phaseWindow(startYear: number): { from: Date; to: Date } {
  return {
    from: new Date(Date.UTC(startYear - 1, 0, 1)),
    to: new Date(Date.UTC(startYear + 1, 0, 1) - 1),
  };
}

/**
 * Phase dates present, real, in order (each on or after the one before; equal is allowed, e.g.
 * one-day sessions) and inside {@link phaseWindow}. The window is only checked when the start year is
 * valid.
 */
export function validatePhases(startYear: number, phases: CyclePhases): FieldError[] {
  const out: FieldError[] = [];
  const termOk = Number.isInteger(startYear) && startYear >= MIN_TERM_YEAR && startYear <= MAX_TERM_YEAR;
  const window = phaseWindow(startYear);
  let previous: keyof CyclePhases | null = null;
  for (const key of phaseOrder) {
    const date = phases[key];
    const path = `phases.${key}`;
    if (!validDate(date)) {
      out.push({ path, message: `${phaseLabels[key]} wajib diisi dengan tanggal yang valid` });
      continue;
    }
    if (termOk && (date < window.from || date > window.to))
      out.push({
        path,
        message: `${phaseLabels[key]} harus antara 1 Januari ${startYear - 1} dan 31 Desember ${startYear}`,
      });
    if (previous && date < phases[previous])
      out.push({
        path,
        message: `${phaseLabels[key]} tidak boleh sebelum ${lowerFirst(phaseLabels[previous])}`,
      });
    previous = key;
  }
  return out;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** 1-10 criteria with unique codes, a name each, and whole weights 1-100 that sum to exactly 100. */
export function validateRubric(rubric: readonly RubricCriterion[]): FieldError[] {
  const out: FieldError[] = [];
  if (rubric.length < 1)
    return [{ path: 'rubric', message: 'Rubrik penilaian harus memiliki minimal 1 kriteria' }];
  if (rubric.length > MAX_RUBRIC_CRITERIA)
    out.push({
      path: 'rubric',
      message: `Rubrik penilaian paling banyak ${MAX_RUBRIC_CRITERIA} kriteria (terisi ${rubric.length})`,
    });
  const seen = new Map<string, number>();
  let sum = 0;
  let weightsOk = true;
  rubric.forEach((c, i) => {
    if (!RUBRIC_CODE.test(c.code))
      out.push({
        path: `rubric.${i}.code`,
        message:
          'Kode kriteria harus huruf kecil, angka, atau garis bawah, diawali huruf (maks. 40 karakter)',
      });
    else if (seen.has(c.code))
      out.push({
        path: `rubric.${i}.code`,
        message: `Kode kriteria "${c.code}" sudah dipakai pada kriteria ke-${(seen.get(c.code) as number) + 1}`,
      });
    else seen.set(c.code, i);
    if (typeof c.name !== 'string' || c.name.trim() === '')
      out.push({ path: `rubric.${i}.name`, message: 'Nama kriteria wajib diisi' });
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > 100) {
      weightsOk = false;
      out.push({ path: `rubric.${i}.weight`, message: 'Bobot kriteria harus bilangan bulat 1-100' });
    } else sum += c.weight;
  });
  // The total is only meaningful when every weight is; otherwise the per-weight message says it all.
  if (weightsOk && sum !== 100)
    out.push({ path: 'rubric', message: `Jumlah bobot kriteria harus 100 (saat ini ${sum})` });
  return out;
}

/** Whole non-negative Rupiah, at most one line per year, and only for years of the term. */
export function validateBudgetCeilings(
  term: { startYear: number; endYear: number },
  ceilings: readonly BudgetLine[],
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<number>();
  ceilings.forEach((c, i) => {
    if (!Number.isInteger(c.year) || c.year < term.startYear || c.year > term.endYear)
      out.push({
        path: `budgetCeilings.${i}.year`,
        message: `Pagu hanya untuk tahun periode ${term.startYear}-${term.endYear}`,
      });
    else if (seen.has(c.year))
      out.push({ path: `budgetCeilings.${i}.year`, message: `Pagu tahun ${c.year} sudah diisi` });
    else seen.add(c.year);
    if (!isRupiah(c.amount))
      out.push({
        path: `budgetCeilings.${i}.amount`,
        message: 'Pagu harus bilangan bulat Rupiah yang tidak negatif',
      });
  });
  return out;
}

/** Every rule of a cycle, each problem with its field path. Ceilings are checked once the term is valid. */
export function validateCycle(cycle: Omit<Cycle, 'themes'>): FieldError[] {
  const term = validateTerm(cycle.startYear, cycle.endYear);
  return [
    ...term,
    ...validatePhases(cycle.startYear, cycle.phases),
    ...validateRubric(cycle.rubric),
    ...(term.length === 0 ? validateBudgetCeilings(cycle, cycle.budgetCeilings) : []),
  ];
}

/**
 * An audited extension of one unit's submission deadline. Only a later deadline is an extension, and it
 * may not pass the end of the sessions: the proposal still has to be presented.
 */
export function validateExtension(cycle: Pick<Cycle, 'phases'>, deadline: Date): FieldError[] {
  if (!validDate(deadline))
    return [{ path: 'deadline', message: 'Batas baru wajib diisi dengan tanggal yang valid' }];
  if (deadline <= cycle.phases.submissionDeadline)
    return [{ path: 'deadline', message: 'Batas baru harus setelah batas pengajuan siklus' }];
  if (deadline > cycle.phases.sessionsEnd)
    return [{ path: 'deadline', message: 'Batas baru tidak boleh melewati akhir sidang lelang' }];
  return [];
}

/** Whether a unit may submit now, with the deadline that applies to it and, when closed, why. */
export type SubmissionWindow =
  { open: true; deadline: Date } | { open: false; deadline: Date; message: string };

/**
 * Submission is open from the start of drafting through the deadline, both inclusive: a proposal
 * submitted at exactly the deadline is on time. A unit's extension replaces the cycle deadline when it
 * is later (an extension never shortens it, whatever is stored).
 */
export function submissionOpen(
  cycle: Pick<Cycle, 'phases'>,
  unitExtension: { deadline: Date } | null,
  now: Date,
): SubmissionWindow {
  const base = cycle.phases.submissionDeadline;
  const deadline = unitExtension && unitExtension.deadline > base ? unitExtension.deadline : base;
  if (now < cycle.phases.draftingStart)
    return { open: false, deadline, message: 'Pengajuan usulan belum dibuka' };
  if (now > deadline) return { open: false, deadline, message: 'Batas waktu pengajuan usulan sudah lewat' };
  return { open: true, deadline };
}

/** Requested budget of one year against the ceiling; `ceiling` and `remaining` are null without one. */
export interface BudgetUse {
  year: number;
  requested: number;
  ceiling: number | null;
  /** Ceiling minus requested; negative when over. */
  remaining: number | null;
  over: boolean;
}

/**
 * The overview's "requested budget against the ceiling": the sum of the given proposals' requests per
 * term year. Lines outside the term are ignored (completeness does not let them in).
 */
export function budgetAgainstCeiling(
  cycle: Pick<Cycle, 'startYear' | 'endYear' | 'budgetCeilings'>,
  requests: readonly (readonly BudgetLine[])[],
): BudgetUse[] {
  return termYears(cycle).map((year) => {
    const requested = requests.reduce(
      (sum, lines) => sum + lines.filter((l) => l.year === year).reduce((s, l) => s + l.amount, 0),
      0,
    );
    const line = cycle.budgetCeilings.find((c) => c.year === year);
    const ceiling = line ? line.amount : null;
    const remaining = ceiling === null ? null : ceiling - requested;
    return { year, requested, ceiling, remaining, over: remaining !== null && remaining < 0 };
  });
}

/** The phase a cycle is in at `now` (boundaries as in {@link submissionOpen}: deadlines inclusive). */
export type CurrentPhase =
  'not_started' | 'drafting' | 'waiting_sessions' | 'sessions' | 'negotiation' | 'signing' | 'monitoring';

export function currentPhase(phases: CyclePhases, now: Date): CurrentPhase {
  if (now < phases.draftingStart) return 'not_started';
  if (now <= phases.submissionDeadline) return 'drafting';
  if (now < phases.sessionsStart) return 'waiting_sessions';
  if (now <= phases.sessionsEnd) return 'sessions';
  if (now <= phases.negotiationDeadline) return 'negotiation';
  if (now <= phases.signingDeadline) return 'signing';
  return 'monitoring';
}
