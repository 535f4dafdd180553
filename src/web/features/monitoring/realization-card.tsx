import type { ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Realization } from '../../../contract/monitoring';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { realizationPath } from './monitoring-api';
import { formatTarget, formatValue, PeriodStateBadge, StateNote, usePeriodLabel } from './monitoring-format';

/** Below Mantine's `sm` breakpoint the lists show cards instead of a wide table. */
export const usePhone = () => useMediaQuery('(max-width: 48em)') ?? false;

/** One realization as a card of a phone list, with its action as a full-width button. */
export function RealizationCard({
  realization: r,
  action,
  extra,
  testId,
}: {
  realization: Realization;
  action: string;
  extra?: ReactNode;
  testId: string;
}) {
  const t = useT();
  const f = useFormat();
  const label = usePeriodLabel();
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid={testId}>
      <Stack gap={6}>
        <div>
          <Text fw={600} size="sm">
            {r.indicatorName}
          </Text>
          <Text size="xs" c="dimmed">
            {r.contractTitle} · {r.workUnitName}
          </Text>
        </div>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{label(r.periodKey)}</Text>
          <Text size="sm" c="dimmed" ta="right">
            {t('monev.deadlineOn', { date: f.date(r.deadline) })}
          </Text>
        </Group>
        <div>
          <PeriodStateBadge realization={r} />
          <StateNote realization={r} />
        </div>
        <Text size="sm">
          {formatValue(f, r)}{' '}
          <Text span size="xs" c="dimmed">
            ({t('monev.targetIs', { target: formatTarget(f, r) })})
          </Text>
        </Text>
        {extra}
        <Button
          component={Link}
          to={realizationPath(r)}
          variant="light"
          fullWidth
          aria-label={`${action}: ${r.indicatorName}, ${label(r.periodKey)}`}
        >
          {action}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The list around the cards. */
export function CardList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}
