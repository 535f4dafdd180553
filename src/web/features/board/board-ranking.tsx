import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { formatRupiah } from '../../components/cycle-format';
import { TableScroll } from '../../components/table-scroll';
import { formatPerBillion, formatScore, type RankedProposal } from './board-format';

/** A ranking (by score, or by score per Rupiah): ties share a rank, as the server computed it. */
export function RankingCard({
  title,
  hint,
  empty,
  rows,
  testId,
}: {
  title: string;
  hint?: string;
  empty: string;
  rows: RankedProposal[];
  testId: string;
}) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <TableScroll label={title} minWidth={720}>
          <Table striped verticalSpacing="xs" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  {t('board.col.rank')}
                </Table.Th>
                <Table.Th scope="col">{t('board.col.title')}</Table.Th>
                <Table.Th scope="col">{t('board.col.unit')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('board.col.score')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('board.col.budget')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('board.col.perBillion')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="ranking-row">
                  <Table.Td ta="right" fw={700}>
                    {r.rank}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/usulan/${r.id}`} size="sm">
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.leadUnitName}</Table.Td>
                  <Table.Td ta="right">{formatScore(r.score)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(r.budgetTotal)}
                  </Table.Td>
                  <Table.Td ta="right">{formatPerBillion(r.scorePerBillion)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}
