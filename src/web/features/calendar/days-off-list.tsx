import { useState } from 'react';
import {
  Badge,
  Button,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
  type MantineColor,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { calendarEntryKinds, type CalendarEntryKind } from '../../../contract/calendar';
import { useApiErrorHandler } from '../../app/forms';
import { useLocale, useT, type Translate } from '../../app/i18n';
import { ConfirmModal } from '../../components/confirm-modal';
import { FilterSelect } from '../../components/filter-select';
import { SearchInput } from '../../components/search-input';
import { TablePagination } from '../../components/table-pagination';
import { TableScroll } from '../../components/table-scroll';
import { useRemoveCalendarEntry } from './calendar-api';
import { formatDay, type DayEntry, type DayKind } from './calendar-format';
import { kindLabel } from './calendar-grid';

const PAGE_SIZE = 10;

const kindColors: Record<DayKind, MantineColor> = {
  holiday: 'red',
  fixed_holiday: 'red',
  collective_leave: 'orange',
  regional_holiday: 'violet',
  removed: 'green',
};

// Long kinds ("Hari kerja pengganti (tetap masuk)") wrap instead of being cut off.
const badgeStyles = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const;

/** The kinds of the filter; national holidays include the fixed-date ones of an undecreed year. */
const filterKinds = ['holiday', 'collective_leave', 'regional_holiday', 'removed'] as const;
const matchesKind = (e: DayEntry, kind: string) =>
  !kind || e.kind === kind || (kind === 'holiday' && e.kind === 'fixed_holiday');

export function KindBadge({ kind }: { kind: DayKind }) {
  const t = useT();
  return (
    <Badge variant="light" color={kindColors[kind]} tt="none" styles={badgeStyles}>
      {kindLabel(t, kind)}
    </Badge>
  );
}

const sourceLabel = (t: Translate, e: DayEntry) =>
  e.source === 'region'
    ? t('cal.source.region')
    : e.kind === 'fixed_holiday'
      ? t('cal.source.fixed')
      : t('cal.source.national');

/** What the remove route needs: entries the region made carry one of the contract's kinds. */
const removableKind = (e: DayEntry): CalendarEntryKind | null =>
  e.source === 'region' && (calendarEntryKinds as readonly string[]).includes(e.kind)
    ? (e.kind as CalendarEntryKind)
    : null;

/**
 * The days off of the year (and the days the region works after all), searchable by name or date and
 * filtered by kind, ten a page; the region's own entries can be deleted after a confirmation.
 */
export function DaysOffList({
  year,
  entries,
  filter,
  onFilter,
}: {
  year: number;
  entries: DayEntry[];
  filter: { q: string; kind: string; page: number };
  onFilter: (patch: { q?: string; kind?: string; page?: number }) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const remove = useRemoveCalendarEntry();
  const onError = useApiErrorHandler();
  const [removing, setRemoving] = useState<DayEntry | null>(null);

  const q = filter.q.toLowerCase();
  const shown = entries.filter(
    (e) =>
      matchesKind(e, filter.kind) &&
      (!q ||
        e.name.toLowerCase().includes(q) ||
        e.date.includes(q) ||
        formatDay(e.date, locale, 'long').toLowerCase().includes(q) ||
        formatDay(e.date, locale).toLowerCase().includes(q)),
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const rows = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const confirmRemove = () => {
    const e = removing;
    const kind = e && removableKind(e);
    if (!e || !kind) return;
    remove.mutate(
      { date: e.date, kind },
      {
        onSuccess: (y) => {
          notifications.show({
            color: 'green',
            message: t('cal.removed', { date: formatDay(e.date, locale), year: y.year, n: y.workingDays }),
          });
          setRemoving(null);
        },
        onError: (err) => {
          onError(err);
          setRemoving(null);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="days-off-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="days-off-title">
          {t('cal.list', { year })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SearchInput
            label={t('cal.listSearch')}
            value={filter.q}
            onSearch={(v) => onFilter({ q: v })}
            data-testid="days-off-search"
          />
          <FilterSelect
            label={t('cal.listKind')}
            data={filterKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
            value={filter.kind}
            onChange={(kind) => onFilter({ kind })}
            data-testid="days-off-kind"
          />
        </SimpleGrid>
        <TableScroll label={t('cal.list', { year })} minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="days-off-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cal.col.date')}</Table.Th>
                <Table.Th scope="col">{t('cal.col.name')}</Table.Th>
                <Table.Th scope="col">{t('cal.col.kind')}</Table.Th>
                <Table.Th scope="col">{t('cal.col.source')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm">{t('common.noData')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((e) => (
                  <Table.Tr key={`${e.date}/${e.kind}`} data-date={e.date}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(e.date, locale)}</Table.Td>
                    <Table.Td>{e.name}</Table.Td>
                    <Table.Td>
                      <KindBadge kind={e.kind} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{sourceLabel(t, e)}</Table.Td>
                    {/* Positioned, so the visually hidden text stays inside the scrolling table. */}
                    <Table.Td pos="relative">
                      {removableKind(e) ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(e)}
                          aria-label={t('cal.removeLabel', {
                            name: e.name,
                            date: formatDay(e.date, locale),
                          })}
                        >
                          {t('cal.remove')}
                        </Button>
                      ) : (
                        <Text size="sm" c="dimmed" title={t('cal.nationalLocked')}>
                          {t('common.none')}
                          <VisuallyHidden>{t('cal.nationalLocked')}</VisuallyHidden>
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
        <TablePagination
          page={page}
          pageSize={PAGE_SIZE}
          total={shown.length}
          onChange={(p) => onFilter({ page: p })}
        />
      </Stack>

      <ConfirmModal
        opened={removing !== null}
        title={t('cal.removeTitle')}
        message={
          removing
            ? t('cal.removeText', {
                name: removing.name,
                kind: kindLabel(t, removing.kind),
                date: formatDay(removing.date, locale, 'long'),
                year,
              })
            : ''
        }
        confirmLabel={t('cal.remove')}
        danger
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
