import { Badge, type MantineColor } from '@mantine/core';
import type { Negotiation, NegotiationStateDto } from '../../../contract/agreements';
import { useT, type Formatters, type MessageKey, type Translate } from '../../app/i18n';
import type { Target } from './negotiation-terms';

const stateColors: Record<NegotiationStateDto, MantineColor> = {
  awaiting_opd: 'yellow',
  awaiting_panel: 'orange',
  accepted: 'green',
  refused: 'red',
  expired: 'gray',
};

/** The state of the negotiation as a coloured badge; "no offer yet" before the first round. */
export function NegotiationStateBadge({ state }: { state: NegotiationStateDto | null }) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={state ? stateColors[state] : 'blue'}
      tt="none"
      data-testid="negotiation-state"
    >
      {state ? t(`neg.state.${state}` as MessageKey) : t('neg.state.none')}
    </Badge>
  );
}

export const sideLabel = (t: Translate, side: 'panel' | 'opd' | 'system') =>
  t(`neg.side.${side}` as MessageKey);

/** A target as read in a table: one number, or `lower–upper` for a range. */
export function formatTarget(
  f: Formatters,
  polarity: Negotiation['indicators'][number]['polarity'],
  t: Target | undefined,
): string {
  if (!t) return '—';
  if (polarity === 'range') return `${f.number(t.lower)}–${f.number(t.upper)}`;
  return f.number(t.value);
}
