import { Alert, Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { SanctionDto } from '../../../contract/discipline';
import { useFormat } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { TableScroll } from '../../components/table-scroll';
import { AppealCard } from './appeal-card';
import {
  CaseCard,
  CaseDetailPage,
  CaseView,
  CloseReason,
  ProposalRows,
  type ActionSpec,
  type CaseDocument,
} from './case-parts';
import { decreeUrl, sanctionKey, useSanction, useSanctionTransition } from './discipline-api';
import {
  SanctionStateBadge,
  sanctionEventLabels,
  sanctionStateLabels,
  useRegionToday,
  useTimeFormat,
  VestBadge,
  workingDaysText,
  type SanctionEvent,
} from './discipline-format';

type ButtonEvent = Exclude<SanctionEvent, 'appeal'>;

const specs: Record<ButtonEvent, ActionSpec> = {
  approve: {
    label: sanctionEventLabels.approve,
    title: 'Setujui sanksi',
    message:
      'Sanksi disetujui dan surat keputusan diterbitkan. Setelah diberitahukan, yang bersangkutan dapat mengajukan keberatan dalam masa keberatan; sanksi baru berlaku sesudahnya.',
    color: 'blue',
  },
  reject: {
    label: sanctionEventLabels.reject,
    title: 'Tolak usulan sanksi',
    message: 'Usulan sanksi ditolak dan tidak dapat dilanjutkan. Alasan penolakan dicatat dalam riwayat.',
    reason: { label: 'Alasan penolakan', requiredMessage: 'Alasan penolakan wajib diisi' },
    color: 'red',
    variant: 'outline',
  },
  notify: {
    label: sanctionEventLabels.notify,
    title: 'Beritahukan sanksi',
    message:
      'Sanksi diberitahukan kepada yang bersangkutan hari ini, dengan fakta dan dasar hukumnya; masa keberatan mulai berjalan.',
  },
  uphold: {
    label: sanctionEventLabels.uphold,
    title: 'Kuatkan sanksi',
    message:
      'Keberatan tidak diterima dan sanksi dikuatkan: sanksi berlaku mulai hari kerja setelah keputusan ini.',
    reason: {
      label: 'Alasan keputusan',
      requiredMessage: 'Alasan keputusan atas keberatan wajib diisi',
    },
  },
  revoke: {
    label: sanctionEventLabels.revoke,
    title: 'Cabut sanksi',
    message: 'Keberatan diterima dan sanksi dicabut: yang bersangkutan tidak menjalani sanksi ini.',
    reason: {
      label: 'Alasan keputusan',
      requiredMessage: 'Alasan keputusan atas keberatan wajib diisi',
    },
    color: 'teal',
    variant: 'light',
  },
  activate: {
    label: sanctionEventLabels.activate,
    title: 'Mulai sanksi',
    message: 'Sanksi mulai berlaku dan yang bersangkutan masuk daftar apel pagi.',
  },
  complete: {
    label: sanctionEventLabels.complete,
    title: 'Selesaikan sanksi',
    message: 'Masa sanksi dinyatakan selesai.',
  },
  cancel: {
    label: sanctionEventLabels.cancel,
    title: 'Batalkan sanksi',
    message: 'Sanksi dibatalkan dan tidak dilanjutkan. Alasan pembatalan dicatat dalam riwayat.',
    reason: { label: 'Alasan pembatalan', requiredMessage: 'Alasan pembatalan wajib diisi' },
    color: 'red',
    variant: 'outline',
  },
};

/** Label, length (with the repeat escalation), serving period and decree. */
function SanctionCard({ sanction: s }: { sanction: SanctionDto }) {
  const f = useFormat();
  const repeat = s.repeatOf !== null || s.workingDays !== s.baseWorkingDays;
  return (
    <CaseCard id="case-sanction" title="Sanksi" testId="case-sanction">
      <Stack gap="sm">
        <div>
          <VestBadge label={s.label} size="xl" />
        </div>
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label="Lama">{workingDaysText(s.workingDays)}</FieldRow>
          <FieldRow label="Lama dasar aturan">{workingDaysText(s.baseWorkingDays)}</FieldRow>
          <FieldRow label="Masa menjalani">
            {s.startsOn ? `${f.date(s.startsOn)} – ${f.date(s.endsOn)}` : 'Belum dijadwalkan'}
          </FieldRow>
          <FieldRow label="Nomor SK">{s.decreeNumber ?? '—'}</FieldRow>
          <ProposalRows case={s} />
        </Stack>
        {repeat ? (
          <Alert color="orange" title="Pelanggaran berulang" data-testid="sanction-repeat">
            <Text size="sm">
              Aturan yang sama pernah dikenakan dalam jangka waktu pengulangan, sehingga lama sanksi menjadi{' '}
              {workingDaysText(s.workingDays)} (dasar {workingDaysText(s.baseWorkingDays)}).
            </Text>
            {s.repeatOf ? (
              <Anchor
                component={Link}
                to={`/disiplin/sanksi/${s.repeatOf.id}`}
                size="sm"
                c="var(--mantine-color-text)"
                underline="always"
                fw={500}
              >
                Lihat sanksi sebelumnya
                {s.repeatOf.decreeNumber ? ` (SK ${s.repeatOf.decreeNumber})` : ''}
              </Anchor>
            ) : null}
          </Alert>
        ) : null}
        <CloseReason reason={s.closeReason} />
      </Stack>
    </CaseCard>
  );
}

/** The approver's decision on the appeal. */
function DecisionCard({ sanction: s }: { sanction: SanctionDto }) {
  const f = useFormat();
  const outcome = [...s.history].reverse().find((e) => e.event === 'uphold' || e.event === 'revoke');
  const outcomeText =
    outcome?.event === 'revoke' || s.state === 'revoked'
      ? 'Keberatan diterima: sanksi dicabut'
      : outcome?.event === 'uphold' || s.decidedOn
        ? 'Keberatan tidak diterima: sanksi dikuatkan'
        : null;
  return (
    <CaseCard id="case-decision" title="Keputusan atas keberatan" testId="case-decision">
      {s.decidedOn || s.decisionReason ? (
        <Stack gap="sm">
          {outcomeText ? (
            <Text size="sm" fw={600}>
              {outcomeText}
            </Text>
          ) : null}
          <Stack component="dl" gap={6} m={0}>
            <FieldRow label="Tanggal keputusan">{f.date(s.decidedOn)}</FieldRow>
            <FieldRow label="Diputuskan oleh">{s.decidedByName ?? '—'}</FieldRow>
          </Stack>
          <div>
            <Text size="sm" c="dimmed">
              Alasan keputusan
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="decision-reason">
              {s.decisionReason ?? '—'}
            </Text>
          </div>
        </Stack>
      ) : (
        <Text size="sm" data-testid="decision-pending">
          Keberatan menunggu keputusan Pejabat Penyetuju. Sanksi tidak berlaku sebelum diputuskan.
        </Text>
      )}
    </CaseCard>
  );
}

/** Each working day of the sanction: served or not, and when the vest was issued and returned. */
function ServingDaysCard({ sanction: s }: { sanction: SanctionDto }) {
  const f = useFormat();
  const time = useTimeFormat();
  const today = useRegionToday();
  return (
    <CaseCard id="case-days" title="Hari menjalani" testId="case-days">
      {s.servingDays.length === 0 ? (
        <Text size="sm">
          {s.state === 'rejected' || s.state === 'revoked' || s.state === 'cancelled'
            ? 'Sanksi ini tidak dijalani.'
            : 'Hari menjalani dijadwalkan setelah sanksi berlaku (sesudah masa keberatan atau keputusan atas keberatan).'}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Hari yang tidak dijalani tetap tercatat dan menambah satu hari kerja di akhir masa sanksi.
          </Text>
          <TableScroll label="Hari menjalani sanksi" minWidth={620}>
            <Table striped verticalSpacing="xs" data-testid="serving-days">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Tanggal</Table.Th>
                  <Table.Th scope="col">Hari ke</Table.Th>
                  <Table.Th scope="col">Dijalani</Table.Th>
                  <Table.Th scope="col">Rompi diserahkan</Table.Th>
                  <Table.Th scope="col">Rompi dikembalikan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.servingDays.map((d) => (
                  <Table.Tr key={d.date} data-testid="serving-day">
                    <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                      {f.date(d.date)}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      hari ke-{d.index} dari {s.workingDays}
                    </Table.Td>
                    <Table.Td>
                      {d.served === true ? (
                        <Badge color="green" variant="light" tt="none">
                          Dijalani
                        </Badge>
                      ) : d.served === false || d.missed ? (
                        <Badge color="red" variant="light" tt="none">
                          Tidak dijalani (+1 hari)
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {d.date <= today ? 'Belum dicatat' : 'Terjadwal'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{time(d.vestIssuedAt, d.date)}</Table.Td>
                    <Table.Td>{time(d.vestReturnedAt, d.date)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      )}
    </CaseCard>
  );
}

function SanctionView({ sanction: s, onReload }: { sanction: SanctionDto; onReload: () => void }) {
  const f = useFormat();
  const transition = useSanctionTransition(s.id);
  const buttons = s.events.filter((e): e is ButtonEvent => e !== 'appeal');
  const showDecision = s.appealedAt !== null || s.decidedOn !== null || s.state === 'appealed';

  return (
    <CaseView<ButtonEvent, SanctionDto>
      case={s}
      noun="Sanksi"
      stateLabels={sanctionStateLabels}
      events={buttons}
      specs={specs}
      transition={transition}
      onReload={onReload}
      notice={
        s.events.includes('appeal') && s.appealDeadline ? (
          <Alert color="blue" title="Hak mengajukan keberatan" data-testid="appeal-hint">
            Anda dapat mengajukan keberatan atas sanksi ini, dengan alasan dan bukti, paling lambat{' '}
            {f.date(s.appealDeadline)}.{' '}
            <Anchor href="#case-appeal" c="var(--mantine-color-text)" underline="always" size="sm" fw={500}>
              Isi formulir keberatan
            </Anchor>
          </Alert>
        ) : null
      }
      gridCards={(onConflict) => (
        <>
          <SanctionCard sanction={s} />
          <AppealCard sanction={s} onConflict={onConflict} />
        </>
      )}
    >
      {showDecision ? <DecisionCard sanction={s} /> : null}
      <ServingDaysCard sanction={s} />
    </CaseView>
  );
}

const decree: CaseDocument<SanctionDto> = {
  label: 'Unduh SK (PDF)',
  testId: 'decree-pdf',
  number: (s) => s.decreeNumber,
  href: (s) => decreeUrl(s.id),
};

/** One sanction with its facts, legal basis, appeal, decision, serving days and history. */
export function SanctionDetailPage() {
  const { id = '' } = useParams();
  const q = useSanction(id);
  return (
    <CaseDetailPage
      id={id}
      query={q}
      queryKey={sanctionKey(id)}
      back={{ to: '/disiplin/sanksi', label: '← Daftar sanksi' }}
      noun="Sanksi"
      name={(s) => s.label}
      badge={(s) => <SanctionStateBadge state={s.state} size="lg" />}
      document={decree}
    >
      {(s, onReload) => <SanctionView sanction={s} onReload={onReload} />}
    </CaseDetailPage>
  );
}
