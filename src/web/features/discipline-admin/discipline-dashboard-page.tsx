import type { ReactNode } from 'react';
import { Alert, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import type { DisciplineDashboard } from '../../../contract/discipline';
import { useFormat } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useDisciplineDashboard } from './discipline-admin-api';
import { LatenessChart, MonthChart, RuleCountChart, UnitChart } from './discipline-charts';
import { formatRate, longMonth } from './discipline-format';

const TOP_UNITS = 15;

/** The year in the address (`?tahun=2026`), so a view can be shared. */
function useYear(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('tahun'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : new Date().getFullYear();
  const setYear = (y: number) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.set('tahun', String(y));
        return n;
      },
      { replace: true },
    );
  return [year, setYear];
}

function StatCard({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={30} fw={700} lh={1.2} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

function ChartCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const Empty = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

/** The before/after comparison of lateness, in words. */
function LatenessSummary({ d }: { d: DisciplineDashboard }) {
  const f = useFormat();
  const { before, after, firstAfter } = d.effect;
  const say = (children: ReactNode) => (
    <Text size="sm" data-testid="lateness-summary">
      {children}
    </Text>
  );
  if (!d.rulesSince || !firstAfter)
    return say(
      'Belum ada aturan sanksi yang berlaku atau dievaluasi, sehingga belum ada perbandingan sebelum dan sesudah.',
    );
  const since = f.date(d.rulesSince);
  const rate = (n: number) => <strong>{formatRate(n)}</strong>;
  const unit = ' hari terlambat (TL2-TL4) per 100 hari kerja ASN';
  if (before === null && after === null)
    return say(`Aturan berlaku sejak ${since}. Belum ada data kehadiran ${d.year}.`);
  if (after === null) {
    const laterYear = Number(firstAfter.slice(0, 4)) > d.year;
    return say(
      <>
        Aturan berlaku sejak {since}; data kehadiran {d.year} yang ada seluruhnya sebelum itu, dengan
        rata-rata {rate(before!)}
        {unit}.{' '}
        {laterYear
          ? `Pilih tahun ${firstAfter.slice(0, 4)} untuk membandingkan dengan sesudahnya.`
          : `Perbandingan tersedia setelah ada data bulan ${longMonth(firstAfter)}.`}
      </>,
    );
  }
  if (before === null)
    return say(
      <>
        Aturan berlaku sejak {since}; seluruh data kehadiran {d.year} sesudahnya, dengan rata-rata{' '}
        {rate(after)}
        {unit}. Pilih tahun sebelumnya untuk membandingkan.
      </>,
    );
  const change = before > 0 ? ((after - before) / before) * 100 : null;
  const direction =
    change === null
      ? ''
      : Math.abs(change) < 0.05
        ? ' (tidak berubah)'
        : change < 0
          ? ` (turun ${formatRate(-change)}%)`
          : ` (naik ${formatRate(change)}%)`;
  return say(
    <>
      Sebelum aturan berlaku ({since}) rata-rata {rate(before)}
      {unit}; sejak {longMonth(firstAfter)} rata-rata {rate(after)}
      {direction}. Rata-rata ditimbang dengan jumlah hari kerja ASN setiap bulan.
    </>,
  );
}

function Dashboard({ d }: { d: DisciplineDashboard }) {
  const f = useFormat();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const t = d.totals;
  const units = [...d.byUnit]
    .sort((a, b) => b.sanctions + b.rewards - (a.sanctions + a.rewards) || a.name.localeCompare(b.name))
    .slice(0, TOP_UNITS);
  const rules = d.byRule.filter((r) => r.count > 0 || d.byRule.length <= 12);
  const sinceInYear = d.rulesSince !== null && d.rulesSince.startsWith(String(d.year));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="section" aria-label="Ringkasan">
        <StatCard label="Sanksi" value={f.number(t.sanctions)} color="red.8" testId="total-sanctions" />
        <StatCard label="Sedang dijalani" value={f.number(t.active)} testId="total-active" />
        <StatCard
          label="Menunggu persetujuan"
          value={f.number(t.awaitingApproval)}
          color={t.awaitingApproval > 0 ? 'orange.8' : undefined}
          testId="total-awaiting"
        />
        <StatCard label="Keberatan" value={f.number(t.appealed)} testId="total-appealed" />
        <StatCard label="Dicabut" value={f.number(t.revoked)} testId="total-revoked" />
        <StatCard label="Penghargaan" value={f.number(t.rewards)} color="teal.8" testId="total-rewards" />
      </SimpleGrid>

      <ChartCard title="Keterlambatan sebelum dan sesudah aturan" testId="lateness-card">
        <Stack gap="sm">
          <Text size="sm" c="dimmed" mt={-8}>
            Hari terlambat TL2-TL4 per 100 hari kerja ASN, per bulan
          </Text>
          {d.lateness.length === 0 ? (
            <Empty>Belum ada data kehadiran pada tahun {d.year}.</Empty>
          ) : (
            <LatenessChart
              rows={d.lateness}
              year={d.year}
              rulesSince={d.rulesSince}
              firstAfter={d.effect.firstAfter}
              caption={`Hari terlambat TL2-TL4 per 100 hari kerja ASN per bulan, ${d.year}${
                d.rulesSince ? `; aturan berlaku sejak ${f.date(d.rulesSince)}` : ''
              }`}
            />
          )}
          <LatenessSummary d={d} />
          {d.rulesSince && !sinceInYear && d.lateness.length > 0 ? (
            <Text size="xs" c="dimmed">
              Garis “Aturan berlaku” tidak tampak karena aturan mulai berlaku di luar tahun {d.year}.
            </Text>
          ) : null}
        </Stack>
      </ChartCard>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title="Jumlah per aturan">
          {rules.every((r) => r.count === 0) ? (
            <Empty>Belum ada sanksi atau penghargaan pada tahun {d.year}.</Empty>
          ) : (
            <RuleCountChart rows={rules} caption={`Jumlah sanksi dan penghargaan per aturan, ${d.year}`} />
          )}
        </ChartCard>
        <ChartCard title="Per bulan">
          {d.byMonth.every((m) => m.sanctions === 0 && m.rewards === 0) ? (
            <Empty>Belum ada sanksi atau penghargaan pada tahun {d.year}.</Empty>
          ) : (
            <MonthChart rows={d.byMonth} caption={`Sanksi dan penghargaan per bulan, ${d.year}`} />
          )}
        </ChartCard>
      </SimpleGrid>

      <ChartCard title={`Per Perangkat Daerah (${TOP_UNITS} teratas)`}>
        {units.length === 0 ? (
          <Empty>Belum ada Perangkat Daerah dengan sanksi atau penghargaan pada tahun {d.year}.</Empty>
        ) : (
          <UnitChart
            rows={units}
            narrow={narrow}
            caption={`Sanksi dan penghargaan per Perangkat Daerah, ${TOP_UNITS} teratas, ${d.year}`}
          />
        )}
      </ChartCard>
    </Stack>
  );
}

/** The head of region's view of sanctions and rewards, and of lateness before and after the rules. */
export function DisciplineDashboardPage() {
  const [year, setYear] = useYear();
  const dash = useDisciplineDashboard(year);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - 5 + i));
  if (!years.includes(String(year))) years.push(String(year));
  return (
    <Stack>
      <PageHeader
        title="Dasbor Penghargaan dan Sanksi"
        description="Jumlah sanksi dan penghargaan per aturan, Perangkat Daerah dan bulan, serta pengaruh aturan terhadap keterlambatan."
        actions={
          <Group>
            <Select
              label="Tahun"
              data={years}
              value={String(year)}
              onChange={(v) => v && setYear(Number(v))}
              allowDeselect={false}
              w={110}
              data-testid="year-select"
            />
          </Group>
        }
      />
      {dash.isPending ? (
        <PageLoader />
      ) : dash.isError ? (
        <QueryError error={dash.error} onRetry={() => void dash.refetch()} />
      ) : (
        <>
          {dash.isPlaceholderData ? (
            <Alert color="gray" variant="light" role="status">
              Memuat data tahun {year}…
            </Alert>
          ) : null}
          <div
            aria-busy={dash.isPlaceholderData}
            style={{ opacity: dash.isPlaceholderData ? 0.4 : 1, transition: 'opacity 150ms' }}
          >
            <Dashboard d={dash.data} />
          </div>
        </>
      )}
    </Stack>
  );
}
