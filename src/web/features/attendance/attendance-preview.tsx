import { useState } from 'react';
import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AttendancePreview as Preview } from '../../../contract/attendance';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { TablePagination } from '../../components/table-pagination';
import { TableScroll } from '../../components/table-scroll';

const PROBLEMS_PER_PAGE = 10;

function Counter({
  label,
  value,
  testId,
  warn,
}: {
  label: string;
  value: string;
  testId: string;
  warn?: boolean;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={warn ? 'red.9' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Where to map an unknown PIN: the PIN page with the add dialog prefilled. */
export const mapPinHref = (pin: string, device: string | null) =>
  `/kehadiran/pin-mesin?pin=${encodeURIComponent(pin)}${device ? `&mesin=${encodeURIComponent(device)}` : ''}`;

/**
 * What a commit would do with a file: the counts, the date range, the lines with problems (line,
 * reason; ten a page), the PINs or NIPs no ASN answers to, and the first punches as they would be kept.
 */
export function AttendancePreview({ preview: p }: { preview: Preview }) {
  const t = useT();
  const f = useFormat();
  const [problemPage, setProblemPage] = useState(1);
  const problems = p.problems.slice((problemPage - 1) * PROBLEMS_PER_PAGE, problemPage * PROBLEMS_PER_PAGE);
  const idLabel = p.identifier === 'pin' ? 'PIN' : 'NIP';
  const counters: { key: string; label: MessageKey; value: number; warn?: boolean }[] = [
    { key: 'rowsRead', label: 'att.rowsRead', value: p.rowsRead },
    { key: 'punchesRead', label: 'att.punchesRead', value: p.punchesRead },
    { key: 'toAdd', label: 'att.toAdd', value: p.toAdd },
    { key: 'duplicatesInFile', label: 'att.duplicatesInFile', value: p.duplicatesInFile },
    { key: 'duplicatesInDatabase', label: 'att.duplicatesInDatabase', value: p.duplicatesInDatabase },
    { key: 'problemLines', label: 'att.problemLines', value: p.problemLines, warn: p.problemLines > 0 },
    {
      key: 'unknownPunches',
      label: 'att.unknownPunches',
      value: p.unknownPunches,
      warn: p.unknownPunches > 0,
    },
    { key: 'civilServants', label: 'att.civilServants', value: p.civilServants },
  ];

  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="att-totals">
        {counters.map((c) => (
          <Counter
            key={c.key}
            label={t(c.label)}
            value={f.number(c.value)}
            testId={`att-${c.key}`}
            warn={c.warn}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" data-testid="att-range">
        {p.dateFrom ? t('att.range', { from: f.date(p.dateFrom), to: f.date(p.dateTo) }) : t('att.noRange')}
      </Text>

      {p.problems.length > 0 ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="att-problems-title">
          <Title order={3} size="h4" mb="xs" id="att-problems-title">
            {t('att.problems')}
          </Title>
          {p.problemLines > p.problems.length ? (
            <Alert color="yellow" mb="xs">
              {t('att.problemsShown', {
                shown: f.number(p.problems.length),
                total: f.number(p.problemLines),
              })}
            </Alert>
          ) : null}
          <TableScroll label={t('att.problems')} minWidth={300}>
            <Table striped data-testid="att-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={90}>
                    {t('imp.line')}
                  </Table.Th>
                  <Table.Th scope="col">{t('att.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((e, i) => (
                  <Table.Tr key={`${e.line}-${i}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <TablePagination
            page={problemPage}
            pageSize={PROBLEMS_PER_PAGE}
            total={p.problems.length}
            onChange={setProblemPage}
          />
        </Paper>
      ) : null}

      {p.unknown.length > 0 ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="att-unknown-title">
          <Title order={3} size="h4" mb="xs" id="att-unknown-title">
            {t('att.unknown', { id: idLabel })}
          </Title>
          <Text size="sm" mb="xs">
            {p.identifier === 'pin'
              ? t('att.unknownPinHint', { n: f.number(p.unknownIdentifiers) })
              : t('att.unknownNipHint', { n: f.number(p.unknownIdentifiers) })}
          </Text>
          <TableScroll label={t('att.unknown', { id: idLabel })} minWidth={420}>
            <Table striped data-testid="att-unknown">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{idLabel}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('att.punches')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('att.firstLine')}
                  </Table.Th>
                  {p.identifier === 'pin' ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.unknown.map((u) => (
                  <Table.Tr key={u.identifier}>
                    <Table.Td>{u.identifier}</Table.Td>
                    <Table.Td ta="right">{f.number(u.punches)}</Table.Td>
                    <Table.Td ta="right">{u.firstLine}</Table.Td>
                    {p.identifier === 'pin' ? (
                      <Table.Td>
                        <Anchor component={Link} to={mapPinHref(u.identifier, p.device)} size="sm">
                          {t('att.mapPin', { pin: u.identifier })}
                        </Anchor>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      ) : null}

      {p.sample.length > 0 ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="att-sample-title">
          <Title order={3} size="h4" mb="xs" id="att-sample-title">
            {t('att.sample')}
          </Title>
          <TableScroll label={t('att.sample')} minWidth={560}>
            <Table striped data-testid="att-sample">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imp.line')}</Table.Th>
                  <Table.Th scope="col">{idLabel}</Table.Th>
                  <Table.Th scope="col">NIP</Table.Th>
                  <Table.Th scope="col">{t('att.name')}</Table.Th>
                  <Table.Th scope="col">{t('att.punchTime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.sample.map((s) => (
                  <Table.Tr key={`${s.line}-${s.localDateTime}`}>
                    <Table.Td>{s.line}</Table.Td>
                    <Table.Td>{s.identifier}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.nip}</Table.Td>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.localDateTime.replace('T', ' ')}</Table.Td>
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
