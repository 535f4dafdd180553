import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { importColumns, type ImportBatch } from '../../../contract/imports';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { TableScroll } from '../../components/table-scroll';

const counters = ['totalRows', 'validRows', 'errorCount', 'toCreate', 'toUpdate', 'unchanged'] as const;
const counterLabel: Record<(typeof counters)[number], MessageKey> = {
  totalRows: 'imp.totalRows',
  validRows: 'imp.validRows',
  errorCount: 'imp.errorCount',
  toCreate: 'imp.toCreate',
  toUpdate: 'imp.toUpdate',
  unchanged: 'imp.unchanged',
};

/** Totals, errors (Baris / Kolom / Keterangan) and a sample of the rows of an uploaded file. */
export function ImportPreview({ batch }: { batch: ImportBatch }) {
  const t = useT();
  const f = useFormat();
  // In the order of the template: the stored sample does not keep key order.
  const sampleColumns = batch.sample.length ? importColumns[batch.kind].map((c) => c.header) : [];
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} data-testid="import-totals">
        {counters.map((c) => (
          <Paper key={c} withBorder p="sm" radius="md">
            <Text size="sm" c="dimmed">
              {t(counterLabel[c])}
            </Text>
            <Text
              fw={700}
              fz="xl"
              c={c === 'errorCount' && batch.errorCount > 0 ? 'red.9' : undefined}
              data-testid={`import-${c}`}
            >
              {f.number(batch[c])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      {batch.errors.length > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            {t('imp.errors')}
          </Title>
          {batch.errorCount > batch.errors.length ? (
            <Alert color="yellow" mb="xs">
              {t('imp.errorsShown', {
                shown: f.number(batch.errors.length),
                total: f.number(batch.errorCount),
              })}
            </Alert>
          ) : null}
          <TableScroll label={t('imp.errors')} minWidth={500} maxHeight={400}>
            <Table striped data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imp.line')}</Table.Th>
                  <Table.Th scope="col">{t('imp.column')}</Table.Th>
                  <Table.Th scope="col">{t('imp.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batch.errors.map((e, i) => (
                  <Table.Tr key={`${e.line}-${e.column}-${i}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.column || t('common.none')}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      ) : null}

      {batch.sample.length > 0 ? (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            {t('imp.sample')}
          </Title>
          <TableScroll label={t('imp.sample')} minWidth={600}>
            <Table striped data-testid="import-sample">
              <Table.Thead>
                <Table.Tr>
                  {sampleColumns.map((c) => (
                    <Table.Th key={c} scope="col">
                      {c}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batch.sample.map((row, i) => (
                  <Table.Tr key={i}>
                    {sampleColumns.map((c) => (
                      <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      ) : null}
    </Stack>
  );
}
