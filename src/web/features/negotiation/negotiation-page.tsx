import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Negotiation } from '../../../contract/agreements';
import { isConflict, useApiErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { FieldRow } from '../../components/field-row';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { ProposalStatusBadge } from '../../components/proposal-status';
import { QueryError } from '../../components/query-error';
import { ReasonModal } from '../../components/reason-modal';
import { ComparisonTable } from './comparison-table';
import {
  negotiationKey,
  pactKey,
  useAcceptOffer,
  useAgreeAsIs,
  useNegotiation,
  usePact,
  useRefuseOffer,
} from './negotiation-api';
import { NegotiationStateBadge, sideLabel } from './negotiation-format';
import { standingOffer } from './negotiation-terms';
import { ExtensionModal } from './extension-modal';
import { OfferModal } from './offer-modal';
import { PactCard } from './pact-card';

type Dialog = 'offer' | 'accept' | 'refuse' | 'agreeAsIs' | 'extend' | null;

const two = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The OPD head refuses the panel's offer; a reason is required. */
function RefuseModal({
  negotiation: n,
  round,
  onClose,
  onConflict,
}: {
  negotiation: Negotiation;
  round: number;
  onClose: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const refuse = useRefuseOffer();
  return (
    <ReasonModal
      title={t('neg.refuseTitle', { n: round })}
      message={t('neg.refuseExplain')}
      reasonLabel={t('neg.refuseReason')}
      required
      requiredMessage={t('neg.reasonRequired')}
      maxLength={2000}
      autoFocus
      confirmLabel={t('neg.refuse')}
      confirmColor="red"
      loading={refuse.isPending}
      onSubmit={(reason, done) => refuse.mutate({ proposalId: n.proposalId, round, reason }, done)}
      successMessage={t('neg.done.refuse')}
      onClose={onClose}
      onConflict={onConflict}
      testIds={{ reason: 'refuse-reason', confirm: 'refuse-submit' }}
    />
  );
}

/** Every round with who offered, when and why, then the closing answer. */
function RoundHistory({ negotiation: n }: { negotiation: Negotiation }) {
  const t = useT();
  const f = useFormat();
  const a = n.answer;
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="neg-history">
      <Title order={2} size="h4" mb="sm" id="neg-history">
        {t('neg.history')}
      </Title>
      {n.rounds.length === 0 && !a ? (
        <Text size="sm">{t('neg.noRounds')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="round-history">
          {n.rounds.map((r) => (
            <Paper component="li" key={r.round} withBorder p="sm" radius="sm">
              <Text fw={600} size="sm">
                {t('neg.col.round', { n: r.round, side: sideLabel(t, r.side) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('neg.byAt', { name: r.createdByName, date: f.dateTime(r.createdAt) })}
              </Text>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {r.reason}
              </Text>
            </Paper>
          ))}
          {a ? (
            <Paper
              component="li"
              withBorder
              p="sm"
              radius="sm"
              bg={a.kind === 'accept' ? 'var(--mantine-color-green-light)' : 'var(--mantine-color-red-light)'}
              data-testid="negotiation-answer"
            >
              <Text fw={600} size="sm">
                {t(`neg.answer.${a.kind}` as MessageKey, { n: a.round, side: sideLabel(t, a.side) })}
              </Text>
              <Text size="xs">
                {t('neg.byAt', {
                  name: a.createdByName ?? sideLabel(t, 'system'),
                  date: f.dateTime(a.createdAt),
                })}
              </Text>
              {a.reason ? (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {a.reason}
                </Text>
              ) : null}
            </Paper>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

function NegotiationView({ negotiation: n }: { negotiation: Negotiation }) {
  const t = useT();
  const f = useFormat();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const accept = useAcceptOffer();
  const agreeAsIs = useAgreeAsIs();
  const [dialog, setDialog] = useState<Dialog>(null);
  // What the user saw when opening a dialog: the 30-second refresh must not change the round they
  // answer (or the round count an offer is based on) under their hands; a newer round answers 409.
  const [seen, setSeen] = useState<Negotiation>(n);
  const open = (d: Exclude<Dialog, null>) => {
    setSeen(n);
    setDialog(d);
  };
  const seenStanding = standingOffer(seen);
  const closed = n.state === 'accepted' || n.state === 'refused' || n.state === 'expired';
  const hasPact = closed || n.status === 'agreed' || n.status === 'refused' || n.status === 'signed';
  const pact = usePact(n.proposalId, hasPact);
  const standing = standingOffer(n);

  /** 409: someone else answered meanwhile. Load the current state and say so. */
  const onConflict = () => {
    setDialog(null);
    void qc.invalidateQueries({ queryKey: negotiationKey(n.proposalId) });
    void qc.invalidateQueries({ queryKey: pactKey(n.proposalId) });
    notifications.show({
      color: 'yellow',
      title: t('neg.conflictTitle'),
      message: t('neg.conflict'),
      autoClose: 10_000,
    });
  };
  const onActionError = (err: unknown) => {
    setDialog(null);
    if (isConflict(err)) onConflict();
    else onError(err);
  };

  const canOffer = n.can.offer || n.can.counter;
  const anyAction = canOffer || n.can.accept || n.can.refuse || n.can.agreeAsIs || n.can.extend;

  return (
    <Stack>
      <Card withBorder radius="md" data-testid="negotiation-summary">
        <Group gap="xs" mb="sm">
          <ProposalStatusBadge status={n.status} />
          <NegotiationStateBadge state={n.state} />
        </Group>
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label={t('neg.unit')}>{n.leadUnitName}</FieldRow>
          <FieldRow label={t('neg.score')}>
            {n.score === null ? t('common.none') : two.format(n.score)}
          </FieldRow>
          <FieldRow label={t('neg.deadline')}>{f.dateTime(n.deadline)}</FieldRow>
          {n.extension ? (
            <FieldRow label={t('neg.extension')}>
              <span data-testid="neg-extension">
                {t('neg.extensionText', { date: f.date(n.extension.deadline), reason: n.extension.reason })}
              </span>
            </FieldRow>
          ) : null}
          <FieldRow label={t('neg.term')}>
            {n.term.startYear}–{n.term.endYear}
          </FieldRow>
          {n.side ? <FieldRow label={t('neg.yourSide')}>{sideLabel(t, n.side)}</FieldRow> : null}
        </Stack>
        {anyAction ? (
          <Group mt="md" gap="xs" data-testid="negotiation-actions">
            {canOffer ? (
              <Button
                variant={n.can.accept ? 'light' : 'filled'}
                onClick={() => open('offer')}
                data-testid="neg-offer"
              >
                {n.can.offer ? t('neg.makeOffer') : t('neg.counter')}
              </Button>
            ) : null}
            {n.can.accept && standing ? (
              <Button onClick={() => open('accept')} data-testid="neg-accept">
                {t('neg.accept')}
              </Button>
            ) : null}
            {n.can.refuse && standing ? (
              <Button color="red" variant="outline" onClick={() => open('refuse')} data-testid="neg-refuse">
                {t('neg.refuse')}
              </Button>
            ) : null}
            {n.can.agreeAsIs ? (
              <Button variant="default" onClick={() => open('agreeAsIs')} data-testid="neg-agree">
                {t('neg.agreeAsIs')}
              </Button>
            ) : null}
            {n.can.extend ? (
              <Button variant="default" onClick={() => open('extend')} data-testid="neg-extend">
                {t('neg.extend')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Card>

      {n.state === null && n.status === 'scored' ? (
        <Alert color="blue" role="status">
          {t('neg.notStarted')}
        </Alert>
      ) : null}
      {standing && !closed ? (
        <Alert color="yellow" role="status" data-testid="neg-waiting">
          {t(n.state === 'awaiting_opd' ? 'neg.waitingOpd' : 'neg.waitingPanel', { n: standing.round })}
        </Alert>
      ) : null}

      {pact.data ? <PactCard pact={pact.data} onConflict={onConflict} /> : null}
      {pact.isError ? <QueryError error={pact.error} onRetry={() => void pact.refetch()} /> : null}

      <section aria-labelledby="neg-compare">
        <Title order={2} size="h4" mb="xs" id="neg-compare">
          {t('neg.compareTitle')}
        </Title>
        <ComparisonTable negotiation={n} />
      </section>

      <RoundHistory negotiation={n} />

      {dialog === 'extend' ? <ExtensionModal negotiation={seen} onClose={() => setDialog(null)} /> : null}
      {dialog === 'offer' ? (
        <OfferModal negotiation={seen} onClose={() => setDialog(null)} onConflict={onConflict} />
      ) : null}
      {dialog === 'refuse' && seenStanding ? (
        <RefuseModal
          negotiation={seen}
          round={seenStanding.round}
          onClose={() => setDialog(null)}
          onConflict={onConflict}
        />
      ) : null}
      <ConfirmModal
        opened={dialog === 'accept'}
        title={t('neg.acceptTitle', { n: seenStanding?.round ?? 0 })}
        message={t('neg.acceptMessage', {
          n: seenStanding?.round ?? 0,
          side: seenStanding ? sideLabel(t, seenStanding.side) : '',
        })}
        confirmLabel={t('neg.accept')}
        loading={accept.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => {
          if (!seenStanding) return;
          accept.mutate(
            { proposalId: n.proposalId, round: seenStanding.round },
            {
              onSuccess: () => {
                setDialog(null);
                notifications.show({ color: 'green', message: t('neg.done.accept') });
              },
              onError: onActionError,
            },
          );
        }}
      />
      <ConfirmModal
        opened={dialog === 'agreeAsIs'}
        title={t('neg.agreeAsIsTitle')}
        message={t('neg.agreeAsIsMessage')}
        confirmLabel={t('neg.agreeAsIs')}
        loading={agreeAsIs.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          agreeAsIs.mutate(
            { proposalId: n.proposalId, version: seen.version },
            {
              onSuccess: () => {
                setDialog(null);
                notifications.show({ color: 'green', message: t('neg.done.agreeAsIs') });
              },
              onError: onActionError,
            },
          )
        }
      />
    </Stack>
  );
}

export function NegotiationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const negotiation = useNegotiation(id);
  return (
    <Stack>
      <Anchor component={Link} to={`/usulan/${id}`} size="sm">
        ← {t('neg.backToProposal')}
      </Anchor>
      <PageHeader
        title={negotiation.data ? negotiation.data.title || t('neg.title') : t('neg.title')}
        description={
          negotiation.data ? t('neg.subtitle', { unit: negotiation.data.leadUnitName }) : undefined
        }
      />
      {negotiation.isPending ? (
        <PageLoader />
      ) : negotiation.isError ? (
        <QueryError error={negotiation.error} onRetry={() => void negotiation.refetch()} />
      ) : (
        <NegotiationView negotiation={negotiation.data} />
      )}
    </Stack>
  );
}
