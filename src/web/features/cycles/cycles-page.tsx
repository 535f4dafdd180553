import { useState } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { CycleDto } from '../../../contract/cycles';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { PhaseBadge, phaseDateLabel } from '../../components/cycle-format';
import { CycleModal } from './cycle-modal';
import { useCycles } from '../../components/cycle-queries';

function CycleCard({ cycle }: { cycle: CycleDto }) {
  const t = useT();
  const f = useFormat();
  const to = `/siklus/${cycle.id}`;
  return (
    <Card withBorder radius="md" component="li" data-testid="cycle-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" miw={0}>
            <Anchor component={Link} to={to} inherit>
              {cycle.name}
            </Anchor>
          </Title>
          <PhaseBadge phase={cycle.currentPhase} style={{ flexShrink: 0 }} />
        </Group>
        <Stack component="dl" gap={4} m={0}>
          <FieldRow label={t('cycle.termLabel')}>
            {cycle.startYear}–{cycle.endYear}
          </FieldRow>
          <FieldRow label={t('cycle.themeCount')}>{f.number(cycle.themes.length)}</FieldRow>
          <FieldRow label={phaseDateLabel(t, 'submissionDeadline')}>
            {f.date(cycle.phases.submissionDeadline)}
          </FieldRow>
          <FieldRow label={phaseDateLabel(t, 'signingDeadline')}>
            {f.date(cycle.phases.signingDeadline)}
          </FieldRow>
        </Stack>
        <Group mt="auto">
          <Button
            component={Link}
            to={to}
            variant="light"
            size="xs"
            aria-label={t('cycle.openNamed', { name: cycle.name })}
          >
            {t('cycle.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function CyclesPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const mayManage = can.manageCycles(me);
  const cycles = useCycles();
  const [creating, setCreating] = useState(false);

  return (
    <Stack>
      <PageHeader
        title={t('cycle.title')}
        description={t('cycle.intro')}
        actions={
          mayManage ? (
            <Button onClick={() => setCreating(true)} data-testid="cycle-create">
              {t('cycle.create')}
            </Button>
          ) : null
        }
      />
      {cycles.isPending ? (
        <PageLoader />
      ) : cycles.isError ? (
        <QueryError error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : cycles.data.length === 0 ? (
        <Card withBorder radius="md">
          <Text>{mayManage ? t('cycle.noneAdmin') : t('cycle.none')}</Text>
        </Card>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          component="ul"
          aria-label={t('cycle.list')}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="cycle-list"
        >
          {cycles.data.map((c) => (
            <CycleCard key={c.id} cycle={c} />
          ))}
        </SimpleGrid>
      )}
      {mayManage ? (
        <CycleModal
          opened={creating}
          cycle={null}
          onClose={() => setCreating(false)}
          onCreated={(c) => navigate(`/siklus/${c.id}`)}
        />
      ) : null}
    </Stack>
  );
}
