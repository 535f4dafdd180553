import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  type MantineColor,
} from '@mantine/core';
import { Link } from 'react-router';
import type { Realization } from '../../../contract/monitoring';
import { useT, type MessageKey } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { FilterCard } from '../../components/filter-card';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TablePagination } from '../../components/table-pagination';
import { TableScroll } from '../../components/table-scroll';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { realizationPath, useTodo } from './monitoring-api';
import { formatTarget, formatValue, PeriodStateBadge, StateNote, usePeriodLabel } from './monitoring-format';
import { PeriodClosureCard } from './period-closure-card';
import { CardList, RealizationCard, usePhone } from './realization-card';

const PAGE_SIZE = 25;

type Counts = { overdue: number; returned: number; due: number; submitted: number };

const counters: { key: keyof Counts; label: MessageKey; color: MantineColor }[] = [
  { key: 'overdue', label: 'monev.count.overdue', color: 'red' },
  { key: 'returned', label: 'monev.count.returned', color: 'grape' },
  { key: 'due', label: 'monev.count.due', color: 'blue' },
  { key: 'submitted', label: 'monev.count.submitted', color: 'cyan' },
];

function Counters({ counts }: { counts: Counts }) {
  const t = useT();
  const f = useFormat();
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 4 }}
      spacing="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {counters.map((c) => (
        <Paper
          component="li"
          key={c.key}
          withBorder
          radius="md"
          p="sm"
          bg={`var(--mantine-color-${c.color}-light)`}
          style={{ borderLeft: `6px solid var(--mantine-color-${c.color}-filled)` }}
          data-testid={`count-${c.key}`}
        >
          <Text fz={28} fw={700} lh={1.1}>
            {f.number(counts[c.key])}
          </Text>
          <Text size="sm" fw={500}>
            {t(c.label)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** What the row's link does for this user: enter, fix, check or just look. */
function actionLabel(r: Realization): MessageKey {
  if (r.can.edit && r.status === 'returned') return 'monev.action.fix';
  // The head's next step on a saved draft is to submit it.
  if (r.can.submit) return 'monev.action.submit';
  if (r.can.edit) return 'monev.action.enter';
  if (r.can.verify || r.can.return) return 'monev.action.check';
  return 'monev.action.view';
}

function TodoTable({
  items,
  page,
  onPage,
}: {
  items: Realization[];
  page: number;
  onPage: (p: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  const label = usePeriodLabel();
  const phone = usePhone();
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const pagination = (
    <TablePagination page={current} pageSize={PAGE_SIZE} total={items.length} onChange={onPage} />
  );
  if (phone)
    return (
      <div>
        {shown.length === 0 ? (
          <Paper withBorder radius="md" p="sm">
            <Text>{t('monev.todoEmpty')}</Text>
          </Paper>
        ) : (
          <CardList label={t('monev.todo')}>
            {shown.map((r) => (
              <RealizationCard
                key={`${r.contractId}|${r.indicatorKey}|${r.periodKey}`}
                realization={r}
                action={t(actionLabel(r))}
                testId="todo-card"
              />
            ))}
          </CardList>
        )}
        {pagination}
      </div>
    );
  return (
    <Paper withBorder radius="md" p="xs">
      <TableScroll label={t('monev.todo')} minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="todo-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monev.indicator')}</Table.Th>
              <Table.Th scope="col">{t('monev.period')}</Table.Th>
              <Table.Th scope="col">{t('monev.deadline')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('monev.valueVsTarget')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text>{t('monev.todoEmpty')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              shown.map((r) => (
                <Table.Tr key={`${r.contractId}|${r.indicatorKey}|${r.periodKey}`} data-testid="todo-row">
                  <Table.Td style={{ minWidth: 240 }}>
                    <Text fw={600} size="sm">
                      {r.indicatorName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.contractTitle} · {r.workUnitName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{label(r.periodKey)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.deadline)}</Table.Td>
                  <Table.Td style={{ minWidth: 170 }}>
                    <PeriodStateBadge realization={r} />
                    <StateNote realization={r} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatValue(f, r)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('monev.targetIs', { target: formatTarget(f, r) })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      component={Link}
                      to={realizationPath(r)}
                      size="sm"
                      aria-label={`${t(actionLabel(r))}: ${r.indicatorName}, ${label(r.periodKey)}`}
                    >
                      {t(actionLabel(r))}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {pagination}
    </Paper>
  );
}

export function MonevPage() {
  const t = useT();
  const me = useMe();
  const regionWide = can.monitorRegion(me);
  const [params, setParams] = useListParams({ workUnitId: '', all: '' });
  const todo = useTodo({
    workUnitId: (regionWide && params.workUnitId) || undefined,
    all: params.all === 'true' ? 'true' : undefined,
  });

  return (
    <Stack>
      <PageHeader
        title={t('monev.title')}
        description={t('monev.intro')}
        actions={
          can.verificationQueue(me) ? (
            <Button component={Link} to="/monev/verifikasi" variant="light">
              {t('monev.queue.title')}
            </Button>
          ) : undefined
        }
      />
      <FilterCard cols={{ base: 1, sm: 2 }}>
        {regionWide ? (
          <WorkUnitSelect
            label={t('monev.unit')}
            placeholder={t('common.all')}
            includeInactive
            value={params.workUnitId || null}
            onChange={(v) => setParams({ workUnitId: v ?? '' })}
          />
        ) : null}
        <Group align="flex-end" h="100%">
          <Switch
            label={t('monev.showAll')}
            description={t('monev.showAllHint')}
            checked={params.all === 'true'}
            onChange={(e) => setParams({ all: e.currentTarget.checked ? 'true' : '' })}
            data-testid="todo-all"
          />
        </Group>
      </FilterCard>

      {todo.data ? (
        <section aria-label={t('monev.counters')}>
          <Counters counts={todo.data.counts} />
        </section>
      ) : null}
      {can.closePeriods(me) ? <PeriodClosureCard /> : null}
      {todo.isPending ? (
        <PageLoader />
      ) : todo.isError ? (
        <QueryError error={todo.error} onRetry={() => void todo.refetch()} />
      ) : (
        <TodoTable items={todo.data.items} page={params.page} onPage={(page) => setParams({ page })} />
      )}
    </Stack>
  );
}
