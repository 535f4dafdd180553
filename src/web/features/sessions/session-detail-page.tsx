import { useState } from 'react';
import { Anchor, Button, Card, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import type { AuctionSession } from '../../../contract/sessions';
import { isConflict, useApiErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { can, hasRole } from '../../app/permissions';
import { useMe } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { ReasonModal } from '../../components/reason-modal';
import { useCycles } from '../../components/cycle-queries';
import { ProposalStatusBadge } from '../../components/proposal-status';
import { Field, SessionStatusBadge, useSessionDate } from './session-format';
import { SessionModal } from './session-modal';
import { useCancelSession, useOpenSession, useRefreshSessions, useSession } from './sessions-api';

type Dialog = 'open' | 'cancel' | null;

/**
 * Someone acted on the session meanwhile (opened, cancelled or edited it): reload it and say so. The
 * buttons then follow the new `can`.
 */
function useOnSessionConflict() {
  const t = useT();
  const refresh = useRefreshSessions();
  return () => {
    refresh();
    notifications.show({
      color: 'yellow',
      title: t('session.conflictTitle'),
      message: t('session.conflict'),
      autoClose: 10_000,
    });
  };
}

/** Where the session stands, in words, and why it was cancelled. */
function SessionState({ session: s }: { session: AuctionSession }) {
  const t = useT();
  return (
    <Card withBorder radius="md" data-testid="session-state">
      <Group gap="sm" wrap="nowrap" align="center">
        <VisuallyHidden>{t('session.state')}:</VisuallyHidden>
        <SessionStatusBadge status={s.status} size="lg" />
        <Text size="sm">{t(`session.stateHint.${s.status}` as MessageKey)}</Text>
      </Group>
      {s.status === 'cancelled' ? (
        <Stack component="dl" gap={2} mt="sm" mb={0}>
          <Text component="dt" size="sm" fw={600}>
            {t('session.cancelReason')}
          </Text>
          <Text
            component="dd"
            size="sm"
            m={0}
            style={{ whiteSpace: 'pre-wrap' }}
            data-testid="session-cancel-reason"
          >
            {s.cancelReason || t('common.none')}
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}

/** Asks before opening the session: scoring starts, the panel and the agenda are fixed. */
function OpenSessionConfirm({
  session: s,
  opened,
  onClose,
}: {
  session: AuctionSession;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const open = useOpenSession();
  const onError = useApiErrorHandler();
  const onConflict = useOnSessionConflict();
  return (
    <ConfirmModal
      opened={opened}
      title={t('session.openTitle')}
      message={t('session.openMessage', { n: s.agenda.length })}
      confirmLabel={t('session.open')}
      loading={open.isPending}
      onClose={onClose}
      onConfirm={() =>
        open.mutate(
          { id: s.id, version: s.version },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('session.opened') });
              onClose();
            },
            onError: (err) => {
              onClose();
              if (isConflict(err)) onConflict();
              else onError(err);
            },
          },
        )
      }
    />
  );
}

/** Cancels a scheduled session with a required reason; its proposals return to the pool. */
function CancelSessionModal({ session: s, onClose }: { session: AuctionSession; onClose: () => void }) {
  const t = useT();
  const cancel = useCancelSession();
  const onConflict = useOnSessionConflict();
  return (
    <ReasonModal
      centered
      title={t('session.cancelTitle')}
      message={t('session.cancelMessage', { n: s.agenda.length })}
      reasonLabel={t('session.cancelReason')}
      required
      requiredMessage={t('session.cancelReasonRequired')}
      maxLength={1000}
      confirmLabel={t('session.cancel')}
      confirmColor="red"
      cancelLabel={t('session.cancelKeep')}
      loading={cancel.isPending}
      onSubmit={(reason, done) => cancel.mutate({ id: s.id, version: s.version, reason }, done)}
      successMessage={t('session.cancelled')}
      onClose={onClose}
      onConflict={onConflict}
      testIds={{ reason: 'session-cancel-reason-input', confirm: 'session-cancel-confirm' }}
    />
  );
}

export function SessionDetailPage() {
  const t = useT();
  const me = useMe();
  const { id = '' } = useParams();
  const session = useSession(id);
  const cycles = useCycles();
  const formatDate = useSessionDate();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const onPanel = s.panel.some((p) => p.userId === me.id);
  const isChair = s.chair?.userId === me.id;
  const mayScore = onPanel || isChair || hasRole(me, 'region_admin', 'head_of_region');
  const agenda = s.agenda.slice().sort((a, b) => a.position - b.position);
  const anyAction = s.can.edit || s.can.cancel || s.can.open;

  return (
    <Stack>
      <Anchor component={Link} to="/sidang" size="sm">
        ← {t('session.title')}
      </Anchor>
      <PageHeader
        title={s.title}
        description={`${formatDate(s.date)} · ${s.place}`}
        actions={
          anyAction ? (
            <>
              {s.can.edit ? (
                <Button variant="default" onClick={() => setEditing(true)} data-testid="session-edit">
                  {t('session.edit')}
                </Button>
              ) : null}
              {s.can.cancel ? (
                <Button
                  variant="outline"
                  color="red"
                  onClick={() => setDialog('cancel')}
                  data-testid="session-cancel"
                >
                  {t('session.cancel')}
                </Button>
              ) : null}
              {s.can.open ? (
                <Button onClick={() => setDialog('open')} data-testid="session-open">
                  {t('session.open')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <SessionState session={s} />
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
                  {/* On a phone the status and the score button go below the title. */}
                  <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
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
          opened={editing && s.can.edit}
          session={s}
          cycles={cycles.data ?? []}
          defaultCycleId={s.cycleId}
          onClose={() => setEditing(false)}
        />
      ) : null}
      <OpenSessionConfirm session={s} opened={dialog === 'open'} onClose={() => setDialog(null)} />
      {dialog === 'cancel' ? <CancelSessionModal session={s} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}
