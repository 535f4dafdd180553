import { Badge, Text, type MantineColor } from '@mantine/core';
import type { frequencies } from '../../../contract/proposals';
import type { Realization } from '../../../contract/monitoring';
import {
  useLocale,
  useT,
  type Formatters,
  type Locale,
  type MessageKey,
  type Translate,
} from '../../app/i18n';

export type Frequency = (typeof frequencies)[number];
export type PeriodState = Realization['periodState'];

const stateColors: Record<PeriodState, MantineColor> = {
  not_due: 'gray',
  due: 'blue',
  overdue: 'red',
  submitted: 'cyan',
  late_submitted: 'orange',
  returned: 'grape',
  verified: 'green',
};

// Long labels ("Diajukan terlambat 12 hari kerja") wrap instead of being cut off.
const badgeStyles = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const;

/** Where a period stands, in words: overdue and late submissions say by how many working days. */
export function periodStateText(t: Translate, r: Pick<Realization, 'periodState' | 'lateWorkingDays'>) {
  const n = r.lateWorkingDays ?? 0;
  if (r.periodState === 'overdue' && n > 0) return t('monev.state.overdueN', { n });
  if (r.periodState === 'late_submitted' && n > 0) return t('monev.state.late_submittedN', { n });
  return t(`monev.state.${r.periodState}` as MessageKey);
}

export function PeriodStateBadge({
  realization: r,
  size,
}: {
  realization: Pick<Realization, 'periodState' | 'lateWorkingDays'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={stateColors[r.periodState]}
      tt="none"
      size={size}
      styles={badgeStyles}
      data-testid="period-state"
    >
      {periodStateText(t, r)}
    </Badge>
  );
}

/**
 * The lines under the badge: the reason of a return, and the lateness that stays recorded on a
 * report that was verified or returned after a late submission.
 */
export function StateNote({ realization: r }: { realization: Realization }) {
  const t = useT();
  const late = r.lateWorkingDays ?? 0;
  return (
    <>
      {r.periodState === 'returned' && r.returnReason ? (
        <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {t('monev.returnReasonShort', { reason: r.returnReason })}
        </Text>
      ) : null}
      {(r.periodState === 'verified' || r.periodState === 'returned') && late > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('monev.submittedLateN', { n: late })}
        </Text>
      ) : null}
    </>
  );
}

/** A target as read: one number, or `lower–upper` for a range; with the unit. */
export function formatTarget(f: Formatters, r: Pick<Realization, 'target' | 'polarity' | 'unit'>): string {
  const v = r.target;
  if (!v) return '—';
  const n = r.polarity === 'range' ? `${f.number(v.lower)}–${f.number(v.upper)}` : f.number(v.value);
  return `${n} ${r.unit}`.trim();
}

export function formatValue(f: Formatters, r: Pick<Realization, 'value' | 'unit'>): string {
  return r.value === null ? '—' : `${f.number(r.value)} ${r.unit}`.trim();
}

export function fileSize(f: Formatters, bytes: number): string {
  if (bytes >= 1024 * 1024) return `${f.number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${f.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

// ---------------------------------------------------------------------------------------------------
// Periods (the same keys as the contract: 2026-M01, 2026-Q1, 2026-S1, 2026)

export interface PeriodRef {
  frequency: Frequency;
  year: number;
  /** 1-based position in the year. */
  index: number;
  key: string;
}

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, semester: 6, yearly: 12 };
const pad2 = (n: number) => String(n).padStart(2, '0');

function periodRef(frequency: Frequency, year: number, index: number): PeriodRef {
  const key =
    frequency === 'monthly'
      ? `${year}-M${pad2(index)}`
      : frequency === 'quarterly'
        ? `${year}-Q${index}`
        : frequency === 'semester'
          ? `${year}-S${index}`
          : `${year}`;
  return { frequency, year, index, key };
}

export function parsePeriodKey(key: string): PeriodRef | null {
  const m = /^(\d{4})(?:-(M(0[1-9]|1[0-2])|Q([1-4])|S([12])))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return periodRef('monthly', year, Number(m[3]));
  if (m[4]) return periodRef('quarterly', year, Number(m[4]));
  if (m[5]) return periodRef('semester', year, Number(m[5]));
  return periodRef('yearly', year, 1);
}

export function periodsOfYear(frequency: Frequency, year: number): PeriodRef[] {
  return Array.from({ length: 12 / MONTHS[frequency] }, (_, i) => periodRef(frequency, year, i + 1));
}

/** Last day of a period, YYYY-MM-DD. */
function periodEnd(p: PeriodRef): string {
  const month = p.index * MONTHS[p.frequency];
  const last = new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return `${p.year}-${pad2(month)}-${pad2(last)}`;
}

/**
 * The period to open for an indicator: the last one that has ended by `today` (the one being
 * reported), kept within the contract's term.
 */
export function defaultPeriodKey(
  frequency: Frequency,
  term: { startYear: number; endYear: number },
  today: string,
): string {
  const year = Number(today.slice(0, 4));
  if (year < term.startYear) return periodsOfYear(frequency, term.startYear)[0].key;
  if (year > term.endYear) return periodsOfYear(frequency, term.endYear).at(-1)!.key;
  const ended = [year - 1, year]
    .filter((y) => y >= term.startYear)
    .flatMap((y) => periodsOfYear(frequency, y))
    .filter((p) => periodEnd(p) <= today);
  return (ended.at(-1) ?? periodsOfYear(frequency, year)[0]).key;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function periodLabel(t: Translate, locale: Locale, key: string): string {
  const p = parsePeriodKey(key);
  if (!p) return key;
  switch (p.frequency) {
    case 'monthly':
      return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(p.year, p.index - 1, 1)));
    case 'quarterly':
      return t('monev.period.quarter', { n: ROMAN[p.index - 1], i: p.index, year: p.year });
    case 'semester':
      return t('monev.period.semester', { n: ROMAN[p.index - 1], i: p.index, year: p.year });
    case 'yearly':
      return t('monev.period.year', { year: p.year });
  }
}

/** Period labels in the current language (the API's own labels are Indonesian). */
export function usePeriodLabel(): (key: string) => string {
  const t = useT();
  const { locale } = useLocale();
  return (key: string) => periodLabel(t, locale, key);
}
