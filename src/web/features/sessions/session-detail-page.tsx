import { useState } from 'react';
import { Anchor, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useT } from '../../app/i18n';
import { can, hasRole } from '../../app/permissions';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useCycles } from '../../components/cycle-queries';
import { ProposalStatusBadge } from '../../components/proposal-status';
import { Field, useSessionDate } from './session-format';
import { SessionModal } from './session-modal';
import { useSession } from './sessions-api';

export function SessionDetailPage() {
  const t = useT();
  const me = useMe();
  const { id = '' } = useParams();
  const session = useSession(id);
  const cycles = useCycles();
  const formatDate = useSessionDate();
  const [editing, setEditing] = useState(false);

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const onPanel = s.panel.some((p) => p.userId === me.id);
  const isChair = s.chair?.userId === me.id;
  const mayScore = onPanel || isChair || hasRole(me, 'region_admin', 'head_of_region');
  const agenda = s.agenda.slice().sort((a, b) => a.position - b.position);

  return (
    <Stack>
      <Anchor component={Link} to="/sidang" size="sm">
        ← {t('session.title')}
      </Anchor>
      <PageHeader
        title={s.title}
        description={`${formatDate(s.date)} · ${s.place}`}
        actions={
          can.manageSessions(me) ? (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="session-edit">
              {t('session.edit')}
            </Button>
          ) : null
        }
      />
      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('session.panel')}
        </Title>
        <Stack component="dl" gap={4} m={0}>
          <Field label={t('session.chair')}>{s.chair?.fullName ?? t('session.noChair')}</Field>
          <Field label={t('session.panelists')}>
            {s.panel.map((p) => p.fullName).join(', ') || t('common.none')}
          </Field>
        </Stack>
      </Card>
      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('session.agenda')}
        </Title>
        {agenda.length === 0 ? (
          <Text>{t('session.agendaEmpty')}</Text>
        ) : (
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="agenda">
            {agenda.map((a, i) => (
              <Paper component="li" key={a.proposalId} withBorder p="sm" radius="sm">
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Text fw={600}>
                      {i + 1}.{' '}
                      <Anchor component={Link} to={`/usulan/${a.proposalId}`} inherit>
                        {a.title || t('common.none')}
                      </Anchor>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {a.leadUnitName}
                    </Text>
                  </div>
                  <Group gap="sm">
                    <ProposalStatusBadge status={a.status} />
                    {mayScore ? (
                      <Button
                        component={Link}
                        to={`/sidang/${s.id}/nilai/${a.proposalId}`}
                        size="sm"
                        aria-label={t('session.scoreNamed', { title: a.title })}
                        data-testid="agenda-score"
                      >
                        {t('session.score')}
                      </Button>
                    ) : null}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Card>
      {can.manageSessions(me) ? (
        <SessionModal
          opened={editing}
          session={s}
          cycles={cycles.data ?? []}
          defaultCycleId={s.cycleId}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </Stack>
  );
}
