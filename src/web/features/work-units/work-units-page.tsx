import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { workUnitKinds } from '../../../contract/common';
import type { WorkUnit } from '../../../contract/work-units';
import { useApiErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { ActiveBadge } from '../../components/active-badge';
import { ConfirmModal } from '../../components/confirm-modal';
import { activeFilterOptions, type ActiveFilter } from '../../components/filter-options';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { TablePagination } from '../../components/table-pagination';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitModal } from './work-unit-modal';
import { useSetWorkUnitActive, useWorkUnits } from './work-units-api';
import { TableScroll } from '../../components/table-scroll';

const PAGE_SIZE = 20;
type Sort = 'code' | 'name' | 'kind';

export function WorkUnitsPage() {
  const t = useT();
  const f = useFormat();
  const me = useMe();
  const mayWrite = can.writeWorkUnits(me);
  const onError = useApiErrorHandler();
  const [params, setParams] = useListParams({ q: '', kind: '', active: 'true', sort: 'code' });
  const list = useWorkUnits({
    page: params.page,
    pageSize: PAGE_SIZE,
    q: params.q || undefined,
    kind: (params.kind || undefined) as WorkUnit['kind'] | undefined,
    active: params.active as ActiveFilter,
    sort: params.sort as Sort,
  });
  const setActive = useSetWorkUnitActive();
  const [editing, setEditing] = useState<WorkUnit | null | 'new'>(null);
  const [toggling, setToggling] = useState<WorkUnit | null>(null);

  const kindLabel = (k: WorkUnit['kind']) => t(`unitKind.${k}` as MessageKey);

  return (
    <Stack>
      <PageHeader
        title={t('wu.title')}
        actions={
          mayWrite ? (
            <Button onClick={() => setEditing('new')} data-testid="create-work-unit">
              {t('wu.create')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <SearchInput label={t('wu.search')} value={params.q} onSearch={(q) => setParams({ q })} />
          <Select
            label={t('wu.kindFilter')}
            clearable
            placeholder={t('common.all')}
            data={workUnitKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            value={params.kind || null}
            onChange={(v) => setParams({ kind: v ?? '' })}
          />
          <Select
            label={t('wu.activeFilter')}
            allowDeselect={false}
            data={activeFilterOptions(t)}
            value={params.active}
            onChange={(v) => setParams({ active: v ?? 'true' })}
          />
          <Select
            label={t('common.sort')}
            allowDeselect={false}
            data={[
              { value: 'code', label: t('wu.sortCode') },
              { value: 'name', label: t('wu.sortName') },
              { value: 'kind', label: t('wu.sortKind') },
            ]}
            value={params.sort}
            onChange={(v) => setParams({ sort: v ?? 'code' })}
          />
        </SimpleGrid>
      </Paper>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Paper withBorder radius="md" p="xs">
          <TableScroll label={t('wu.title')} minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="work-units-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('wu.code')}</Table.Th>
                  <Table.Th scope="col">{t('wu.name')}</Table.Th>
                  <Table.Th scope="col">{t('wu.kind')}</Table.Th>
                  <Table.Th scope="col">{t('wu.head')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('wu.asnCount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                  {mayWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={mayWrite ? 7 : 6}>
                      <Text>{t('common.noData')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  list.data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.code}</Table.Td>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>{kindLabel(u.kind)}</Table.Td>
                      <Table.Td>{u.headName ?? t('common.none')}</Table.Td>
                      <Table.Td ta="right">{f.number(u.civilServantCount)}</Table.Td>
                      <Table.Td>
                        <ActiveBadge active={u.active} />
                      </Table.Td>
                      {mayWrite ? (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => setEditing(u)}
                              aria-label={`${t('common.edit')} ${u.name}`}
                            >
                              {t('common.edit')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color={u.active ? 'red' : undefined}
                              onClick={() => setToggling(u)}
                              aria-label={`${u.active ? t('common.deactivate') : t('common.activate')} ${u.name}`}
                            >
                              {u.active ? t('common.deactivate') : t('common.activate')}
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <TablePagination
            page={params.page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onChange={(page) => setParams({ page })}
          />
        </Paper>
      )}

      <WorkUnitModal
        opened={editing !== null}
        unit={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={toggling !== null}
        title={toggling?.active ? t('common.deactivate') : t('common.activate')}
        message={
          toggling
            ? t(toggling.active ? 'wu.confirmDeactivate' : 'wu.confirmActivate', { name: toggling.name })
            : ''
        }
        confirmLabel={toggling?.active ? t('common.deactivate') : t('common.activate')}
        danger={toggling?.active}
        loading={setActive.isPending}
        onClose={() => setToggling(null)}
        onConfirm={() => {
          if (!toggling) return;
          setActive.mutate(
            { id: toggling.id, version: toggling.version, active: !toggling.active },
            {
              onSuccess: (u) => {
                notifications.show({
                  color: 'green',
                  message: u.active ? t('wu.activated') : t('wu.deactivated'),
                });
                setToggling(null);
              },
              onError: (e) => onError(e),
            },
          );
        }}
      />
    </Stack>
  );
}
