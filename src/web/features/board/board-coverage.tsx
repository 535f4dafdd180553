import { Anchor, Badge, Box, Card, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Board } from '../../../contract/board';
import { useT } from '../../app/i18n';
import { ProposalStatusBadge } from '../../components/proposal-status';
import { TableScroll } from '../../components/table-scroll';
import { formatShare } from './board-format';

type Mission = Board['coverage'][number];
type Theme = Mission['themes'][number];

function ThemeCoverage({ theme, titles }: { theme: Theme; titles: ReadonlyMap<string, string> }) {
  const t = useT();
  const units = new Set(theme.contributors.map((c) => c.unitId)).size;
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="coverage-theme">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={4} size="h5">
          {theme.name}
        </Title>
        <Badge variant="light" color={units ? 'blue' : 'gray'} tt="none">
          {t('board.unitCount', { n: units })}
        </Badge>
      </Group>
      {theme.contributors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('board.noContributors')}
        </Text>
      ) : (
        <TableScroll label={`${t('board.coverage')}: ${theme.name}`} minWidth={760}>
          <Table verticalSpacing={4} data-testid="coverage-contributors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('board.col.unit')}</Table.Th>
                <Table.Th scope="col">{t('board.role')}</Table.Th>
                <Table.Th scope="col">{t('board.proposal')}</Table.Th>
                <Table.Th scope="col" w={180}>
                  {t('board.share')}
                </Table.Th>
                <Table.Th scope="col">{t('board.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {theme.contributors.map((c) => (
                <Table.Tr key={`${c.proposalId}-${c.unitId}`}>
                  <Table.Td>{c.unitName}</Table.Td>
                  <Table.Td>{c.lead ? t('board.lead') : t('board.collaborator')}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/usulan/${c.proposalId}`} size="sm">
                      {titles.get(c.proposalId) ?? ''}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={Math.min(100, Math.max(0, c.share))}
                        w={100}
                        aria-label={`${t('board.share')} ${c.unitName}`}
                      />
                      <Text size="sm">{formatShare(c.share)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ProposalStatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}

/** Which units contribute to each mission and theme, and with what share. */
export function CoverageCard({
  coverage,
  titles,
}: {
  coverage: Board['coverage'];
  /** Proposal titles by id (the contributors name their proposal by id). */
  titles: ReadonlyMap<string, string>;
}) {
  const t = useT();
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('board.coverage')}
      </Title>
      {coverage.length === 0 ? <Text>{t('board.noMissions')}</Text> : null}
      <Stack>
        {coverage.map((m) => (
          <Box key={m.missionId} data-testid="coverage-mission">
            <Group justify="space-between" mb="xs" gap="xs" align="flex-start">
              <Title order={3} size="h4">
                {t('board.missionN', { n: m.missionNumber })}
                <Text span fw={400} inherit>
                  {`: ${m.missionName}`}
                </Text>
              </Title>
              <Badge variant="light" color={m.proposalCount ? 'teal' : 'red'} tt="none">
                {t('board.proposalCount', { n: m.proposalCount })}
              </Badge>
            </Group>
            {m.themes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('board.noThemes')}
              </Text>
            ) : (
              <Stack gap="xs">
                {m.themes.map((th) => (
                  <ThemeCoverage key={th.themeId} theme={th} titles={titles} />
                ))}
              </Stack>
            )}
          </Box>
        ))}
      </Stack>
    </Card>
  );
}
