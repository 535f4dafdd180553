import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  type MantineColor,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Scorecard } from '../../../contract/dashboards';
import { useT, type MessageKey, type Translate } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { lkjipPdfUrl, unitMonevPdfUrl, unitMonevXlsxUrl, useScorecard } from './dashboards-api';
import {
  reportQuarter,
  formatPercent,
  formatScore,
  formatTarget,
  formatValue,
  LightDot,
  PredicateBadge,
  QuarterSelect,
  YearSelect,
  type Indicator,
  type PeriodState,
} from './dashboards-format';
import { StatCard, useYearParam } from './performance-page';
import { TrendChart } from './trend-chart';

const stateColors: Record<PeriodState, MantineColor> = {
  not_due: 'gray',
  due: 'blue',
  overdue: 'red',
  submitted: 'cyan',
  late_submitted: 'orange',
  returned: 'grape',
  verified: 'green',
};

function stateText(t: Translate, state: PeriodState, late: number) {
  if (state === 'overdue' && late > 0) return t('monev.state.overdueN', { n: late });
  if (state === 'late_submitted' && late > 0) return t('monev.state.late_submittedN', { n: late });
  return t(`monev.state.${state}` as MessageKey);
}

function StateBadge({ state, late }: { state: PeriodState; late: number }) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={stateColors[state]}
      tt="none"
      styles={{ root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
      data-testid="period-state"
    >
      {stateText(t, state, late)}
    </Badge>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function IndicatorBlock({ ind }: { ind: Indicator }) {
  const t = useT();
  const f = useFormat();
  const unit = ind.unit ? ` ${ind.unit}` : '';
  const provisionalDiffers =
    ind.provisionalAchievement !== null && ind.provisionalAchievement !== ind.achievement;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="indicator" data-light={ind.light ?? undefined}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Title order={4} size="h5">
            {ind.name}
          </Title>
          <Text size="xs" c="dimmed">
            {t('perf.weight', { n: formatValue(ind.weight) })}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {ind.stale ? (
            <Badge color="red" variant="filled" tt="none" title={t('perf.staleHint')} data-testid="stale">
              {t('perf.stale')}
            </Badge>
          ) : null}
          <PredicateBadge predicate={ind.predicate} size="sm" />
          <LightDot light={ind.light} size={18} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
        <Fact label={t('perf.baseline')}>
          <Text size="sm">
            {ind.baseline.value === null
              ? '—'
              : t('perf.baselineOf', {
                  value: `${formatValue(ind.baseline.value)}${unit}`,
                  year: ind.baseline.year ?? '—',
                  source: ind.baseline.source || '—',
                })}
          </Text>
        </Fact>
        <Fact label={t('perf.target')}>
          <Text size="sm" fw={600}>
            {formatTarget(ind.target)}
            {unit}
          </Text>
        </Fact>
        <Fact label={t('perf.achievement')}>
          <Text size="sm" fw={700} data-testid="achievement">
            {formatPercent(ind.achievement)}
          </Text>
          {provisionalDiffers ? (
            <Text size="xs" c="dimmed" data-testid="provisional">
              {formatPercent(ind.provisionalAchievement)} ({t('perf.provisional')})
            </Text>
          ) : null}
        </Fact>
        <Fact label={t('perf.projection')}>
          <Group gap={6} wrap="nowrap">
            <LightDot light={ind.light} />
            <Text size="sm">
              {ind.projected === null
                ? t('perf.noWarning')
                : t('perf.projectionN', {
                    value: `${formatValue(ind.projected)}${unit}`,
                    achievement: formatPercent(ind.projectedAchievement),
                  })}
            </Text>
          </Group>
        </Fact>
      </SimpleGrid>
      <TrendChart indicator={ind} />
      <TableScroll label={t('perf.trend')} minWidth={520}>
        <Table verticalSpacing={4} fz="sm" mt="xs" data-testid="periods">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('perf.period')}</Table.Th>
              <Table.Th scope="col">{t('perf.deadline')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('perf.realization')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('perf.expected')}
              </Table.Th>
              <Table.Th scope="col">{t('perf.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ind.periods.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Th scope="row" fw={500}>
                  <Anchor
                    component={Link}
                    to={`/monev/${encodeURIComponent(ind.contractId)}/${encodeURIComponent(ind.key)}/${encodeURIComponent(p.key)}`}
                    size="sm"
                  >
                    {p.label}
                  </Anchor>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(p.deadline)}</Table.Td>
                <Table.Td ta="right">{formatValue(p.value)}</Table.Td>
                <Table.Td ta="right">{formatTarget(p.expected)}</Table.Td>
                <Table.Td>
                  <StateBadge state={p.state} late={p.lateWorkingDays} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

function ProgramCard({ p }: { p: Scorecard['programs'][number] }) {
  const t = useT();
  return (
    <Card withBorder radius="md" data-testid="program">
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/kontrak/${p.contractId}`} inherit>
              {p.title}
            </Anchor>
          </Title>
          {p.themeName ? (
            <Text size="sm" c="dimmed">
              {t('perf.theme', { name: p.themeName })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('perf.reportedN', { n: p.reported, total: p.indicatorCount })}
          </Text>
        </div>
        <Stack gap={2} align="flex-end">
          <Text fw={700} fz="xl">
            {formatScore(p.score)}
          </Text>
          <PredicateBadge predicate={p.predicate} size="sm" />
        </Stack>
      </Group>
      <Stack gap="sm">
        {p.indicators.map((ind) => (
          <IndicatorBlock key={ind.key} ind={ind} />
        ))}
      </Stack>
    </Card>
  );
}

function ReportButtons({ unitId, year }: { unitId: string; year: number }) {
  const t = useT();
  const [quarter, setQuarter] = useState(() => reportQuarter(year));
  return (
    <Group align="flex-end" gap="sm">
      <QuarterSelect value={quarter} onChange={setQuarter} />
      <Button
        component="a"
        href={unitMonevPdfUrl(unitId, year, quarter)}
        variant="light"
        data-testid="unit-pdf"
      >
        {t('perf.downloadUnitMonev')}
      </Button>
      <Button
        component="a"
        href={unitMonevXlsxUrl(unitId, year, quarter)}
        variant="light"
        data-testid="unit-xlsx"
      >
        {t('perf.downloadUnitMonevXlsx')}
      </Button>
      <Button component="a" href={lkjipPdfUrl(unitId, year)} variant="light" data-testid="lkjip-pdf">
        {t('perf.downloadLkjip')}
      </Button>
    </Group>
  );
}

export function ScorecardPage() {
  const t = useT();
  const { unitId = '' } = useParams();
  const [year, setYear] = useYearParam();
  const card = useScorecard(unitId, year);
  const back = (
    <Anchor component={Link} to={`/kinerja?tahun=${year}`} size="sm">
      ← {t('perf.back')}
    </Anchor>
  );
  const s = card.data;
  return (
    <Stack>
      {back}
      <PageHeader
        title={s ? s.unit.name : t('perf.scorecard')}
        description={s ? t('perf.scorecard') : undefined}
      />
      <Group align="flex-end" gap="sm">
        <YearSelect value={year} onChange={setYear} />
      </Group>
      {card.isPending ? (
        <PageLoader />
      ) : card.isError ? (
        <QueryError error={card.error} onRetry={() => void card.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="section" aria-label={t('perf.summary')}>
            <StatCard label={t('perf.unitScore')} value={formatScore(card.data.score)} testId="unit-score">
              <PredicateBadge predicate={card.data.predicate} />
            </StatCard>
            <StatCard
              label={t('perf.lateReports')}
              value={String(card.data.lateReports)}
              color={card.data.lateReports > 0 ? 'red.8' : undefined}
            />
            <StatCard label={t('perf.milestone.done')} value={String(card.data.milestones.done)} />
            <StatCard
              label={t('perf.milestone.doneLate')}
              value={String(card.data.milestones.doneLate)}
              color={card.data.milestones.doneLate > 0 ? 'orange.8' : undefined}
            />
            <StatCard
              label={t('perf.milestone.overdue')}
              value={String(card.data.milestones.overdue)}
              color={card.data.milestones.overdue > 0 ? 'red.8' : undefined}
            />
            <StatCard label={t('perf.milestone.upcoming')} value={String(card.data.milestones.upcoming)} />
          </SimpleGrid>
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="xs">
              {t('perf.reports')}
            </Title>
            <ReportButtons unitId={unitId} year={year} />
          </Card>
          {card.data.programs.length === 0 ? (
            <Text>{t('perf.programsEmpty')}</Text>
          ) : (
            card.data.programs.map((p) => <ProgramCard key={p.contractId} p={p} />)
          )}
        </>
      )}
    </Stack>
  );
}
