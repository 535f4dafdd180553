import { useMemo, useState } from 'react';
import { BarChart } from '@mantine/charts';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { CycleDto, Theme } from '../../../contract/cycles';
import { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { can, hasRole } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import {
  formatRupiah,
  formatRupiahCompact,
  PhaseBadge,
  phaseLabel,
  polarityLabel,
  type CurrentPhase,
} from '../../components/cycle-format';
import { CycleModal } from './cycle-modal';
import { useCycle, useMissionOptions } from '../../components/cycle-queries';
import { useDeleteTheme } from './cycles-api';
import { ExtensionModal } from './extension-modal';
import { RevokeExtensionModal } from './revoke-extension-modal';
import { RubricTable } from './rubric-table';
import { ThemeModal } from './theme-modal';

type Dialog =
  | { type: 'edit' }
  | { type: 'rubric' }
  | { type: 'theme'; theme: Theme | null }
  | { type: 'deleteTheme'; theme: Theme }
  | { type: 'extension' }
  | { type: 'revokeExtension'; extension: CycleDto['extensions'][number] };

/** The phases a cycle goes through, in order; `not_started` comes before the first. */
const timelinePhases = [
  'drafting',
  'waiting_sessions',
  'sessions',
  'negotiation',
  'signing',
  'monitoring',
] as const satisfies readonly CurrentPhase[];

function PhaseTimeline({ cycle }: { cycle: CycleDto }) {
  const t = useT();
  const f = useFormat();
  const p = cycle.phases;
  const active = timelinePhases.indexOf(cycle.currentPhase as (typeof timelinePhases)[number]);
  const detail: Record<(typeof timelinePhases)[number], string> = {
    drafting: t('cycle.tl.drafting', { start: f.date(p.draftingStart), end: f.date(p.submissionDeadline) }),
    waiting_sessions: t('cycle.tl.waiting', { date: f.date(p.sessionsStart) }),
    sessions: t('cycle.tl.sessions', { start: f.date(p.sessionsStart), end: f.date(p.sessionsEnd) }),
    negotiation: t('cycle.tl.negotiation', { date: f.date(p.negotiationDeadline) }),
    signing: t('cycle.tl.signing', { date: f.date(p.signingDeadline) }),
    monitoring: t('cycle.tl.monitoring', { date: f.date(p.signingDeadline) }),
  };
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('cycle.timeline')}
      </Title>
      {cycle.currentPhase === 'not_started' ? (
        <Text size="sm" mb="sm">
          {t('cycle.notStarted', { date: f.date(p.draftingStart) })}
        </Text>
      ) : null}
      <Timeline active={active} bulletSize={18} lineWidth={2} role="list" data-testid="phase-timeline">
        {timelinePhases.map((phase, i) => {
          const current = i === active;
          return (
            <Timeline.Item
              key={phase}
              role="listitem"
              aria-current={current ? 'step' : undefined}
              data-current={current || undefined}
              title={
                <Group gap="xs">
                  <Text fw={current ? 700 : 500} size="sm">
                    {phaseLabel(t, phase)}
                  </Text>
                  {current ? (
                    <Badge size="sm" variant="filled" tt="none">
                      {t('cycle.now')}
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              <Text size="sm" c={current ? undefined : 'dimmed'}>
                {detail[phase]}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}

function CeilingsCard({ cycle }: { cycle: CycleDto }) {
  const t = useT();
  const rows = useMemo(() => [...cycle.budgetCeilings].sort((a, b) => a.year - b.year), [cycle]);
  const total = rows.reduce((s, r) => s + r.amount, 0);
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('cycle.ceilings')}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('cycle.noCeilings')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <TableScroll label={t('cycle.ceilings')} minWidth={300}>
            <Table striped verticalSpacing="xs" data-testid="ceilings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cycle.ceilingYear')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('cycle.ceilingAmount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.year}>
                    <Table.Td>{r.year}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatRupiah(r.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('cycle.ceilingTotal')}</Table.Th>
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TableScroll>
          {/* The table above carries the same figures for screen readers. */}
          <Box aria-hidden data-testid="ceilings-chart">
            <Text size="sm" fw={500} mb={4}>
              {t('cycle.ceilingChart')}
            </Text>
            <BarChart
              h={220}
              data={rows.map((r) => ({ year: String(r.year), amount: r.amount }))}
              dataKey="year"
              series={[{ name: 'amount', label: t('cycle.ceilingAmount'), color: 'blue.8' }]}
              valueFormatter={formatRupiah}
              yAxisProps={{ width: 80, tickFormatter: (v: number) => formatRupiahCompact(v) }}
              accessibilityLayer={false}
              gridAxis="y"
            />
          </Box>
        </SimpleGrid>
      )}
    </Card>
  );
}

function ThemesCard({
  cycle,
  mayManage,
  onAdd,
  onEdit,
  onDelete,
}: {
  cycle: CycleDto;
  mayManage: boolean;
  onAdd: () => void;
  onEdit: (theme: Theme) => void;
  onDelete: (theme: Theme) => void;
}) {
  const t = useT();
  const missions = useMissionOptions();
  const titles = new Map((missions.data ?? []).map((m) => [m.id, m.title]));
  // Themes come sorted by mission number, then name.
  const groups: { number: number; missionId: string; themes: Theme[] }[] = [];
  for (const th of cycle.themes) {
    const last = groups[groups.length - 1];
    if (last && last.number === th.missionNumber) last.themes.push(th);
    else groups.push({ number: th.missionNumber, missionId: th.missionId, themes: [th] });
  }
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t('cycle.themes')}
        </Title>
        {mayManage ? (
          <Button onClick={onAdd} data-testid="theme-create">
            {t('cycle.themeAdd')}
          </Button>
        ) : null}
      </Group>
      {groups.length === 0 ? <Text>{t('cycle.noThemes')}</Text> : null}
      <Stack>
        {groups.map((g) => (
          <Box key={g.number} data-testid="theme-group">
            <Title order={3} size="h4" mb="xs">
              {t('cycle.missionN', { n: g.number })}
              {titles.get(g.missionId) ? (
                <Text span fw={400} inherit>
                  {`: ${titles.get(g.missionId)}`}
                </Text>
              ) : null}
            </Title>
            <Stack gap="xs">
              {g.themes.map((th) => (
                <Paper key={th.id} withBorder p="sm" radius="sm" data-testid="theme">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Box miw={0}>
                      <Title order={4} size="h5">
                        {th.name}
                      </Title>
                      {th.description ? <Text size="sm">{th.description}</Text> : null}
                      <Text size="sm" mt={4}>
                        <Text span size="sm" c="dimmed">
                          {t('cycle.outcome')}:
                        </Text>{' '}
                        {th.outcomeIndicatorName} ({th.outcomeIndicatorUnit})
                      </Text>
                      <Badge variant="light" color="gray" tt="none" mt={4}>
                        {polarityLabel(t, th.outcomePolarity)}
                      </Badge>
                    </Box>
                    {mayManage ? (
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('cycle.themeEdit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t('cycle.themeEdit')} ${th.name}`}
                            onClick={() => onEdit(th)}
                          >
                            <span aria-hidden>✎</span>
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('cycle.themeDelete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('cycle.themeDelete')} ${th.name}`}
                            onClick={() => onDelete(th)}
                          >
                            <span aria-hidden>✕</span>
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    ) : null}
                  </Group>
                </Paper>
              ))}
            </Stack>
          </Box>
        ))}
      </Stack>
    </Card>
  );
}

function ExtensionsCard({
  cycle,
  mayManage,
  onAdd,
  onRevoke,
}: {
  cycle: CycleDto;
  mayManage: boolean;
  onAdd: () => void;
  onRevoke: (extension: CycleDto['extensions'][number]) => void;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t('cycle.extensions')}
        </Title>
        {mayManage ? (
          <Button onClick={onAdd} variant="light" data-testid="extension-create">
            {t('cycle.extend')}
          </Button>
        ) : null}
      </Group>
      {cycle.extensions.length === 0 ? (
        <Text>{t('cycle.noExtensions')}</Text>
      ) : (
        <TableScroll label={t('cycle.extensions')} minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="extensions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cycle.extUnit')}</Table.Th>
                <Table.Th scope="col">{t('cycle.extDeadline')}</Table.Th>
                <Table.Th scope="col">{t('cycle.extReason')}</Table.Th>
                <Table.Th scope="col">{t('cycle.extWhen')}</Table.Th>
                {mayManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycle.extensions.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.workUnitName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(e.deadline)}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(e.createdAt)}</Table.Td>
                  {mayManage ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onRevoke(e)}
                        aria-label={t('cycle.extRevokeFor', { unit: e.workUnitName })}
                      >
                        {t('cycle.extRevoke')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}

export function CycleDetailPage() {
  const t = useT();
  const me = useMe();
  const { id = '' } = useParams();
  const cycle = useCycle(id);
  const del = useDeleteTheme();
  const mayManage = can.manageCycles(me);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const feedback = useMutationFeedback(close);

  const back = (
    <Anchor component={Link} to="/siklus" size="sm">
      ← {t('common.back')}
    </Anchor>
  );

  if (cycle.isPending) return <PageLoader />;
  if (cycle.isError) {
    const notFound =
      cycle.error instanceof ApiError &&
      (cycle.error.code === 'NOT_FOUND' || cycle.error.code === 'VALIDATION_FAILED');
    return (
      <Stack>
        {back}
        <PageHeader title={t('cycle.detailTitle')} />
        {notFound ? (
          <Text>{t('cycle.notFound')}</Text>
        ) : (
          <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} />
        )}
      </Stack>
    );
  }
  const c = cycle.data;

  return (
    <Stack>
      {back}
      <div>
        <PageHeader
          title={c.name}
          description={t('cycle.term', { start: c.startYear, end: c.endYear })}
          actions={
            <>
              {hasRole(me, 'region_admin', 'head_of_region') ? (
                <Button
                  component={Link}
                  to={`/siklus/${c.id}/papan`}
                  variant="light"
                  data-testid="cycle-board"
                >
                  {t('board.open')}
                </Button>
              ) : null}
              {mayManage ? (
                <Button onClick={() => setDialog({ type: 'edit' })} data-testid="cycle-edit">
                  {t('cycle.edit')}
                </Button>
              ) : null}
            </>
          }
        />
        <Group gap="xs" mt={-8}>
          <Text size="sm" c="dimmed">
            {t('cycle.phase')}:
          </Text>
          <PhaseBadge phase={c.currentPhase} size="lg" />
        </Group>
      </div>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <PhaseTimeline cycle={c} />
        <Card withBorder radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3">
              {t('cycle.rubric')}
            </Title>
            {mayManage ? (
              <Button variant="light" onClick={() => setDialog({ type: 'rubric' })} data-testid="rubric-edit">
                {t('cycle.rubricEdit')}
              </Button>
            ) : null}
          </Group>
          <RubricTable rubric={c.rubric} label={t('cycle.rubric')} testId="rubric-table" />
        </Card>
      </SimpleGrid>

      <CeilingsCard cycle={c} />

      <ThemesCard
        cycle={c}
        mayManage={mayManage}
        onAdd={() => setDialog({ type: 'theme', theme: null })}
        onEdit={(theme) => setDialog({ type: 'theme', theme })}
        onDelete={(theme) => setDialog({ type: 'deleteTheme', theme })}
      />

      <ExtensionsCard
        cycle={c}
        mayManage={mayManage}
        onAdd={() => setDialog({ type: 'extension' })}
        onRevoke={(extension) => setDialog({ type: 'revokeExtension', extension })}
      />

      {mayManage ? (
        <>
          <CycleModal
            opened={dialog?.type === 'edit' || dialog?.type === 'rubric'}
            cycle={c}
            only={dialog?.type === 'rubric' ? 'rubric' : undefined}
            onClose={close}
            onReload={() => cycle.refetch().then((r) => r.data)}
          />
          {dialog?.type === 'theme' ? (
            <ThemeModal cycleId={c.id} theme={dialog.theme} onClose={close} />
          ) : null}
          {dialog?.type === 'extension' ? <ExtensionModal cycle={c} onClose={close} /> : null}
          {dialog?.type === 'revokeExtension' ? (
            <RevokeExtensionModal cycle={c} extension={dialog.extension} onClose={close} />
          ) : null}
          <ConfirmModal
            opened={dialog?.type === 'deleteTheme'}
            title={t('cycle.themeDelete')}
            message={
              dialog?.type === 'deleteTheme' ? t('cycle.themeConfirmDelete', { name: dialog.theme.name }) : ''
            }
            confirmLabel={t('common.delete')}
            danger
            loading={del.isPending}
            onClose={close}
            onConfirm={() => {
              if (dialog?.type !== 'deleteTheme') return;
              del.mutate(
                { id: dialog.theme.id, version: dialog.theme.version },
                feedback(t('common.deleted')),
              );
            }}
          />
        </>
      ) : null}
    </Stack>
  );
}
