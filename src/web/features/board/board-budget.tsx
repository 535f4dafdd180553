import { CompositeChart } from '@mantine/charts';
import { Badge, Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { Board } from '../../../contract/board';
import { useT } from '../../app/i18n';
import { formatRupiah, formatRupiahCompact } from '../../components/cycle-format';
import { TableScroll } from '../../components/table-scroll';

/** Requested and agreed budget per term year against the ceiling (table and chart). */
export function BudgetCard({ budget, hasBudget }: { budget: Board['budget']; hasBudget: boolean }) {
  const t = useT();
  const sum = (f: (b: Board['budget'][number]) => number) => budget.reduce((s, b) => s + f(b), 0);
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb={2}>
        {t('board.budget')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('board.budgetHint')}
      </Text>
      <Stack gap="lg">
        <TableScroll label={t('board.budget')} minWidth={560}>
          <Table striped verticalSpacing="xs" data-testid="budget-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('board.year')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('board.ceiling')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('board.requested')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('board.agreed')}
                </Table.Th>
                <Table.Th scope="col">{t('board.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.map((b) => (
                <Table.Tr key={b.year} data-testid="budget-row" data-over={b.over || undefined}>
                  <Table.Td>{b.year}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {b.ceiling === null ? '—' : formatRupiah(b.ceiling)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(b.requested)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(b.agreed)}
                  </Table.Td>
                  <Table.Td>
                    {b.ceiling === null ? (
                      <Text size="sm" c="dimmed">
                        {t('board.noCeiling')}
                      </Text>
                    ) : (
                      <Badge variant="light" color={b.over ? 'red' : 'green'} tt="none">
                        {b.over ? t('board.over') : t('board.within')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('board.total')}</Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {hasBudget ? formatRupiah(sum((b) => b.ceiling ?? 0)) : '—'}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(sum((b) => b.requested))}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(sum((b) => b.agreed))}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
        {/* The table carries the same figures for screen readers. */}
        <Box aria-hidden data-testid="budget-chart">
          <Text size="sm" fw={500} mb={4}>
            {t('board.budgetChart')}
          </Text>
          <CompositeChart
            h={260}
            data={budget.map((b) => ({
              year: String(b.year),
              requested: b.requested,
              agreed: b.agreed,
              ceiling: b.ceiling,
            }))}
            dataKey="year"
            series={[
              { name: 'requested', label: t('board.requested'), color: 'blue.6', type: 'bar' },
              { name: 'agreed', label: t('board.agreed'), color: 'teal.6', type: 'bar' },
              ...(hasBudget
                ? [
                    {
                      name: 'ceiling',
                      label: t('board.ceiling'),
                      color: 'red.7',
                      type: 'line' as const,
                      strokeDasharray: '5 5',
                    },
                  ]
                : []),
            ]}
            connectNulls={false}
            withLegend
            valueFormatter={(v: number) => formatRupiah(v)}
            yAxisProps={{ width: 80, tickFormatter: (v: number) => formatRupiahCompact(v) }}
            gridAxis="y"
            accessibilityLayer={false}
          />
        </Box>
      </Stack>
    </Card>
  );
}
