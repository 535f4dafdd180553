import { Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Overview } from '../../../contract/dashboards';
import { useT } from '../../app/i18n';
import { can, hasRole } from '../../app/permissions';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { regionMonevPdfUrl, regionMonevXlsxUrl, useOverview } from './dashboards-api';
import {
  reportQuarter,
  formatScore,
  LightCounts,
  PredicateBadge,
  QuarterSelect,
  YearSelect,
} from './dashboards-format';
import { RankingChart } from './ranking-chart';

/** The year of the dashboards, kept in the address (`?tahun=2026`) so a view can be shared. */
export function useYearParam(): [number, (y: number) => void] {
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

/** The unit of an OPD user (head or operator), if any. */
export function ownUnitId(me: ReturnType<typeof useMe>): string | null {
  return (
    me.roles.find((r) => (r.role === 'opd_head' || r.role === 'opd_operator') && r.workUnitId)?.workUnitId ??
    null
  );
}

export function StatCard({
  label,
  value,
  color,
  testId,
  children,
}: {
  label: string;
  value: string;
  color?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} c={color}>
        {value}
      </Text>
      {children}
    </Paper>
  );
}

function Summary({ o }: { o: Overview }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="section" aria-label={t('perf.summary')}>
      <StatCard label={t('perf.regionScore')} value={formatScore(o.score)} testId="region-score">
        <PredicateBadge predicate={o.predicate} />
      </StatCard>
      <StatCard
        label={t('perf.lateReports')}
        value={String(o.counts.lateReports)}
        color={o.counts.lateReports > 0 ? 'red.8' : undefined}
        testId="count-late"
      />
      <StatCard
        label={t('perf.overdueMilestones')}
        value={String(o.counts.overdueMilestones)}
        color={o.counts.overdueMilestones > 0 ? 'orange.8' : undefined}
        testId="count-overdue"
      />
      <StatCard
        label={t('perf.awaitingVerification')}
        value={String(o.counts.awaitingVerification)}
        testId="count-awaiting"
      />
      <StatCard
        label={t('perf.redIndicators')}
        value={String(o.counts.red)}
        color={o.counts.red > 0 ? 'red.8' : undefined}
        testId="count-red"
      />
    </SimpleGrid>
  );
}

function RankingCard({ o, linkUnits }: { o: Overview; linkUnits: (unitId: string) => boolean }) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('perf.ranking')}
      </Title>
      {o.units.length === 0 ? (
        <Text>{t('perf.rankingEmpty')}</Text>
      ) : (
        <Stack>
          <RankingChart units={o.units} />
          <TableScroll label={t('perf.ranking')} minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="ranking-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" ta="right">
                    {t('perf.col.rank')}
                  </Table.Th>
                  <Table.Th scope="col">{t('perf.col.unit')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('perf.col.score')}
                  </Table.Th>
                  <Table.Th scope="col">{t('perf.col.predicate')}</Table.Th>
                  <Table.Th scope="col">{t('perf.col.lights')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('perf.col.late')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('perf.col.overdue')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.units.map((u) => (
                  <Table.Tr key={u.unitId} data-testid="ranking-row">
                    <Table.Td ta="right" fw={700}>
                      {u.rank ?? '—'}
                    </Table.Td>
                    <Table.Td>
                      {linkUnits(u.unitId) ? (
                        <Anchor component={Link} to={`/kinerja/opd/${u.unitId}?tahun=${o.year}`} size="sm">
                          {u.name}
                        </Anchor>
                      ) : (
                        <Text size="sm">{u.name}</Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatScore(u.score)}</Table.Td>
                    <Table.Td>
                      <PredicateBadge predicate={u.predicate} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <LightCounts lights={u.lights} />
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      c={u.lateReports > 0 ? 'red.8' : undefined}
                      fw={u.lateReports > 0 ? 700 : undefined}
                    >
                      {u.lateReports}
                    </Table.Td>
                    <Table.Td
                      ta="right"
                      c={u.overdueMilestones > 0 ? 'orange.8' : undefined}
                      fw={u.overdueMilestones > 0 ? 700 : undefined}
                    >
                      {u.overdueMilestones}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      )}
    </Card>
  );
}

function ThemesCard({ o }: { o: Overview }) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('perf.themes')}
      </Title>
      {o.themes.length === 0 ? (
        <Text>{t('perf.themesEmpty')}</Text>
      ) : (
        <Stack gap="md" data-testid="themes">
          {o.themes.map((th) => (
            <Paper key={th.themeId} withBorder p="sm" radius="md" data-testid="theme">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">
                    {t('perf.missionN', { n: th.missionNumber })}
                  </Text>
                  <Title order={3} size="h5">
                    {th.name}
                  </Title>
                </div>
                <Stack gap={2} align="flex-end">
                  <Text fw={700} fz="lg">
                    {formatScore(th.score)}
                  </Text>
                  <PredicateBadge predicate={th.predicate} size="sm" />
                </Stack>
              </Group>
              {th.contributors.length === 0 ? (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('perf.noContributors')}
                </Text>
              ) : (
                <Table mt="xs" verticalSpacing={4} fz="sm">
                  <caption style={{ textAlign: 'left', captionSide: 'top' }}>
                    <Text size="xs" c="dimmed" component="span">
                      {t('perf.contributors')}
                    </Text>
                  </caption>
                  <Table.Tbody>
                    {th.contributors.map((c, i) => (
                      <Table.Tr key={`${c.unitName}-${c.title}-${i}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {c.unitName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {c.title}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {formatScore(c.score)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function MissionsCard({ o }: { o: Overview }) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('perf.missions')}
      </Title>
      {o.missions.length === 0 ? (
        <Text>{t('perf.missionsEmpty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="missions">
          {o.missions.map((m) => (
            <Group key={m.number} justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {t('perf.missionN', { n: m.number })}
                </Text>
                <Text size="sm">{m.title}</Text>
              </div>
              <Stack gap={2} align="flex-end">
                <Text fw={700}>{formatScore(m.score)}</Text>
                <PredicateBadge predicate={m.predicate} size="sm" />
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ReportsCard({ year }: { year: number }) {
  const t = useT();
  const [quarter, setQuarter] = useState(() => reportQuarter(year));
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('perf.reports')}
      </Title>
      <Group align="flex-end" gap="sm">
        <QuarterSelect value={quarter} onChange={setQuarter} />
        <Button
          component="a"
          href={regionMonevPdfUrl(year, quarter)}
          variant="light"
          data-testid="region-pdf"
        >
          {t('perf.downloadPdf')}
        </Button>
        <Button
          component="a"
          href={regionMonevXlsxUrl(year, quarter)}
          variant="light"
          data-testid="region-xlsx"
        >
          {t('perf.downloadXlsx')}
        </Button>
      </Group>
    </Card>
  );
}

export function PerformancePage() {
  const t = useT();
  const me = useMe();
  const [year, setYear] = useYearParam();
  const overview = useOverview(year);
  const regionWide = can.monitorRegion(me);
  const own = ownUnitId(me);
  const linkUnits = (unitId: string) => regionWide || unitId === own;

  return (
    <Stack>
      <PageHeader
        title={t('perf.title')}
        description={t('perf.intro')}
        actions={
          <>
            {own ? (
              <Button component={Link} to={`/kinerja/opd/${own}?tahun=${year}`} data-testid="my-unit">
                {t('perf.myUnit')}
              </Button>
            ) : null}
            {hasRole(me, 'region_admin', 'head_of_region', 'verifier', 'national_viewer') ? (
              <Button component={Link} to={`/kinerja/dinding?tahun=${year}`} variant="light">
                {t('perf.wall')}
              </Button>
            ) : null}
          </>
        }
      />
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} />
      </Group>
      {overview.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <Summary o={overview.data} />
          <RankingCard o={overview.data} linkUnits={linkUnits} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ThemesCard o={overview.data} />
            <MissionsCard o={overview.data} />
          </SimpleGrid>
          {can.regionReports(me) ? <ReportsCard year={year} /> : null}
        </>
      )}
    </Stack>
  );
}
