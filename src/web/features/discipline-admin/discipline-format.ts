import type { bandCodes } from '../../../contract/lateness';
import {
  caseStateLabels,
  conditionFit,
  conditionLabels,
  ruleKindLabels,
  ruleSubjectLabels,
  type ConditionDto,
  type LeafConditionDto,
  type RuleDto,
  type RuleKind,
  type RuleSubject,
} from '../../../contract/discipline';

/**
 * Labels and small helpers of the rule vocabulary (docs/discipline.md section 3) for the admin pages.
 * The labels of the vocabulary and of the case states are the contract's, shared with the server.
 */

export type { RuleKind, RuleSubject };
export { caseStateLabels, conditionFit, conditionLabels };
export type BandCode = (typeof bandCodes)[number];
export type ConditionKind = ConditionDto['kind'];
export type LeafKind = LeafConditionDto['kind'];

export const BANDS: readonly BandCode[] = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK'];

export const bandHints: Record<BandCode, string> = {
  TL1: 'TL1 – terlambat 1-30 menit',
  TL2: 'TL2 – terlambat 31-60 menit',
  TL3: 'TL3 – terlambat 61-90 menit',
  TL4: 'TL4 – terlambat > 90 menit / tanpa absen masuk',
  PSW1: 'PSW1 – pulang 1-30 menit lebih awal',
  PSW2: 'PSW2 – pulang 31-60 menit lebih awal',
  PSW3: 'PSW3 – pulang 61-90 menit lebih awal',
  PSW4: 'PSW4 – pulang > 90 menit lebih awal / tanpa absen pulang',
  TK: 'TK – tanpa keterangan',
};

export const leafKinds: readonly LeafKind[] = [
  'unit_score_below',
  'milestone_overdue',
  'report_late',
  'lateness_days',
  'absorption_below',
  'clean_attendance',
  'top_unit_score',
];

export const subjectLabels = ruleSubjectLabels;
export const kindLabels = ruleKindLabels;
export const kindColors: Record<RuleKind, string> = { sanction: 'red', reward: 'teal' };

export const triggerLabels: Record<string, string> = {
  manual: 'Manual',
  cli: 'Baris perintah (CLI)',
  schedule: 'Terjadwal',
};

/** A fresh leaf condition of a kind, with the defaults of the example Perwali. */
export function defaultLeaf(kind: LeafKind): LeafConditionDto {
  switch (kind) {
    case 'unit_score_below':
      return { kind, below: 65, periods: ['quarter', 'year'] };
    case 'milestone_overdue':
      return { kind, moreThanWorkingDays: 10 };
    case 'report_late':
      return { kind, moreThanWorkingDays: 5 };
    case 'lateness_days':
      return { kind, bands: ['TL2', 'TL3', 'TL4'], atLeastDays: 4 };
    case 'absorption_below':
      return { kind, belowPercent: 60, quarter: 3 };
    case 'clean_attendance':
      return { kind, months: 3, bands: [...BANDS], scorePeriod: 'quarter', minUnitScore: 91 };
    case 'top_unit_score':
      return { kind, minScore: 91 };
  }
}

/** "diulang dalam 3 bulan: ×2". */
export function escalationText(e: RuleDto['escalation']): string | null {
  if (!e) return null;
  return `diulang dalam ${e.withinMonths} bulan: ×${formatFactor(e.factor)}`;
}

export const formatFactor = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toLocaleString('id-ID', { maximumFractionDigits: 2 });

// ---------------------------------------------------------------------------------------------------
// Periods of an evaluation

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
const ROMAN = ['I', 'II', 'III', 'IV'];

export type PeriodKind = 'month' | 'quarter' | 'year';
export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1-12 */
  month: number;
  /** 1-4 */
  quarter: number;
}

/** The month before `today` (the usual evaluation: the month that just ended). */
export function defaultPeriod(today: Date = new Date()): PeriodChoice {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: the previous month's 1-based number
  const year = m === 0 ? y - 1 : y;
  const month = m === 0 ? 12 : m;
  return { kind: 'month', year, month, quarter: Math.ceil(month / 3) };
}

/** `2026-M10`, `2026-Q3` or `2026`, as the API expects. */
export function periodKeyOf(p: PeriodChoice): string {
  if (p.kind === 'month') return `${p.year}-M${String(p.month).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.quarter}`;
  return String(p.year);
}

/** "Oktober 2026", "Triwulan III 2026", "Tahun 2026". */
export function periodLabelOf(p: PeriodChoice): string {
  if (p.kind === 'month') return `${MONTHS_ID[p.month - 1]} ${p.year}`;
  if (p.kind === 'quarter') return `Triwulan ${ROMAN[p.quarter - 1]} ${p.year}`;
  return `Tahun ${p.year}`;
}

/** "Okt 2026" from `2026-10` (or the text as it is when it is not a month). */
export function shortMonth(yyyyMm: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(yyyyMm);
  if (!m) return yyyyMm;
  const name = MONTHS_ID[Number(m[2]) - 1];
  return name ? `${name.slice(0, 3)} ${m[1]}` : yyyyMm;
}

export function longMonth(yyyyMm: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(yyyyMm);
  if (!m) return yyyyMm;
  const name = MONTHS_ID[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : yyyyMm;
}

// ---------------------------------------------------------------------------------------------------
// Lateness chart (the before/after comparison is the server's: dashboard.domain.ts)

/**
 * Where a day falls on a year's month axis (0 = 1 January, 11 = 1 December, 12 = end of the year), or
 * null outside the year.
 */
export function monthPosition(day: string, year: number): number | null {
  if (Number(day.slice(0, 4)) !== year) return null;
  const m = Number(day.slice(5, 7)) - 1;
  const d = Number(day.slice(8, 10));
  const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  return m + (d - 1) / days;
}

export const formatRate = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
