import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Board } from '../../../contract/board';
import { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { hasRole } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { proposalStatusLabel, ProposalStatusBadge } from '../../components/proposal-status';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { boardXlsxUrl, resultsPdfUrl, useBoard } from './board-api';
import { BudgetCard } from './board-budget';
import { CoverageCard } from './board-coverage';
import { RankingCard } from './board-ranking';

/** How many proposals are in each phase, as a bar chart with the same figures in a hidden table. */
function PhasesCard({ phases }: { phases: Board['phases'] }) {
  const t = useT();
  const f = useFormat();
  const data = phases.map((p) => ({ phase: proposalStatusLabel(t, p.phase), count: p.count }));
  const total = phases.reduce((s, p) => s + p.count, 0);
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t('board.phases')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="board-total">
          {t('board.totalProposals', { n: f.number(total) })}
        </Text>
      </Group>
      <figure style={{ margin: 0 }} data-testid="phase-chart">
        <BarChart
          h={240}
          data={data}
          dataKey="phase"
          series={[{ name: 'count', label: t('board.count'), color: 'blue.7' }]}
          valueFormatter={(v) => f.number(v)}
          yAxisProps={{ allowDecimals: false, width: 40 }}
          accessibilityLayer={false}
          aria-hidden
          gridAxis="y"
          withBarValueLabel
        />
        <VisuallyHidden component="figcaption">
          <Table>
            <caption>{t('board.phaseChart')}</caption>
            <tbody>
              {data.map((d) => (
                <tr key={d.phase}>
                  <th scope="row">{d.phase}</th>
                  <td>{f.number(d.count)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </VisuallyHidden>
      </figure>
    </Card>
  );
}

/** Every unit of the region with its proposals in the cycle, units without one too. */
function UnitsCard({ units }: { units: Board['units'] }) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('board.units')}
      </Title>
      <TableScroll label={t('board.units')} minWidth={720} maxHeight={560}>
        <Table striped verticalSpacing="xs" stickyHeader data-testid="board-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('board.unitCode')}</Table.Th>
              <Table.Th scope="col">{t('board.col.unit')}</Table.Th>
              <Table.Th scope="col">{t('board.proposals')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitId} data-testid="board-unit">
                <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{u.code}</Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>{u.name}</Table.Td>
                <Table.Td>
                  {u.proposals.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('board.noProposal')}
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {u.proposals.map((p) => (
                        <Group key={p.id} gap="xs" wrap="nowrap" justify="space-between">
                          <Anchor component={Link} to={`/usulan/${p.id}`} size="sm">
                            {p.title}
                          </Anchor>
                          <ProposalStatusBadge status={p.status} />
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Card>
  );
}

export function BoardPage() {
  const t = useT();
  const me = useMe();
  const { id = '' } = useParams();
  // The board is for the admin and the head of region (the server refuses everyone else).
  const mayRead = hasRole(me, 'region_admin', 'head_of_region');
  const board = useBoard(mayRead ? id : '');

  const back = (
    <Anchor component={Link} to={`/siklus/${id}`} size="sm">
      ← {t('board.back')}
    </Anchor>
  );

  if (!mayRead)
    return (
      <Stack>
        {back}
        <PageHeader title={t('board.title')} />
        <Text role="alert">{t('error.forbidden')}</Text>
      </Stack>
    );
  if (board.isPending) return <PageLoader />;
  if (board.isError) {
    const notFound =
      board.error instanceof ApiError &&
      (board.error.code === 'NOT_FOUND' || board.error.code === 'VALIDATION_FAILED');
    return (
      <Stack>
        {back}
        <PageHeader title={t('board.title')} />
        {notFound ? (
          <Text>{t('cycle.notFound')}</Text>
        ) : (
          <QueryError error={board.error} onRetry={() => void board.refetch()} />
        )}
      </Stack>
    );
  }
  const b = board.data;

  return (
    <Stack>
      {back}
      <PageHeader
        title={t('board.title')}
        description={`${b.cycle.name} · ${t('cycle.term', { start: b.cycle.startYear, end: b.cycle.endYear })}`}
        actions={
          <>
            <Button
              component="a"
              href={boardXlsxUrl(b.cycle.id)}
              download
              variant="default"
              data-testid="board-xlsx"
            >
              {t('board.downloadXlsx')}
            </Button>
            <Button component="a" href={resultsPdfUrl(b.cycle.id)} download data-testid="board-pdf">
              {t('board.downloadPdf')}
            </Button>
          </>
        }
      />

      <PhasesCard phases={b.phases} />
      <UnitsCard units={b.units} />

      <SimpleGrid cols={{ base: 1, xl: b.cycle.hasBudget ? 2 : 1 }}>
        <RankingCard
          title={t('board.ranking')}
          empty={t('board.rankingEmpty')}
          rows={b.ranking}
          testId="board-ranking"
        />
        {b.cycle.hasBudget ? (
          <RankingCard
            title={t('board.rankingPerRupiah')}
            hint={t('board.rankingPerRupiahHint')}
            empty={t('board.rankingPerRupiahEmpty')}
            rows={b.rankingPerRupiah}
            testId="board-ranking-rupiah"
          />
        ) : null}
      </SimpleGrid>

      <CoverageCard
        coverage={b.coverage}
        titles={new Map(b.units.flatMap((u) => u.proposals.map((p) => [p.id, p.title] as const)))}
      />
      <BudgetCard budget={b.budget} hasBudget={b.cycle.hasBudget} />
    </Stack>
  );
}
