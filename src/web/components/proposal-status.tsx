import { Badge, type MantineColor } from '@mantine/core';
import type { ProposalStatus } from '../../contract/proposals';
import { useT, type MessageKey, type Translate } from '../app/i18n';

const statusColors: Record<ProposalStatus, MantineColor> = {
  draft: 'gray',
  submitted: 'blue',
  in_session: 'orange',
  scored: 'cyan',
  in_negotiation: 'yellow',
  agreed: 'teal',
  refused: 'red',
  signed: 'green',
  withdrawn: 'grape',
};

export const proposalStatusLabel = (t: Translate, s: ProposalStatus) =>
  t(`proposalStatus.${s}` as MessageKey);

/** The status of a proposal as a coloured badge. */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={statusColors[status]} tt="none" data-testid="proposal-status">
      {proposalStatusLabel(t, status)}
    </Badge>
  );
}
