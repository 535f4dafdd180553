import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import type { EvaluationPreview, EvaluationRun, HitDto } from '../../../contract/discipline';
import { useApiErrorHandler } from '../../app/forms';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { TablePagination } from '../../components/table-pagination';
import { TableScroll } from '../../components/table-scroll';
import {
  RUNS_PAGE_SIZE,
  useCommitEvaluation,
  useEvaluationRuns,
  usePreviewEvaluation,
} from './discipline-admin-api';
import {
  MONTHS_ID,
  caseStateLabels,
  defaultPeriod,
  formatFactor,
  periodKeyOf,
  periodLabelOf,
  subjectLabels,
  triggerLabels,
  type PeriodChoice,
  type PeriodKind,
} from './discipline-format';
import { KindBadge, VestBadge } from './rule-parts';

const HITS_PAGE_SIZE = 20;

function PeriodPicker({
  value,
  onChange,
  disabled,
}: {
  value: PeriodChoice;
  onChange: (p: PeriodChoice) => void;
  disabled: boolean;
}) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - 4 + i));
  if (!years.includes(String(value.year))) years.push(String(value.year));
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id="period-kind-label">
          Jenis periode
        </Text>
        <SegmentedControl
          aria-labelledby="period-kind-label"
          value={value.kind}
          onChange={(k) => onChange({ ...value, kind: k as PeriodKind })}
          disabled={disabled}
          data={[
            { value: 'month', label: 'Bulan' },
            { value: 'quarter', label: 'Triwulan' },
            { value: 'year', label: 'Tahun' },
          ]}
          data-testid="period-kind"
        />
      </div>
      <Group gap="sm" align="flex-end">
        {value.kind === 'month' ? (
          <Select
            label="Bulan"
            w={160}
            data={MONTHS_ID.map((m, i) => ({ value: String(i + 1), label: m }))}
            value={String(value.month)}
            onChange={(v) => v && onChange({ ...value, month: Number(v) })}
            allowDeselect={false}
            disabled={disabled}
            data-testid="period-month"
          />
        ) : null}
        {value.kind === 'quarter' ? (
          <Select
            label="Triwulan"
            w={160}
            data={['I', 'II', 'III', 'IV'].map((r, i) => ({ value: String(i + 1), label: `Triwulan ${r}` }))}
            value={String(value.quarter)}
            onChange={(v) => v && onChange({ ...value, quarter: Number(v) })}
            allowDeselect={false}
            disabled={disabled}
            data-testid="period-quarter"
          />
        ) : null}
        <Select
          label="Tahun"
          w={110}
          data={years}
          value={String(value.year)}
          onChange={(v) => v && onChange({ ...value, year: Number(v) })}
          allowDeselect={false}
          disabled={disabled}
          data-testid="period-year"
        />
      </Group>
    </Stack>
  );
}

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
}) {
  const f = useFormat();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} c={color}>
        {f.number(value)}
      </Text>
    </Paper>
  );
}

function HitSubject({ hit: h }: { hit: HitDto }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {h.subject.name}
      </Text>
      {h.subject.nip ? (
        <Text size="xs" c="dimmed">
          NIP {h.subject.nip}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {subjectLabels[h.subject.kind]} · {h.subject.workUnitName}
      </Text>
      {!h.subject.hasAccount ? (
        <Text size="xs" c="var(--mantine-color-orange-light-color)">
          Tanpa akun: diberitahu lewat unit
        </Text>
      ) : null}
    </>
  );
}

function HitRule({ hit: h }: { hit: HitDto }) {
  return (
    <>
      <Text size="sm" ff="monospace" fw={700}>
        {h.ruleCode}
      </Text>
      <Text size="xs" c="dimmed">
        {h.ruleName} · v{h.ruleVersion}
      </Text>
      <KindBadge kind={h.ruleKind} size="xs" />
    </>
  );
}

function HitFacts({ hit: h }: { hit: HitDto }) {
  return (
    <List size="sm" spacing={2}>
      {h.facts.map((fact, i) => (
        <List.Item key={i}>{fact}</List.Item>
      ))}
    </List>
  );
}

function HitStatus({ hit: h }: { hit: HitDto }) {
  return h.existing ? (
    <Stack gap={0} align="flex-start" data-testid="hit-existing">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        Sudah diusulkan
      </Text>
      <Text size="xs" c="dimmed">
        Status: {(caseStateLabels as Record<string, string>)[h.existing.state] ?? h.existing.state}
      </Text>
    </Stack>
  ) : (
    <Badge color="blue" variant="light" tt="none">
      Baru
    </Badge>
  );
}

/** One hit as a card, for phones. */
function HitCard({ hit }: { hit: HitDto }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="hit-row">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <HitRule hit={hit} />
          </div>
          <HitStatus hit={hit} />
        </Group>
        <div>
          <HitSubject hit={hit} />
        </div>
        <HitFacts hit={hit} />
        <HitConsequence hit={hit} />
      </Stack>
    </Paper>
  );
}

function HitConsequence({ hit }: { hit: HitDto }) {
  if (hit.vest) {
    const factor = hit.vest.baseWorkingDays > 0 ? hit.vest.workingDays / hit.vest.baseWorkingDays : null;
    return (
      <Stack gap={4} align="flex-start">
        <VestBadge label={hit.vest.label} size="sm" />
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {hit.vest.workingDays} hari kerja
        </Text>
        {hit.vest.repeat ? (
          <Badge color="orange" variant="light" tt="none" size="sm" data-testid="hit-repeat">
            diulang: ×{factor !== null ? formatFactor(factor) : '?'} (dari {hit.vest.baseWorkingDays} hari)
          </Badge>
        ) : null}
      </Stack>
    );
  }
  return <Text size="sm">{hit.certificateText ?? 'Piagam penghargaan'}</Text>;
}

const matches = (h: HitDto, q: string) => {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [h.ruleCode, h.ruleName, h.subject.name, h.subject.nip ?? '', h.subject.workUnitName].some((s) =>
    s.toLowerCase().includes(needle),
  );
};

function HitsTable({ preview }: { preview: EvaluationPreview }) {
  const [q, setQ] = useState('');
  const [rule, setRule] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filtered = useMemo(
    () =>
      preview.hits.filter(
        (h) =>
          matches(h, q) &&
          (rule === null || h.ruleCode === rule) &&
          (status === null || (status === 'new' ? h.existing === null : h.existing !== null)),
      ),
    [preview.hits, q, rule, status],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / HITS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * HITS_PAGE_SIZE, current * HITS_PAGE_SIZE);
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const emptyText =
    preview.hits.length === 0
      ? 'Tidak ada subjek yang terkena aturan pada periode ini.'
      : 'Tidak ada temuan yang cocok dengan pencarian.';

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SearchInput
          label="Cari temuan"
          placeholder="Nama, NIP, unit atau kode aturan"
          value={q}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="hit-search"
        />
        <Select
          label="Aturan"
          placeholder="Semua aturan"
          clearable
          data={preview.rules.map((r) => ({ value: r.code, label: `${r.code} (${r.hits})` }))}
          value={rule}
          onChange={(v) => {
            setRule(v);
            setPage(1);
          }}
          data-testid="hit-rule"
        />
        <Select
          label="Status"
          placeholder="Semua"
          clearable
          data={[
            { value: 'new', label: 'Baru' },
            { value: 'existing', label: 'Sudah diusulkan' },
          ]}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data-testid="hit-status"
        />
      </SimpleGrid>
      {phone ? (
        <Stack gap="sm" data-testid="hits-cards">
          {shown.length === 0 ? (
            <Text size="sm">{emptyText}</Text>
          ) : (
            shown.map((h) => <HitCard key={h.key} hit={h} />)
          )}
          <TablePagination
            page={current}
            pageSize={HITS_PAGE_SIZE}
            total={filtered.length}
            onChange={setPage}
          />
        </Stack>
      ) : (
        <Paper withBorder radius="md" p="xs">
          <TableScroll label="Temuan evaluasi" minWidth={980}>
            <Table striped verticalSpacing="sm" data-testid="hits-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Aturan</Table.Th>
                  <Table.Th scope="col">Subjek</Table.Th>
                  <Table.Th scope="col">Fakta</Table.Th>
                  <Table.Th scope="col">Konsekuensi</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm">{emptyText}</Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  shown.map((h) => (
                    <Table.Tr key={h.key} data-testid="hit-row">
                      <Table.Td style={{ verticalAlign: 'top' }}>
                        <HitRule hit={h} />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top', minWidth: 180 }}>
                        <HitSubject hit={h} />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top', minWidth: 300 }}>
                        <HitFacts hit={h} />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top', minWidth: 160 }}>
                        <HitConsequence hit={h} />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: 'top', minWidth: 130 }}>
                        <HitStatus hit={h} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <TablePagination
            page={current}
            pageSize={HITS_PAGE_SIZE}
            total={filtered.length}
            onChange={setPage}
          />
        </Paper>
      )}
    </Stack>
  );
}

function PreviewView({ preview }: { preview: EvaluationPreview }) {
  const f = useFormat();
  const existing = preview.hits.filter((h) => h.existing !== null).length;
  return (
    <Stack data-testid="preview">
      <div>
        <Title order={2} size="h3">
          Hasil uji coba: {preview.periodLabel}
        </Title>
        <Text size="sm" c="dimmed">
          Dihitung per {f.date(preview.asOf)}. Belum ada yang disimpan.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Temuan" value={preview.hits.length} testId="preview-hits" />
        <Stat
          label="Usulan sanksi baru"
          value={preview.newSanctions}
          color={preview.newSanctions > 0 ? 'red.8' : undefined}
          testId="preview-new-sanctions"
        />
        <Stat
          label="Usulan penghargaan baru"
          value={preview.newRewards}
          color={preview.newRewards > 0 ? 'teal.8' : undefined}
          testId="preview-new-rewards"
        />
        <Stat label="Sudah diusulkan" value={existing} testId="preview-existing" />
      </SimpleGrid>
      {preview.notes.length > 0 ? (
        <Alert color="blue" title="Catatan" data-testid="preview-notes">
          <List size="sm" spacing={2}>
            {preview.notes.map((n, i) => (
              <List.Item key={i}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="xs">
        <TableScroll label="Ringkasan per aturan" minWidth={320}>
          <Table verticalSpacing="xs" data-testid="preview-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Aturan</Table.Th>
                <Table.Th scope="col" ta="right">
                  Versi
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Temuan
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rules.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" fw={700}>
                      {r.code}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.name}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">v{r.version}</Table.Td>
                  <Table.Td ta="right" fw={r.hits > 0 ? 700 : undefined}>
                    {f.number(r.hits)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>
      <HitsTable key={`${preview.periodKey}|${preview.asOf}`} preview={preview} />
    </Stack>
  );
}

function RunsHistory() {
  const f = useFormat();
  const [page, setPage] = useState(1);
  const runs = useEvaluationRuns(page);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Riwayat evaluasi
      </Title>
      <PagedTable<EvaluationRun>
        query={runs}
        label="Riwayat evaluasi"
        minWidth={900}
        striped
        data-testid="runs-table"
        columns={7}
        page={page}
        pageSize={RUNS_PAGE_SIZE}
        onPageChange={setPage}
        head={
          <>
            <Table.Th scope="col">Periode</Table.Th>
            <Table.Th scope="col">Versi aturan</Table.Th>
            <Table.Th scope="col" ta="right">
              Temuan
            </Table.Th>
            <Table.Th scope="col">Usulan dibuat</Table.Th>
            <Table.Th scope="col">Oleh</Table.Th>
            <Table.Th scope="col">Waktu</Table.Th>
            <Table.Th scope="col">Pemicu</Table.Th>
          </>
        }
        row={(r) => (
          <Table.Tr key={r.id} data-testid="run-row">
            <Table.Td>
              <Text size="sm" fw={500}>
                {r.periodLabel}
              </Text>
              <Text size="xs" c="dimmed">
                per {f.date(r.asOf)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" ff="monospace" style={{ maxWidth: 260 }}>
                {r.rules.map((x) => `${x.code} v${x.version}`).join(', ')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{f.number(r.hits)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {r.sanctionsCreated} sanksi, {r.rewardsCreated} penghargaan
            </Table.Td>
            <Table.Td>{r.createdByName ?? 'Sistem'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(r.createdAt)}</Table.Td>
            <Table.Td>{triggerLabels[r.trigger] ?? r.trigger}</Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

/**
 * The evaluation of the rules for a period: a dry run first (who would be hit, with the facts), then the
 * commit that creates the sanction and reward proposals. Running a period again never proposes twice.
 */
export function EvaluationPage() {
  const onError = useApiErrorHandler();
  const preview = usePreviewEvaluation();
  const commit = useCommitEvaluation();
  const [period, setPeriod] = useState<PeriodChoice>(() => defaultPeriod());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<EvaluationRun | null>(null);
  /** The last dry run; kept on screen while it is run again after a commit. */
  const [shown, setShown] = useState<EvaluationPreview | null>(null);
  const key = periodKeyOf(period);
  const busy = preview.isPending || commit.isPending;
  const data = shown && shown.periodKey === key ? shown : null;

  const runPreview = (keepResult = false) => {
    if (!keepResult) setResult(null);
    preview.mutate(key, { onSuccess: setShown, onError: (e) => onError(e) });
  };

  const changePeriod = (p: PeriodChoice) => {
    setPeriod(p);
    setResult(null);
    setShown(null);
    preview.reset();
  };

  return (
    <Stack>
      <PageHeader
        title="Evaluasi Aturan"
        description="Uji coba dulu untuk melihat siapa yang terkena aturan beserta faktanya, lalu jalankan untuk membuat usulan sanksi dan penghargaan. Usulan masih perlu disetujui sebelum berlaku."
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <PeriodPicker value={period} onChange={changePeriod} disabled={busy} />
          <Text size="sm" c="dimmed">
            Periode dievaluasi: <strong>{periodLabelOf(period)}</strong> (kode {key})
          </Text>
          <Group gap="sm">
            <Button
              onClick={() => runPreview()}
              loading={preview.isPending}
              disabled={commit.isPending}
              data-testid="preview-button"
            >
              Uji coba (pratinjau)
            </Button>
            <Button
              color="red"
              variant={data ? 'filled' : 'light'}
              disabled={!data || busy}
              onClick={() => setConfirming(true)}
              data-testid="commit-button"
            >
              Jalankan dan buat usulan
            </Button>
          </Group>
          {!data && !busy ? (
            <Text size="xs" c="dimmed">
              Tombol “Jalankan” aktif setelah uji coba untuk periode yang dipilih.
            </Text>
          ) : null}
          {busy ? (
            <Stack gap={4} role="status" aria-live="polite" data-testid="evaluation-progress">
              <Text size="sm">
                {commit.isPending
                  ? `Menjalankan evaluasi ${periodLabelOf(period)} dan membuat usulan…`
                  : `Menghitung uji coba ${periodLabelOf(period)}… (dapat memakan beberapa detik)`}
              </Text>
              <Progress value={100} animated striped aria-label="Evaluasi sedang berjalan" />
            </Stack>
          ) : null}
        </Stack>
      </Paper>

      {result ? (
        <Alert
          color="green"
          title={`Evaluasi ${result.periodLabel} selesai`}
          role="status"
          withCloseButton
          closeButtonLabel="Tutup"
          onClose={() => setResult(null)}
          data-testid="commit-result"
        >
          <Stack gap={4}>
            <Text size="sm">
              {result.sanctionsCreated + result.rewardsCreated === 0
                ? `Tidak ada usulan baru: semua ${result.hits} temuan sudah diusulkan sebelumnya.`
                : `${result.sanctionsCreated} usulan sanksi dan ${result.rewardsCreated} usulan penghargaan baru dibuat dari ${result.hits} temuan.`}
            </Text>
            <Group gap="md">
              <Button component={Link} to="/disiplin/sanksi" size="xs" variant="default">
                Lihat usulan sanksi
              </Button>
              <Button component={Link} to="/disiplin/penghargaan" size="xs" variant="default">
                Lihat usulan penghargaan
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      {data ? <PreviewView preview={data} /> : null}

      <RunsHistory />

      <ConfirmModal
        opened={confirming && data !== null}
        title={`Jalankan evaluasi ${data?.periodLabel ?? ''}?`}
        message={
          data ? (
            <Stack gap="xs" data-testid="commit-confirm">
              <Text size="sm">
                Evaluasi ini akan membuat <strong>{data.newSanctions} usulan sanksi</strong> dan{' '}
                <strong>{data.newRewards} usulan penghargaan</strong> baru.
              </Text>
              {data.hits.length - data.newSanctions - data.newRewards > 0 ? (
                <Text size="sm" c="dimmed">
                  {data.hits.length - data.newSanctions - data.newRewards} temuan sudah diusulkan sebelumnya
                  dan tidak dibuat lagi.
                </Text>
              ) : null}
              <Text size="sm" c="dimmed">
                Usulan baru berstatus “{caseStateLabels.proposed}” dan baru berlaku setelah disetujui oleh
                pejabat yang bukan pengusul.
              </Text>
            </Stack>
          ) : (
            ''
          )
        }
        confirmLabel="Jalankan dan buat usulan"
        loading={commit.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          commit.mutate(key, {
            onSuccess: (run) => {
              setConfirming(false);
              setResult(run);
              // Show the hits again with their new state ("sudah diusulkan").
              runPreview(true);
            },
            onError: (e) => {
              setConfirming(false);
              onError(e);
            },
          })
        }
      />
    </Stack>
  );
}
