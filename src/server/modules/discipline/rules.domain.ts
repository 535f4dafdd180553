import type { FieldError } from '../../../contract/common.js';
import {
  conditionFit,
  conditionLabels,
  ruleKinds,
  ruleSubjectLabels,
  ruleSubjects,
  scorePeriodKinds,
  type RuleKind,
  type RuleSubject,
} from '../../../contract/discipline.js';
import { formatNumber } from '../auction/terms.js';
import { MONTH_NAMES, parsePeriodKey } from '../monitoring/periods.domain.js';
import { isDay } from '../monitoring/working-days.domain.js';
import {
  BAND_CODES,
  formatDay,
  type BandCode,
  type FlaggedDay,
  type LatenessRecap,
  SERIOUS_LATE_BANDS,
} from './lateness.domain.js';
import { DEFAULT_ESCALATION, type EscalationPolicy } from './sanction-calendar.domain.js';

/**
 * The rules of the region's regulation (Perwali / Perbup; domain.md section 5, issue 5 items 4 and 5):
 * a fixed, documented vocabulary of conditions, the validator of what an admin enters, the default rules
 * as data, and the evaluator that, given plain facts (unit scores, overdue milestones, late reports,
 * monthly lateness recaps, budget absorption), lists every subject a rule hits with the facts that
 * triggered it, in a deterministic order, so that a dry run can be shown before anything is written.
 *
 * The vocabulary (docs/discipline.md section 3):
 * - `unit_score_below`: a unit's quarter or year score below X;
 * - `milestone_overdue`: a contract milestone overdue more than N working days;
 * - `report_late`: a realization report late more than N working days;
 * - `lateness_days`: at least N days in the evaluated month carrying one of the given bands;
 * - `absorption_below`: budget absorption below X % of plan at the end of a quarter;
 * - `clean_attendance` (reward): no day with the given bands for N months, and the unit's score at least X;
 * - `top_unit_score` (reward): the highest year score of the region, at least X;
 * - `any_of`: one of two to five of the above (e.g. a late milestone or a late report).
 *
 * Pure: the evaluator judges the facts it is given. The service passes the facts of the evaluated period
 * (closed and verified scores only; lateness already counted in working days by the monitoring module).
 */

// ---------------------------------------------------------------------------------------------------
// Vocabulary

// The kinds, the subjects (the head of a unit for sanctions on OPD results, a civil servant, or a
// unit) and the score periods are the contract's.
export { ruleKinds, ruleSubjects, scorePeriodKinds };
export type { RuleKind, RuleSubject };
export type ScorePeriodKind = (typeof scorePeriodKinds)[number];

export interface UnitScoreBelow {
  kind: 'unit_score_below';
  /** Hit when the score is strictly below this. */
  below: number;
  /** Which scores count: quarter scores, year scores, or both. */
  periods: readonly ScorePeriodKind[];
}
export interface MilestoneOverdue {
  kind: 'milestone_overdue';
  /** Hit when a milestone is overdue by more than this many working days. */
  moreThanWorkingDays: number;
}
export interface ReportLate {
  kind: 'report_late';
  /** Hit when a report is late by more than this many working days. */
  moreThanWorkingDays: number;
}
export interface LatenessDays {
  kind: 'lateness_days';
  /** The bands that count; a day counts once however many of them it carries. */
  bands: readonly BandCode[];
  /** Hit when at least this many days of the evaluated month carry one of the bands. */
  atLeastDays: number;
}
export interface AbsorptionBelow {
  kind: 'absorption_below';
  /** Hit when realized / planned x 100 is strictly below this. */
  belowPercent: number;
  /** The quarter at whose end absorption is judged. */
  quarter: 1 | 2 | 3 | 4;
}
export interface CleanAttendance {
  kind: 'clean_attendance';
  /** The evaluated month and the months before it, this many in all. */
  months: number;
  /** The bands that must not occur. */
  bands: readonly BandCode[];
  /** The unit's latest score of this kind must be at least `minUnitScore`. */
  scorePeriod: ScorePeriodKind;
  minUnitScore: number;
}
export interface TopUnitScore {
  kind: 'top_unit_score';
  /** The highest year score of the region, when it is at least this (ties: every unit on top). */
  minScore: number;
}

export type LeafCondition =
  | UnitScoreBelow
  | MilestoneOverdue
  | ReportLate
  | LatenessDays
  | AbsorptionBelow
  | CleanAttendance
  | TopUnitScore;

export interface AnyOf {
  kind: 'any_of';
  conditions: readonly LeafCondition[];
}

export type RuleCondition = LeafCondition | AnyOf;
export type ConditionKind = RuleCondition['kind'];

export const conditionKinds = [
  'unit_score_below',
  'milestone_overdue',
  'report_late',
  'lateness_days',
  'absorption_below',
  'clean_attendance',
  'top_unit_score',
  'any_of',
] as const satisfies readonly ConditionKind[];

/** The labels and fits of the vocabulary live in the contract, which the rule form shares. */
export { conditionLabels };
const CONDITION_FIT: Record<LeafCondition['kind'], { kind: RuleKind; subjects: readonly RuleSubject[] }> =
  conditionFit;

/** A vest to wear for a number of working days, or a certificate. */
export type Consequence =
  { kind: 'vest'; label: string; workingDays: number } | { kind: 'certificate'; text: string };

/** A rule of the regulation. The service stores versions; an evaluation records the one it used. */
export interface Rule {
  /** Stable code, e.g. `SUKA_TERLAMBAT`: upper-case letters, digits and underscores. */
  code: string;
  version?: number;
  name: string;
  /** The regulation, article and paragraph the rule comes from. */
  legalBasis: string;
  kind: RuleKind;
  subject: RuleSubject;
  condition: RuleCondition;
  consequence: Consequence;
  /** Sanctions only: the length multiplied for a repeat; null or absent: no escalation. */
  escalation?: EscalationPolicy | null;
  /** First and last day the rule applies (inclusive); absent: open-ended. */
  validFrom?: string | null;
  validUntil?: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Default rules (domain.md section 5)

/** Marks the legal basis of a default rule as an example the region must replace. */
export const EXAMPLE_LEGAL_BASIS_MARK = '(contoh: sesuaikan dengan peraturan daerah)';

/** Whether a legal basis is still the seeded example text. */
export const isExampleLegalBasis = (text: string) => text.includes(EXAMPLE_LEGAL_BASIS_MARK);

const exampleBasis = (article: string) =>
  `Perwali Kota Malang Nomor ... Tahun 2019 tentang ..., Pasal ${article} ${EXAMPLE_LEGAL_BASIS_MARK}`;

const TL2_TO_TL4: readonly BandCode[] = SERIOUS_LATE_BANDS;

/** The example Perwali of domain.md section 5. The legal basis texts are placeholders to edit. */
export const DEFAULT_RULES: readonly Rule[] = Object.freeze([
  {
    code: 'KINERJA_RENDAH',
    version: 1,
    name: 'Kinerja rendah',
    legalBasis: exampleBasis('... ayat (1)'),
    kind: 'sanction',
    subject: 'opd_head',
    condition: { kind: 'unit_score_below', below: 65, periods: ['quarter', 'year'] },
    consequence: { kind: 'vest', label: 'KINERJA RENDAH', workingDays: 5 },
    escalation: DEFAULT_ESCALATION,
  },
  {
    code: 'KINERJA_LAMBAT',
    version: 1,
    name: 'Kinerja lambat',
    legalBasis: exampleBasis('... ayat (2)'),
    kind: 'sanction',
    subject: 'opd_head',
    condition: {
      kind: 'any_of',
      conditions: [
        { kind: 'milestone_overdue', moreThanWorkingDays: 10 },
        { kind: 'report_late', moreThanWorkingDays: 5 },
      ],
    },
    consequence: { kind: 'vest', label: 'KINERJA LAMBAT', workingDays: 3 },
    escalation: DEFAULT_ESCALATION,
  },
  {
    code: 'SUKA_TERLAMBAT',
    version: 1,
    name: 'Suka terlambat',
    legalBasis: exampleBasis('... ayat (3)'),
    kind: 'sanction',
    subject: 'asn',
    condition: { kind: 'lateness_days', bands: TL2_TO_TL4, atLeastDays: 4 },
    consequence: { kind: 'vest', label: 'SUKA TERLAMBAT', workingDays: 5 },
    escalation: DEFAULT_ESCALATION,
  },
  {
    code: 'SERAPAN_RENDAH',
    version: 1,
    name: 'Serapan anggaran rendah',
    legalBasis: exampleBasis('... ayat (4)'),
    kind: 'sanction',
    subject: 'opd_head',
    condition: { kind: 'absorption_below', belowPercent: 60, quarter: 3 },
    consequence: { kind: 'vest', label: 'SERAPAN RENDAH', workingDays: 5 },
    escalation: DEFAULT_ESCALATION,
  },
  {
    code: 'ASN_TELADAN',
    version: 1,
    name: 'ASN teladan',
    legalBasis: exampleBasis('...'),
    kind: 'reward',
    subject: 'asn',
    condition: {
      kind: 'clean_attendance',
      months: 3,
      bands: BAND_CODES,
      scorePeriod: 'quarter',
      minUnitScore: 91,
    },
    consequence: {
      kind: 'certificate',
      text: 'Piagam Penghargaan ASN Teladan atas kedisiplinan selama tiga bulan berturut-turut pada unit berpredikat Sangat Baik',
    },
    escalation: null,
  },
  {
    code: 'OPD_TERBAIK',
    version: 1,
    name: 'Perangkat Daerah terbaik',
    legalBasis: exampleBasis('...'),
    kind: 'reward',
    subject: 'work_unit',
    condition: { kind: 'top_unit_score', minScore: 91 },
    consequence: {
      kind: 'certificate',
      text: 'Piagam Penghargaan Perangkat Daerah Terbaik dengan nilai kinerja tertinggi dan predikat Sangat Baik',
    },
    escalation: null,
  },
] satisfies Rule[]);

// ---------------------------------------------------------------------------------------------------
// Validation

export const MAX_RULE_NAME = 120;
export const MAX_LEGAL_BASIS = 500;
export const MAX_VEST_LABEL = 40;
export const MAX_CERTIFICATE_TEXT = 500;
export const MAX_VEST_DAYS = 60;
const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const isInt = (n: unknown, min: number, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
const isText = (s: unknown, max: number): s is string =>
  typeof s === 'string' && s.trim() !== '' && s.trim().length <= max;

function validateBands(bands: unknown, path: string, out: FieldError[]): void {
  if (!Array.isArray(bands) || bands.length === 0) {
    out.push({ path, message: 'Pilih paling sedikit satu kategori (TL1-TL4, PSW1-PSW4, TK)' });
    return;
  }
  const seen = new Set<unknown>();
  bands.forEach((b: unknown, i) => {
    if (!(BAND_CODES as readonly unknown[]).includes(b))
      out.push({ path: `${path}.${i}`, message: `Kategori "${String(b)}" tidak dikenal` });
    else if (seen.has(b))
      out.push({ path: `${path}.${i}`, message: `Kategori ${String(b)} tercantum dua kali` });
    seen.add(b);
  });
}

const scoreMessage = 'Batas nilai harus angka 0-100';

function validateLeaf(c: LeafCondition, path: string, out: FieldError[]): void {
  switch (c.kind) {
    case 'unit_score_below': {
      if (!isNum(c.below) || c.below <= 0 || c.below > 100)
        out.push({ path: `${path}.below`, message: scoreMessage });
      const periods: readonly unknown[] = Array.isArray(c.periods) ? c.periods : [];
      if (
        periods.length === 0 ||
        periods.some((p) => !(scorePeriodKinds as readonly unknown[]).includes(p)) ||
        new Set(periods).size !== periods.length
      )
        out.push({ path: `${path}.periods`, message: 'Pilih periode nilai: triwulan, tahun, atau keduanya' });
      return;
    }
    case 'milestone_overdue':
    case 'report_late':
      if (!isInt(c.moreThanWorkingDays, 0, 250))
        out.push({
          path: `${path}.moreThanWorkingDays`,
          message: 'Batas keterlambatan harus bilangan bulat 0-250 hari kerja',
        });
      return;
    case 'lateness_days':
      validateBands(c.bands, `${path}.bands`, out);
      if (!isInt(c.atLeastDays, 1, 31))
        out.push({ path: `${path}.atLeastDays`, message: 'Jumlah hari harus bilangan bulat 1-31' });
      return;
    case 'absorption_below':
      if (!isNum(c.belowPercent) || c.belowPercent <= 0 || c.belowPercent > 100)
        out.push({
          path: `${path}.belowPercent`,
          message: 'Batas serapan harus angka lebih dari 0 sampai 100 (%)',
        });
      if (!isInt(c.quarter, 1, 4))
        out.push({ path: `${path}.quarter`, message: 'Triwulan harus 1, 2, 3, atau 4' });
      return;
    case 'clean_attendance':
      if (!isInt(c.months, 1, 12))
        out.push({ path: `${path}.months`, message: 'Jumlah bulan harus bilangan bulat 1-12' });
      validateBands(c.bands, `${path}.bands`, out);
      if (!(scorePeriodKinds as readonly unknown[]).includes(c.scorePeriod))
        out.push({ path: `${path}.scorePeriod`, message: 'Periode nilai harus triwulan atau tahun' });
      if (!isNum(c.minUnitScore) || c.minUnitScore < 0 || c.minUnitScore > 100)
        out.push({ path: `${path}.minUnitScore`, message: scoreMessage });
      return;
    case 'top_unit_score':
      if (!isNum(c.minScore) || c.minScore < 0 || c.minScore > 100)
        out.push({ path: `${path}.minScore`, message: scoreMessage });
      return;
    default:
      out.push({ path: `${path}.kind`, message: 'Jenis kondisi tidak dikenal' });
  }
}

/** The leaves of a condition (itself, or the members of `any_of`). */
const leavesOf = (c: RuleCondition): readonly LeafCondition[] => (c.kind === 'any_of' ? c.conditions : [c]);

/**
 * Checks one rule as the admin enters it: the code, name and legal basis; a known kind and subject; a
 * condition of the vocabulary with valid parameters that fits the kind and the subject; a vest (label,
 * 1-60 working days) for a sanction or a certificate text for a reward; an escalation only on a
 * sanction (1-24 months, factor 1-5); validity dates in order. Messages in Bahasa Indonesia.
 */
export function validateRule(rule: Rule): FieldError[] {
  const out: FieldError[] = [];
  if (typeof rule?.code !== 'string' || !CODE.test(rule.code))
    out.push({
      path: 'code',
      message: 'Kode aturan 2-40 karakter: huruf besar, angka, dan garis bawah (contoh: SUKA_TERLAMBAT)',
    });
  if (!isText(rule?.name, MAX_RULE_NAME))
    out.push({ path: 'name', message: `Nama aturan wajib diisi, paling banyak ${MAX_RULE_NAME} karakter` });
  if (!isText(rule?.legalBasis, MAX_LEGAL_BASIS))
    out.push({
      path: 'legalBasis',
      message: `Dasar hukum wajib diisi (peraturan, nomor, tahun, pasal), paling banyak ${MAX_LEGAL_BASIS} karakter`,
    });
  const kindOk = (ruleKinds as readonly unknown[]).includes(rule?.kind);
  const subjectOk = (ruleSubjects as readonly unknown[]).includes(rule?.subject);
  if (!kindOk) out.push({ path: 'kind', message: 'Jenis aturan harus sanksi atau penghargaan' });
  if (!subjectOk)
    out.push({ path: 'subject', message: 'Subjek aturan harus Kepala OPD, ASN, atau Perangkat Daerah' });

  const condition = rule?.condition;
  if (
    condition == null ||
    typeof condition !== 'object' ||
    !(conditionKinds as readonly unknown[]).includes(condition.kind)
  ) {
    out.push({ path: 'condition.kind', message: 'Jenis kondisi tidak dikenal' });
  } else {
    const leaves = leavesOf(condition);
    if (condition.kind === 'any_of') {
      if (
        !Array.isArray(condition.conditions) ||
        condition.conditions.length < 2 ||
        condition.conditions.length > 5
      )
        out.push({ path: 'condition.conditions', message: 'Kondisi gabungan memuat 2 sampai 5 kondisi' });
    }
    leaves.forEach((leaf, i) => {
      const path = condition.kind === 'any_of' ? `condition.conditions.${i}` : 'condition';
      if (leaf?.kind === ('any_of' as string)) {
        out.push({ path: `${path}.kind`, message: 'Kondisi gabungan tidak boleh bersarang' });
        return;
      }
      validateLeaf(leaf, path, out);
      const fit = CONDITION_FIT[leaf?.kind];
      if (!fit) return;
      if (kindOk && fit.kind !== rule.kind)
        out.push({
          path: `${path}.kind`,
          message: `Kondisi "${conditionLabels[leaf.kind]}" hanya untuk aturan ${fit.kind === 'reward' ? 'penghargaan' : 'sanksi'}`,
        });
      if (subjectOk && !fit.subjects.includes(rule.subject))
        out.push({
          path: `${path}.kind`,
          message: `Kondisi "${conditionLabels[leaf.kind]}" berlaku untuk subjek ${fit.subjects.map((s) => ruleSubjectLabels[s]).join(' atau ')}`,
        });
    });
  }

  const c = rule?.consequence;
  if (kindOk && rule.kind === 'sanction') {
    if (c?.kind !== 'vest') out.push({ path: 'consequence.kind', message: 'Sanksi berupa rompi khusus' });
    else {
      if (!isText(c.label, MAX_VEST_LABEL))
        out.push({
          path: 'consequence.label',
          message: `Tulisan pada rompi wajib diisi, paling banyak ${MAX_VEST_LABEL} karakter`,
        });
      if (!isInt(c.workingDays, 1, MAX_VEST_DAYS))
        out.push({
          path: 'consequence.workingDays',
          message: `Lama sanksi harus bilangan bulat 1-${MAX_VEST_DAYS} hari kerja`,
        });
    }
  } else if (kindOk) {
    if (c?.kind !== 'certificate')
      out.push({ path: 'consequence.kind', message: 'Penghargaan berupa piagam' });
    else if (!isText(c.text, MAX_CERTIFICATE_TEXT))
      out.push({
        path: 'consequence.text',
        message: `Teks piagam wajib diisi, paling banyak ${MAX_CERTIFICATE_TEXT} karakter`,
      });
  }

  const e = rule?.escalation;
  if (e != null) {
    if (kindOk && rule.kind === 'reward')
      out.push({ path: 'escalation', message: 'Pemberatan hanya berlaku untuk sanksi' });
    else {
      if (!isInt(e.withinMonths, 1, 24))
        out.push({
          path: 'escalation.withinMonths',
          message: 'Jangka pengulangan harus bilangan bulat 1-24 bulan',
        });
      if (!isNum(e.factor) || e.factor < 1 || e.factor > 5)
        out.push({ path: 'escalation.factor', message: 'Pengali pemberatan harus angka 1-5' });
    }
  }

  const from = rule?.validFrom;
  const until = rule?.validUntil;
  if (from != null && !isDay(from))
    out.push({ path: 'validFrom', message: 'Tanggal berlaku tidak valid (format TTTT-BB-HH)' });
  if (until != null && !isDay(until))
    out.push({ path: 'validUntil', message: 'Tanggal akhir berlaku tidak valid (format TTTT-BB-HH)' });
  if (isDay(from) && isDay(until) && until < from)
    out.push({
      path: 'validUntil',
      message: 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku',
    });
  return out;
}

/** Checks every rule (paths `<index>.<field>`) and that no code is used twice among rules valid at once. */
export function validateRuleSet(rules: readonly Rule[]): FieldError[] {
  const out: FieldError[] = [];
  rules.forEach((rule, i) => {
    for (const e of validateRule(rule)) out.push({ path: `${i}.${e.path}`, message: e.message });
  });
  rules.forEach((rule, i) => {
    const clash = rules.findIndex(
      (other, j) =>
        j < i &&
        other.code === rule.code &&
        (other.validFrom ?? '0000-01-01') <= (rule.validUntil ?? '9999-12-31') &&
        (rule.validFrom ?? '0000-01-01') <= (other.validUntil ?? '9999-12-31'),
    );
    if (clash >= 0)
      out.push({
        path: `${i}.code`,
        message: `Kode ${rule.code} sudah dipakai aturan ke-${clash + 1} yang berlaku pada tanggal yang sama`,
      });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Facts

/** A closed, verified score of a unit for a period (`2026-Q3` or `2026`), as shown (2 decimals). */
export interface UnitScoreFact {
  unitId: string;
  periodKey: string;
  score: number;
}

/** An overdue contract milestone, its lateness counted in working days by the monitoring module. */
export interface MilestoneFact {
  unitId: string;
  milestoneId: string;
  name: string;
  dueDate: string;
  workingDaysOverdue: number;
}

/** A realization report submitted late (or not yet), its lateness in working days. */
export interface ReportFact {
  unitId: string;
  reportId: string;
  /** What the report is of (the indicator's name). */
  label: string;
  periodKey: string;
  deadline: string;
  workingDaysLate: number;
}

/** One servant's lateness recap of one month `YYYY-MM`. */
export interface AttendanceFact {
  asnId: string;
  unitId: string;
  month: string;
  recap: Pick<LatenessRecap, 'daysCounted' | 'flaggedDays'>;
}

/** Budget absorption of a unit at the end of a quarter, in Rupiah. */
export interface AbsorptionFact {
  unitId: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  planned: number;
  realized: number;
}

export interface EvaluationFacts {
  unitScores?: readonly UnitScoreFact[];
  milestones?: readonly MilestoneFact[];
  reports?: readonly ReportFact[];
  attendance?: readonly AttendanceFact[];
  absorption?: readonly AbsorptionFact[];
}

export interface EvaluationContext {
  /** The day the evaluation is for (normally the last day of the period): decides rule validity and the month. */
  asOf: string;
  /** The evaluated period (`2026-M03`, `2026-Q3`, `2026`): part of each hit's key. */
  periodKey: string;
}

// ---------------------------------------------------------------------------------------------------
// Hits

export type HitSubject =
  | { kind: 'opd_head'; unitId: string }
  | { kind: 'work_unit'; unitId: string }
  | { kind: 'asn'; asnId: string; unitId: string };

export type HitFact =
  | { kind: 'unit_score'; unitId: string; periodKey: string; score: number; below: number }
  | {
      kind: 'milestone_overdue';
      milestoneId: string;
      name: string;
      dueDate: string;
      workingDaysOverdue: number;
      moreThan: number;
    }
  | {
      kind: 'report_late';
      reportId: string;
      label: string;
      periodKey: string;
      deadline: string;
      workingDaysLate: number;
      moreThan: number;
    }
  | {
      kind: 'lateness_days';
      month: string;
      bands: BandCode[];
      days: FlaggedDay[];
      count: number;
      atLeast: number;
    }
  | {
      kind: 'absorption';
      year: number;
      quarter: number;
      planned: number;
      realized: number;
      percent: number;
      below: number;
    }
  | { kind: 'clean_attendance'; months: string[]; periodKey: string; score: number; minScore: number }
  | { kind: 'top_unit_score'; periodKey: string; score: number; minScore: number };

export interface RuleHit {
  ruleCode: string;
  ruleVersion: number | null;
  ruleKind: RuleKind;
  subject: HitSubject;
  /** The facts that triggered the rule, in a stable order. */
  facts: HitFact[];
  /** The facts in one text, Bahasa Indonesia. */
  summary: string;
  /** `code|subject|period`: the same hit of a second run has the same key, so a commit creates no duplicate. */
  key: string;
}

const subjectKey = (s: HitSubject) => (s.kind === 'asn' ? `asn:${s.asnId}` : `unit:${s.unitId}`);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `YYYY-MM` of `n` months before `month`. */
function monthMinus(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const periodLabel = (key: string) => parsePeriodKey(key)?.label ?? key;
const kindOfPeriod = (key: string): ScorePeriodKind | null => {
  const f = parsePeriodKey(key)?.frequency;
  return f === 'quarterly' ? 'quarter' : f === 'yearly' ? 'year' : null;
};
const rupiah = (n: number) => `Rp${formatNumber(n)}`;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** One fact in words, Bahasa Indonesia. */
export function describeFact(f: HitFact): string {
  switch (f.kind) {
    case 'unit_score':
      return `Nilai kinerja ${periodLabel(f.periodKey)} ${formatNumber(f.score)}, di bawah batas ${formatNumber(f.below)}`;
    case 'milestone_overdue':
      return (
        `Tahapan "${f.name}" (jatuh tempo ${formatDay(f.dueDate)}) terlambat ${f.workingDaysOverdue} hari kerja, ` +
        `lebih dari ${f.moreThan} hari kerja`
      );
    case 'report_late':
      return (
        `Laporan realisasi ${f.label} ${periodLabel(f.periodKey)} (batas ${formatDay(f.deadline)}) terlambat ` +
        `${f.workingDaysLate} hari kerja, lebih dari ${f.moreThan} hari kerja`
      );
    case 'lateness_days':
      return (
        `${f.count} hari dengan kategori ${f.bands.join('/')} pada ${monthLabel(f.month)} ` +
        `(paling sedikit ${f.atLeast} hari): ` +
        f.days.map((d) => `${formatDay(d.date)} (${d.bands.join(', ')})`).join(', ')
      );
    case 'absorption':
      return (
        `Serapan anggaran Triwulan ${ROMAN[f.quarter - 1]} ${f.year} ${formatNumber(f.percent)}% ` +
        `(${rupiah(f.realized)} dari ${rupiah(f.planned)}), di bawah ${formatNumber(f.below)}%`
      );
    case 'clean_attendance':
      return (
        `Tanpa keterlambatan selama ${f.months.length} bulan (${f.months.map(monthLabel).join(', ')}); ` +
        `nilai unit ${periodLabel(f.periodKey)} ${formatNumber(f.score)} (paling rendah ${formatNumber(f.minScore)})`
      );
    case 'top_unit_score':
      return `Nilai kinerja tertinggi ${periodLabel(f.periodKey)}: ${formatNumber(f.score)} (paling rendah ${formatNumber(f.minScore)})`;
  }
}

/** Rounds a percentage for display and comparison at 2 decimals, like scores. */
const pct2 = (n: number) => Math.round(n * 100) / 100;

type Found = Map<string, { subject: HitSubject; facts: HitFact[] }>;

function add(found: Found, subject: HitSubject, facts: HitFact[]): void {
  const key = subjectKey(subject);
  const entry = found.get(key);
  if (entry) entry.facts.push(...facts);
  else found.set(key, { subject, facts: [...facts] });
}

const unitSubject = (rule: Rule, unitId: string): HitSubject =>
  rule.subject === 'work_unit' ? { kind: 'work_unit', unitId } : { kind: 'opd_head', unitId };

function evaluateLeaf(
  rule: Rule,
  c: LeafCondition,
  facts: EvaluationFacts,
  ctx: EvaluationContext,
  found: Found,
) {
  const month = ctx.asOf.slice(0, 7);
  switch (c.kind) {
    case 'unit_score_below': {
      const scores = [...(facts.unitScores ?? [])].sort((a, b) => cmp(a.periodKey, b.periodKey));
      for (const s of scores) {
        const kind = kindOfPeriod(s.periodKey);
        if (kind && c.periods.includes(kind) && s.score < c.below)
          add(found, unitSubject(rule, s.unitId), [
            { kind: 'unit_score', unitId: s.unitId, periodKey: s.periodKey, score: s.score, below: c.below },
          ]);
      }
      return;
    }
    case 'milestone_overdue': {
      const list = [...(facts.milestones ?? [])].sort(
        (a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.milestoneId, b.milestoneId),
      );
      for (const m of list)
        if (m.workingDaysOverdue > c.moreThanWorkingDays)
          add(found, unitSubject(rule, m.unitId), [
            {
              kind: 'milestone_overdue',
              milestoneId: m.milestoneId,
              name: m.name,
              dueDate: m.dueDate,
              workingDaysOverdue: m.workingDaysOverdue,
              moreThan: c.moreThanWorkingDays,
            },
          ]);
      return;
    }
    case 'report_late': {
      const list = [...(facts.reports ?? [])].sort(
        (a, b) => cmp(a.deadline, b.deadline) || cmp(a.periodKey, b.periodKey) || cmp(a.reportId, b.reportId),
      );
      for (const r of list)
        if (r.workingDaysLate > c.moreThanWorkingDays)
          add(found, unitSubject(rule, r.unitId), [
            {
              kind: 'report_late',
              reportId: r.reportId,
              label: r.label,
              periodKey: r.periodKey,
              deadline: r.deadline,
              workingDaysLate: r.workingDaysLate,
              moreThan: c.moreThanWorkingDays,
            },
          ]);
      return;
    }
    case 'lateness_days': {
      for (const a of facts.attendance ?? []) {
        if (a.month !== month) continue;
        const days = matchingDays(a.recap.flaggedDays, c.bands);
        if (days.length >= c.atLeastDays)
          add(found, { kind: 'asn', asnId: a.asnId, unitId: a.unitId }, [
            {
              kind: 'lateness_days',
              month,
              bands: [...c.bands],
              days,
              count: days.length,
              atLeast: c.atLeastDays,
            },
          ]);
      }
      return;
    }
    case 'absorption_below': {
      const list = [...(facts.absorption ?? [])].sort((a, b) => a.year - b.year || a.quarter - b.quarter);
      for (const a of list) {
        if (a.quarter !== c.quarter || !(a.planned > 0)) continue;
        const percent = pct2((a.realized / a.planned) * 100);
        if (percent < c.belowPercent)
          add(found, unitSubject(rule, a.unitId), [
            {
              kind: 'absorption',
              year: a.year,
              quarter: a.quarter,
              planned: a.planned,
              realized: a.realized,
              percent,
              below: c.belowPercent,
            },
          ]);
      }
      return;
    }
    case 'clean_attendance': {
      const months = Array.from({ length: c.months }, (_, i) => monthMinus(month, c.months - 1 - i));
      const byAsn = new Map<string, AttendanceFact[]>();
      for (const a of facts.attendance ?? []) {
        if (!months.includes(a.month)) continue;
        const list = byAsn.get(a.asnId);
        if (list) list.push(a);
        else byAsn.set(a.asnId, [a]);
      }
      for (const [asnId, list] of byAsn) {
        const clean = months.every((m) => {
          const f = list.find((a) => a.month === m);
          return (
            f !== undefined &&
            f.recap.daysCounted > 0 &&
            matchingDays(f.recap.flaggedDays, c.bands).length === 0
          );
        });
        if (!clean) continue;
        const unitId = list.reduce((a, b) => (b.month > a.month ? b : a)).unitId;
        const score = latestScore(facts.unitScores ?? [], unitId, c.scorePeriod);
        if (score && score.score >= c.minUnitScore)
          add(found, { kind: 'asn', asnId, unitId }, [
            {
              kind: 'clean_attendance',
              months,
              periodKey: score.periodKey,
              score: score.score,
              minScore: c.minUnitScore,
            },
          ]);
      }
      return;
    }
    case 'top_unit_score': {
      const byYear = new Map<string, UnitScoreFact[]>();
      for (const s of facts.unitScores ?? []) {
        if (kindOfPeriod(s.periodKey) !== 'year') continue;
        const list = byYear.get(s.periodKey);
        if (list) list.push(s);
        else byYear.set(s.periodKey, [s]);
      }
      for (const [periodKey, list] of [...byYear].sort((a, b) => cmp(a[0], b[0]))) {
        const top = Math.max(...list.map((s) => s.score));
        if (top < c.minScore) continue;
        for (const s of list)
          if (s.score === top)
            add(found, unitSubject(rule, s.unitId), [
              { kind: 'top_unit_score', periodKey, score: s.score, minScore: c.minScore },
            ]);
      }
      return;
    }
  }
}

/** The days carrying one of `bands`, with only those bands. */
function matchingDays(days: readonly FlaggedDay[], bands: readonly BandCode[]): FlaggedDay[] {
  const out: FlaggedDay[] = [];
  for (const d of days) {
    const hit = d.bands.filter((b) => bands.includes(b));
    if (hit.length > 0) out.push({ date: d.date, bands: hit });
  }
  return out.sort((a, b) => cmp(a.date, b.date));
}

/** The unit's score of the latest period of a kind among the facts, or null. */
function latestScore(
  scores: readonly UnitScoreFact[],
  unitId: string,
  kind: ScorePeriodKind,
): UnitScoreFact | null {
  let best: UnitScoreFact | null = null;
  for (const s of scores)
    if (
      s.unitId === unitId &&
      kindOfPeriod(s.periodKey) === kind &&
      (best === null || s.periodKey > best.periodKey)
    )
      best = s;
  return best;
}

/** Whether a rule applies on `day`. */
export const ruleValidOn = (rule: Rule, day: string) =>
  (rule.validFrom == null || rule.validFrom <= day) && (rule.validUntil == null || day <= rule.validUntil);

/**
 * Every hit of every rule valid on `ctx.asOf`, in the order of the rules and, within a rule, by subject
 * (`unit:<id>` or `asn:<id>`, by code point): one hit per rule and subject, with all the facts that
 * triggered it. Rules are assumed valid ({@link validateRule}).
 */
export function evaluateRules(
  rules: readonly Rule[],
  facts: EvaluationFacts,
  ctx: EvaluationContext,
): RuleHit[] {
  if (!isDay(ctx.asOf))
    throw new RangeError(`asOf must be a calendar day YYYY-MM-DD, got ${String(ctx.asOf)}`);
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    if (!ruleValidOn(rule, ctx.asOf)) continue;
    const found: Found = new Map();
    for (const leaf of leavesOf(rule.condition)) evaluateLeaf(rule, leaf, facts, ctx, found);
    for (const [key, { subject, facts: hitFacts }] of [...found].sort((a, b) => cmp(a[0], b[0]))) {
      hits.push({
        ruleCode: rule.code,
        ruleVersion: rule.version ?? null,
        ruleKind: rule.kind,
        subject,
        facts: hitFacts,
        summary: hitFacts.map(describeFact).join('; '),
        key: `${rule.code}|${key}|${ctx.periodKey}`,
      });
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------------
// Words

const bandList = (bands: readonly BandCode[]) => bands.join(', ');
const scorePeriodWords: Record<ScorePeriodKind, string> = { quarter: 'triwulan', year: 'tahunan' };

/** A condition in words, Bahasa Indonesia (rule lists, decrees). */
export function describeCondition(c: RuleCondition): string {
  switch (c.kind) {
    case 'unit_score_below':
      return `Nilai kinerja unit (${c.periods.map((p) => scorePeriodWords[p]).join(' atau ')}) di bawah ${formatNumber(c.below)}`;
    case 'milestone_overdue':
      return `Tahapan kontrak terlambat lebih dari ${c.moreThanWorkingDays} hari kerja`;
    case 'report_late':
      return `Laporan realisasi terlambat lebih dari ${c.moreThanWorkingDays} hari kerja`;
    case 'lateness_days':
      return `Paling sedikit ${c.atLeastDays} hari dalam sebulan dengan keterlambatan ${bandList(c.bands)}`;
    case 'absorption_below':
      return `Serapan anggaran di bawah ${formatNumber(c.belowPercent)}% pada akhir triwulan ${ROMAN[c.quarter - 1]}`;
    case 'clean_attendance':
      return (
        `Tanpa ${bandList(c.bands)} selama ${c.months} bulan berturut-turut dan nilai ${scorePeriodWords[c.scorePeriod]} ` +
        `unit paling rendah ${formatNumber(c.minUnitScore)}`
      );
    case 'top_unit_score':
      return `Nilai kinerja tahunan tertinggi di daerah, paling rendah ${formatNumber(c.minScore)}`;
    case 'any_of':
      return `Salah satu: ${c.conditions.map((x) => describeCondition(x)).join('; atau ')}`;
  }
}
