import { Fragment } from 'react';
import { Table } from '@mantine/core';
import { useT } from '../../app/i18n';
import { TableScroll } from '../../components/table-scroll';

/** A snake_case code that may wrap after its underscores on narrow screens, never inside a word. */
function BreakableCode({ code }: { code: string }) {
  const parts = code.split('_');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

/** The criteria of a scoring rubric with their weights and the total (100 when valid). */
export function RubricTable({
  rubric,
  label,
  testId,
}: {
  rubric: readonly { code: string; name: string; weight: number }[];
  /** Names the scrolling region and the table. */
  label: string;
  testId?: string;
}) {
  const t = useT();
  const total = rubric.reduce((s, c) => s + c.weight, 0);
  return (
    <TableScroll label={label} minWidth={300}>
      <Table striped verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cycle.rubricCode')}</Table.Th>
            <Table.Th scope="col">{t('cycle.rubricName')}</Table.Th>
            <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('cycle.rubricWeight')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rubric.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Td ff="monospace" fz="sm">
                <BreakableCode code={c.code} />
              </Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td ta="right">{c.weight}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('cycle.rubricTotal')}
            </Table.Th>
            <Table.Td ta="right" fw={700} data-testid="rubric-total">
              {total}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
