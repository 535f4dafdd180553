import type { ReactNode } from 'react';
import { Paper, Table, Text, type TableProps } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useT } from '../app/i18n';
import { PageLoader } from './page-loader';
import { QueryError } from './query-error';
import { TablePagination } from './table-pagination';
import { TableScroll } from './table-scroll';

/**
 * One page of a server-paged list: a spinner while it first loads, the error with a retry, or the
 * table (a "no data" row when empty) with the total and the page links. Other props go to the table.
 */
export function PagedTable<T>({
  query,
  label,
  minWidth,
  head,
  columns,
  row,
  page,
  pageSize,
  onPageChange,
  empty,
  ...tableProps
}: Omit<TableProps, 'children'> & {
  query: UseQueryResult<{ items: T[]; total: number }>;
  /** Names the scrolling region. */
  label: string;
  minWidth: number;
  /** The header cells. */
  head: ReactNode;
  /** How many columns the "no data" row spans. */
  columns: number;
  /** The row(s) of one item, with their key. */
  row: (item: T) => ReactNode;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** What the "no data" row says; "Tidak ada data." unless told. */
  empty?: ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Paper withBorder radius="md" p="xs">
      <TableScroll label={label} minWidth={minWidth}>
        <Table {...tableProps}>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns}>{empty ?? <Text>{t('common.noData')}</Text>}</Table.Td>
              </Table.Tr>
            ) : (
              query.data.items.map(row)
            )}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <TablePagination page={page} pageSize={pageSize} total={query.data.total} onChange={onPageChange} />
    </Paper>
  );
}
