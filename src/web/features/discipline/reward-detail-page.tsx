import { useState } from 'react';
import { Anchor, Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { RewardDto } from '../../../contract/discipline';
import { useFormat } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { formatNip } from '../civil-servants/nip-parts';
import {
  CaseActions,
  CaseCard,
  ConflictAlert,
  conflictMessage,
  FactsCard,
  HistoryCard,
  LegalBasisCard,
  type ActionSpec,
} from './case-parts';
import { certificateUrl, rewardKey, useReward, useRewardTransition } from './discipline-api';
import {
  labelOf,
  rewardEventLabels,
  RewardStateBadge,
  rewardStateLabels,
  subjectKindLabels,
  type RewardEvent,
} from './discipline-format';

const specs: Record<RewardEvent, ActionSpec> = {
  approve: {
    label: rewardEventLabels.approve,
    title: 'Setujui penghargaan',
    message: 'Penghargaan disetujui dan piagamnya diterbitkan dengan nomor.',
    color: 'blue',
  },
  reject: {
    label: rewardEventLabels.reject,
    title: 'Tolak usulan penghargaan',
    message: 'Usulan penghargaan ditolak. Alasan penolakan dicatat dalam riwayat.',
    reason: { label: 'Alasan penolakan', requiredMessage: 'Alasan penolakan wajib diisi' },
    color: 'red',
    variant: 'outline',
  },
  grant: {
    label: rewardEventLabels.grant,
    title: 'Berikan penghargaan',
    message: 'Piagam penghargaan dinyatakan telah diserahkan kepada penerima.',
    color: 'green',
  },
  cancel: {
    label: rewardEventLabels.cancel,
    title: 'Batalkan penghargaan',
    message: 'Penghargaan dibatalkan. Alasan pembatalan dicatat dalam riwayat.',
    reason: { label: 'Alasan pembatalan', requiredMessage: 'Alasan pembatalan wajib diisi' },
    color: 'red',
    variant: 'outline',
  },
};

/** The certificate's text and number. */
function CertificateCard({ reward: r }: { reward: RewardDto }) {
  const f = useFormat();
  return (
    <CaseCard id="case-certificate" title="Piagam" testId="case-certificate">
      <Stack gap="sm">
        <Paper withBorder p="md" radius="sm" bg="var(--mantine-color-yellow-0)">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="certificate-text">
            {r.certificateText || '—'}
          </Text>
        </Paper>
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label="Nomor piagam">{r.certificateNumber ?? '—'}</FieldRow>
          <FieldRow label="Diberikan">{f.date(r.grantedOn)}</FieldRow>
          <FieldRow label="Diusulkan">
            {f.dateTime(r.proposedAt)}
            {r.proposedByName ? ` oleh ${r.proposedByName}` : ''}
          </FieldRow>
          <FieldRow label="Disetujui">
            {r.approvedAt
              ? `${f.dateTime(r.approvedAt)}${r.approvedByName ? ` oleh ${r.approvedByName}` : ''}`
              : '—'}
          </FieldRow>
        </Stack>
        {r.closeReason ? (
          <div>
            <Text size="sm" c="dimmed">
              Alasan penutupan
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.closeReason}
            </Text>
          </div>
        ) : null}
      </Stack>
    </CaseCard>
  );
}

function RewardView({ reward: r, onReload }: { reward: RewardDto; onReload: () => void }) {
  const transition = useRewardTransition(r.id);
  const [conflict, setConflict] = useState<string | null>(null);
  const onConflict = (err: unknown) => {
    setConflict(conflictMessage(err, 'Penghargaan'));
    onReload();
  };
  return (
    <Stack>
      <ConflictAlert
        message={conflict}
        onReload={() => {
          setConflict(null);
          onReload();
        }}
        onClose={() => setConflict(null)}
      />
      <CaseActions<RewardEvent, RewardDto>
        events={r.events}
        specs={specs}
        version={r.version}
        pending={transition.isPending}
        mutate={(body, callbacks) => transition.mutate(body, callbacks)}
        stateLabels={rewardStateLabels}
        noun="Penghargaan"
        onConflict={onConflict}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FactsCard summary={r.summary} facts={r.facts} />
        <LegalBasisCard
          legalBasis={r.legalBasis}
          ruleCode={r.ruleCode}
          ruleName={r.ruleName}
          ruleVersion={r.ruleVersion}
          periodLabel={r.periodLabel}
        />
      </SimpleGrid>
      <CertificateCard reward={r} />
      <HistoryCard history={r.history} stateLabels={rewardStateLabels} />
    </Stack>
  );
}

/** One reward with its facts, legal basis, certificate and history. */
export function RewardDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useReward(id);
  const r = q.data;
  return (
    <Stack>
      <Anchor component={Link} to="/disiplin/penghargaan" size="sm">
        ← Daftar penghargaan
      </Anchor>
      <PageHeader
        title={r ? `Penghargaan ${r.ruleName}` : 'Penghargaan'}
        description={
          r
            ? `${r.subject.name}${r.subject.nip ? ` · NIP ${formatNip(r.subject.nip)}` : ''} · ${labelOf(subjectKindLabels, r.subject.kind)}, ${r.subject.workUnitName}`
            : undefined
        }
        actions={
          r ? (
            <>
              <RewardStateBadge state={r.state} size="lg" />
              {r.certificateNumber ? (
                <Button
                  component="a"
                  href={certificateUrl(r.id)}
                  download
                  variant="default"
                  size="sm"
                  aria-label={`Unduh piagam (PDF) nomor ${r.certificateNumber}`}
                  data-testid="certificate-pdf"
                >
                  Unduh piagam (PDF)
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <RewardView
          key={id}
          reward={q.data}
          onReload={() => void qc.refetchQueries({ queryKey: rewardKey(id) })}
        />
      )}
    </Stack>
  );
}
