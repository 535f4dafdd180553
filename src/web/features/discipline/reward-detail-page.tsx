import { Paper, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import type { RewardDto } from '../../../contract/discipline';
import { useFormat } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import {
  CaseCard,
  CaseDetailPage,
  CaseView,
  CloseReason,
  ProposalRows,
  type ActionSpec,
  type CaseDocument,
} from './case-parts';
import { certificateUrl, rewardKey, useReward, useRewardTransition } from './discipline-api';
import {
  rewardEventLabels,
  RewardStateBadge,
  rewardStateLabels,
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
          <ProposalRows case={r} />
        </Stack>
        <CloseReason reason={r.closeReason} />
      </Stack>
    </CaseCard>
  );
}

function RewardView({ reward: r, onReload }: { reward: RewardDto; onReload: () => void }) {
  const transition = useRewardTransition(r.id);
  return (
    <CaseView<RewardEvent, RewardDto>
      case={r}
      noun="Penghargaan"
      stateLabels={rewardStateLabels}
      events={r.events}
      specs={specs}
      transition={transition}
      onReload={onReload}
    >
      <CertificateCard reward={r} />
    </CaseView>
  );
}

const certificate: CaseDocument<RewardDto> = {
  label: 'Unduh piagam (PDF)',
  testId: 'certificate-pdf',
  number: (r) => r.certificateNumber,
  href: (r) => certificateUrl(r.id),
};

/** One reward with its facts, legal basis, certificate and history. */
export function RewardDetailPage() {
  const { id = '' } = useParams();
  const q = useReward(id);
  return (
    <CaseDetailPage
      id={id}
      query={q}
      queryKey={rewardKey(id)}
      back={{ to: '/disiplin/penghargaan', label: '← Daftar penghargaan' }}
      noun="Penghargaan"
      name={(r) => r.ruleName}
      badge={(r) => <RewardStateBadge state={r.state} size="lg" />}
      document={certificate}
    >
      {(r, onReload) => <RewardView reward={r} onReload={onReload} />}
    </CaseDetailPage>
  );
}
