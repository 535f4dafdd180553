import { useState } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { AuctionSession } from '../../../contract/sessions';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { FilterSelect } from '../../components/filter-select';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useListParams } from '../../components/use-list-params';
import { useCycles } from '../../components/cycle-queries';
import { Field, SessionStatusBadge, useSessionDate } from './session-format';
import { SessionModal } from './session-modal';
import { useSessions } from './sessions-api';

function SessionCard({ session }: { session: AuctionSession }) {
  const t = useT();
  const f = useFormat();
  const formatDate = useSessionDate();
  const to = `/sidang/${session.id}`;
  return (
    <Card withBorder radius="md" component="li" data-testid="session-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" style={{ minWidth: 0 }}>
            <Anchor component={Link} to={to} inherit>
              {session.title}
            </Anchor>
          </Title>
          <SessionStatusBadge status={session.status} />
        </Group>
        <Stack component="dl" gap={4} m={0}>
          <Field label={t('session.date')}>{formatDate(session.date)}</Field>
          <Field label={t('session.place')}>{session.place}</Field>
          <Field label={t('session.chair')}>{session.chair?.fullName ?? t('session.noChair')}</Field>
          <Field label={t('session.panelists')}>
            {session.panel.map((p) => p.fullName).join(', ') || t('common.none')}
          </Field>
          <Field label={t('session.agendaCount')}>{f.number(session.agenda.length)}</Field>
        </Stack>
        {session.status === 'cancelled' && session.cancelReason ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="session-cancel-reason">
            <Text span inherit fw={600}>
              {t('session.cancelReason')}:
            </Text>{' '}
            {session.cancelReason}
          </Text>
        ) : null}
        <Group mt="auto">
          <Button
            component={Link}
            to={to}
            variant="light"
            size="sm"
            aria-label={t('session.viewNamed', { name: session.title })}
          >
            {t('session.view')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function SessionsPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const mayManage = can.manageSessions(me);
  const cycles = useCycles();
  const [params, setParams] = useListParams({ cycleId: '' });
  const sessions = useSessions(params.cycleId);
  const [creating, setCreating] = useState(false);
  const sessionCycle =
    params.cycleId || (cycles.data ?? []).find((c) => c.currentPhase === 'sessions')?.id || '';

  return (
    <Stack>
      <PageHeader
        title={t('session.title')}
        description={t('session.intro')}
        actions={
          mayManage ? (
            <Button onClick={() => setCreating(true)} data-testid="session-create">
              {t('session.create')}
            </Button>
          ) : null
        }
      />
      <Group>
        <FilterSelect
          label={t('session.cycle')}
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={params.cycleId}
          onChange={(cycleId) => setParams({ cycleId })}
          w={{ base: '100%', sm: 320 }}
        />
      </Group>
      {sessions.isPending ? (
        <PageLoader />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Card withBorder radius="md">
          <Text>{t('session.none')}</Text>
        </Card>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          component="ul"
          aria-label={t('session.list')}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="session-list"
        >
          {sessions.data.map((s) => (
            <SessionCard key={s.id} session={s} />
          ))}
        </SimpleGrid>
      )}
      {mayManage ? (
        <SessionModal
          opened={creating}
          session={null}
          cycles={cycles.data ?? []}
          defaultCycleId={sessionCycle}
          onClose={() => setCreating(false)}
          onCreated={(s) => navigate(`/sidang/${s.id}`)}
        />
      ) : null}
    </Stack>
  );
}
