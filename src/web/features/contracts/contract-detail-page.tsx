import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Collapse,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Amendment, Contract, amendmentStatuses } from '../../../contract/agreements';
import { useT, type MessageKey } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { ReasonModal } from '../../components/reason-modal';
import { AmendmentModal } from './amendment-modal';
import { MilestonesCard } from './milestones-card';
import { ChangesTable, TermsTables } from './contract-terms';
import { contractKey, useContract, useDecideAmendment, type AmendmentDecision } from './contracts-api';

type AmendmentStatus = (typeof amendmentStatuses)[number];

const statusColors: Record<AmendmentStatus, MantineColor> = {
  proposed: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

function AmendmentStatusBadge({ status }: { status: AmendmentStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={statusColors[status]} tt="none" data-testid="amendment-status">
      {t(`contract.amendStatus.${status}` as MessageKey)}
    </Badge>
  );
}

/** Approve, reject (reason required) or withdraw an amendment. */
function DecisionModal({
  contract: c,
  amendment: a,
  decision,
  onClose,
  onConflict,
}: {
  contract: Contract;
  amendment: Amendment;
  decision: AmendmentDecision;
  onClose: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const decide = useDecideAmendment();
  const required = decision === 'reject';
  return (
    <ReasonModal
      title={t(`contract.decide.${decision}.title` as MessageKey)}
      message={t(`contract.decide.${decision}.message` as MessageKey)}
      reasonLabel={required ? t('contract.decide.reason') : t('contract.decide.note')}
      required={required}
      requiredMessage={t('contract.decide.reasonRequired')}
      maxLength={2000}
      minRows={2}
      confirmLabel={t(`contract.decide.${decision}` as MessageKey)}
      confirmColor={required ? 'red' : undefined}
      loading={decide.isPending}
      onSubmit={(reason, done) =>
        decide.mutate(
          {
            id: c.id,
            amendmentId: a.id,
            decision,
            body: { version: a.version, reason: reason || undefined },
          },
          done,
        )
      }
      successMessage={t(`contract.decide.${decision}.done` as MessageKey)}
      onClose={onClose}
      onConflict={onConflict}
      testIds={{ reason: 'decision-reason', confirm: 'decision-submit' }}
    />
  );
}

function AmendmentItem({
  contract: c,
  amendment: a,
  onDecide,
}: {
  contract: Contract;
  amendment: Amendment;
  onDecide: (d: AmendmentDecision) => void;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="amendment">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Text fw={600} size="sm">
              {t('contract.amendOn', { v: a.baseVersion })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('contract.proposedBy', { name: a.proposedByName, date: f.dateTime(a.createdAt) })}
            </Text>
          </div>
          <AmendmentStatusBadge status={a.status} />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            {t('contract.amend.reason')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.reason}
          </Text>
        </div>
        <ChangesTable contract={c} changes={a.changes} label={t('contract.amendChanges')} />
        {a.decidedAt ? (
          <div>
            <Text size="sm">
              {t(`contract.decidedBy.${a.status}` as MessageKey, {
                name: a.decidedByName ?? t('common.none'),
                date: f.dateTime(a.decidedAt),
              })}
            </Text>
            {a.decisionReason ? (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {a.decisionReason}
              </Text>
            ) : null}
          </div>
        ) : null}
        {a.can.approve || a.can.reject || a.can.withdraw ? (
          <Group gap="xs">
            {a.can.approve ? (
              <Button size="sm" onClick={() => onDecide('approve')} data-testid="amendment-approve">
                {t('contract.decide.approve')}
              </Button>
            ) : null}
            {a.can.reject ? (
              <Button
                size="sm"
                color="red"
                variant="outline"
                onClick={() => onDecide('reject')}
                data-testid="amendment-reject"
              >
                {t('contract.decide.reject')}
              </Button>
            ) : null}
            {a.can.withdraw ? (
              <Button
                size="sm"
                variant="default"
                onClick={() => onDecide('withdraw')}
                data-testid="amendment-withdraw"
              >
                {t('contract.decide.withdraw')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function VersionItem({
  contract: c,
  version: v,
}: {
  contract: Contract;
  version: Contract['versions'][number];
}) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const id = `version-${v.version}`;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="contract-version">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Text fw={600} size="sm">
              {t('contract.versionN', { v: v.version })}
              {v.version === c.currentVersion ? (
                <Badge ml="xs" size="sm" variant="light" tt="none">
                  {t('contract.current')}
                </Badge>
              ) : null}
            </Text>
            <Text size="xs" c="dimmed">
              {f.dateTime(v.createdAt)} ·{' '}
              {v.amendmentId ? t('contract.fromAmendment') : t('contract.fromSigning')}
            </Text>
          </div>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={`${id}-terms`}
          >
            {open ? t('contract.hideVersion') : t('contract.showVersion', { v: v.version })}
          </Button>
        </Group>
        {v.version === 1 && v.changes.length === 0 ? (
          <Text size="sm">{t('contract.initialVersion')}</Text>
        ) : (
          <ChangesTable
            contract={c}
            changes={v.changes}
            label={t('contract.versionChanges', { v: v.version })}
          />
        )}
        <Collapse expanded={open} id={`${id}-terms`}>
          {open ? <TermsTables contract={c} terms={v.terms} idPrefix={id} /> : null}
        </Collapse>
      </Stack>
    </Paper>
  );
}

function ContractView({ contract: c }: { contract: Contract }) {
  const t = useT();
  const f = useFormat();
  // Verifiers read contracts but not proposals: no link to a page they cannot open.
  const readsProposals = can.readProposals(useMe());
  const qc = useQueryClient();
  const [amending, setAmending] = useState(false);
  const [deciding, setDeciding] = useState<{ amendment: Amendment; decision: AmendmentDecision } | null>(
    null,
  );
  const versions = c.versions.slice().sort((a, b) => b.version - a.version);
  const amendments = c.amendments.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const onConflict = () => {
    void qc.invalidateQueries({ queryKey: contractKey(c.id) });
    notifications.show({
      color: 'yellow',
      title: t('neg.conflictTitle'),
      message: t('contract.conflict'),
      autoClose: 10_000,
    });
  };

  return (
    <Stack>
      <Card withBorder radius="md" data-testid="contract-summary">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="xs">
            <Badge variant="light" color="green" tt="none">
              {t('contract.versionN', { v: c.currentVersion })}
            </Badge>
            {c.openAmendment ? (
              <Badge variant="light" color="orange" tt="none">
                {t('contract.openAmendment')}
              </Badge>
            ) : null}
          </Group>
          {c.can.amend ? (
            <Button onClick={() => setAmending(true)} data-testid="contract-amend">
              {t('contract.amend.open')}
            </Button>
          ) : null}
        </Group>
        <Stack component="dl" gap={6} m={0} mt="sm">
          <FieldRow label={t('contract.unit')}>{c.workUnitName}</FieldRow>
          <FieldRow label={t('contract.cycle')}>{c.cycleName}</FieldRow>
          <FieldRow label={t('contract.term')}>
            {c.term.startYear}–{c.term.endYear}
          </FieldRow>
          <FieldRow label={t('contract.pactNumber')}>{c.pactNumber}</FieldRow>
          <FieldRow label={t('contract.signedAt')}>{f.dateTime(c.signedAt)}</FieldRow>
          <FieldRow label={t('pact.code')}>
            <Anchor component={Link} to={`/verifikasi/${encodeURIComponent(c.verificationCode)}`} size="sm">
              <Code>{c.verificationCode}</Code>
            </Anchor>
          </FieldRow>
          {readsProposals ? (
            <FieldRow label={t('contract.proposal')}>
              <Anchor component={Link} to={`/usulan/${c.proposalId}/negosiasi`} size="sm">
                {t('contract.openNegotiation')}
              </Anchor>
            </FieldRow>
          ) : null}
        </Stack>
        <Text size="xs" c="dimmed" mt="sm">
          {t('contract.readOnly')}
        </Text>
      </Card>

      <Card withBorder radius="md" component="section" aria-labelledby="contract-terms">
        <Title order={2} size="h4" mb="sm" id="contract-terms">
          {t('contract.currentTerms', { v: c.currentVersion })}
        </Title>
        <TermsTables contract={c} terms={c.terms} idPrefix="current" />
      </Card>

      <Card withBorder radius="md" component="section" aria-labelledby="contract-realizations">
        <Title order={2} size="h4" id="contract-realizations">
          {t('contract.realizations')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('contract.realizationsHint')}
        </Text>
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {c.indicators.map((ind) => (
            <li key={ind.key}>
              <Anchor
                component={Link}
                to={`/monev/${c.id}/${encodeURIComponent(ind.key)}`}
                size="sm"
                data-testid="contract-realization-link"
              >
                {t('contract.openRealization', { name: ind.name })}
              </Anchor>
            </li>
          ))}
        </Stack>
      </Card>

      <MilestonesCard contractId={c.id} />

      <Card withBorder radius="md" component="section" aria-labelledby="contract-amendments">
        <Title order={2} size="h4" mb="sm" id="contract-amendments">
          {t('contract.amendments')}
        </Title>
        {amendments.length === 0 ? (
          <Text size="sm">{t('contract.noAmendments')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {amendments.map((a) => (
              <AmendmentItem
                key={a.id}
                contract={c}
                amendment={a}
                onDecide={(decision) => setDeciding({ amendment: a, decision })}
              />
            ))}
          </Stack>
        )}
      </Card>

      <Card withBorder radius="md" component="section" aria-labelledby="contract-versions">
        <Title order={2} size="h4" mb="sm" id="contract-versions">
          {t('contract.versions')}
        </Title>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {versions.map((v) => (
            <VersionItem key={v.version} contract={c} version={v} />
          ))}
        </Stack>
      </Card>

      {amending ? (
        <AmendmentModal contract={c} onClose={() => setAmending(false)} onConflict={onConflict} />
      ) : null}
      {deciding ? (
        <DecisionModal
          contract={c}
          amendment={deciding.amendment}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onConflict={onConflict}
        />
      ) : null}
    </Stack>
  );
}

export function ContractDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const contract = useContract(id);
  return (
    <Stack>
      <Anchor component={Link} to="/kontrak" size="sm">
        ← {t('contract.title')}
      </Anchor>
      <PageHeader
        title={contract.data?.title || t('contract.detailTitle')}
        description={contract.data ? t('contract.subtitle', { number: contract.data.pactNumber }) : undefined}
      />
      {contract.isPending ? (
        <PageLoader />
      ) : contract.isError ? (
        <QueryError error={contract.error} onRetry={() => void contract.refetch()} />
      ) : (
        <ContractView contract={contract.data} />
      )}
    </Stack>
  );
}
