import type { CSSProperties } from 'react';
import { Badge, type MantineColor } from '@mantine/core';
import type { CycleDto, PhaseDates, polarities } from '../../contract/cycles';
import { useT, type MessageKey, type Translate } from '../app/i18n';

export type CurrentPhase = CycleDto['currentPhase'];
export type Polarity = (typeof polarities)[number];

/** The six phase dates in the order they must come in. */
export const phaseDateKeys = [
  'draftingStart',
  'submissionDeadline',
  'sessionsStart',
  'sessionsEnd',
  'negotiationDeadline',
  'signingDeadline',
] as const satisfies readonly (keyof PhaseDates)[];

const phaseColors: Record<CurrentPhase, MantineColor> = {
  not_started: 'gray',
  drafting: 'blue',
  waiting_sessions: 'cyan',
  sessions: 'orange',
  negotiation: 'yellow',
  signing: 'teal',
  monitoring: 'green',
};

export const phaseLabel = (t: Translate, p: CurrentPhase) => t(`phase.${p}` as MessageKey);
export const phaseDateLabel = (t: Translate, k: keyof PhaseDates) => t(`phaseDate.${k}` as MessageKey);
export const polarityLabel = (t: Translate, p: Polarity) => t(`polarity.${p}` as MessageKey);

/** The phase a cycle is in today, as a coloured badge. */
export function PhaseBadge({
  phase,
  size,
  style,
}: {
  phase: CurrentPhase;
  size?: 'sm' | 'md' | 'lg';
  style?: CSSProperties;
}) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={phaseColors[phase]}
      tt="none"
      size={size}
      style={style}
      data-testid="phase-badge"
    >
      {phaseLabel(t, phase)}
    </Badge>
  );
}

/** Whole Rupiah the Indonesian way, e.g. Rp 1.250.000.000 (in both languages, like other numbers). */
const rupiahFormat = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
export const formatRupiah = (n: number) => rupiahFormat.format(n);

/** Short Rupiah for chart axes, e.g. 1,5 M (miliar). */
const compactFormat = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 2 });
export const formatRupiahCompact = (n: number) => `Rp ${compactFormat.format(n)}`;
