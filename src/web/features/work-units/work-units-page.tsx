import { useState } from 'react';
import { Button, Group, Stack, Table } from '@mantine/core';
import { workUnitKinds } from '../../../contract/common';
import type { WorkUnit } from '../../../contract/work-units';
import { useT, type MessageKey } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { ActiveBadge } from '../../components/active-badge';
import { FilterCard } from '../../components/filter-card';
import type { ActiveFilter } from '../../components/filter-options';
import { ActiveFilterSelect, FilterSelect, SortSelect } from '../../components/filter-select';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { SetActiveConfirm } from '../../components/set-active-confirm';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitModal } from './work-unit-modal';
import { useSetWorkUnitActive, useWorkUnits } from './work-units-api';

const PAGE_SIZE = 20;
type Sort = 'code' | 'name' | 'kind';

export function WorkUnitsPage() {
  const t = useT();
  const f = useFormat();
  const me = useMe();
  const mayWrite = can.writeWorkUnits(me);
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
      <FilterCard cols={{ base: 1, sm: 2, lg: 4 }}>
        <SearchInput label={t('wu.search')} value={params.q} onSearch={(q) => setParams({ q })} />
        <FilterSelect
          label={t('wu.kindFilter')}
          data={workUnitKinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          value={params.kind}
          onChange={(kind) => setParams({ kind })}
        />
        <ActiveFilterSelect
          label={t('wu.activeFilter')}
          value={params.active}
          onChange={(active) => setParams({ active })}
        />
        <SortSelect
          data={[
            { value: 'code', label: t('wu.sortCode') },
            { value: 'name', label: t('wu.sortName') },
            { value: 'kind', label: t('wu.sortKind') },
          ]}
          value={params.sort}
          onChange={(sort) => setParams({ sort })}
        />
      </FilterCard>

      <PagedTable
        query={list}
        label={t('wu.title')}
        minWidth={760}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="work-units-table"
        head={
          <>
            <Table.Th scope="col">{t('wu.code')}</Table.Th>
            <Table.Th scope="col">{t('wu.name')}</Table.Th>
            <Table.Th scope="col">{t('wu.kind')}</Table.Th>
            <Table.Th scope="col">{t('wu.head')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('wu.asnCount')}
            </Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
            {mayWrite ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </>
        }
        columns={mayWrite ? 7 : 6}
        row={(u) => (
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
        )}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
      />

      <WorkUnitModal
        opened={editing !== null}
        unit={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <SetActiveConfirm
        target={toggling}
        mutation={setActive}
        message={(u) => t(u.active ? 'wu.confirmDeactivate' : 'wu.confirmActivate', { name: u.name })}
        done={(active) => (active ? t('wu.activated') : t('wu.deactivated'))}
        onClose={() => setToggling(null)}
      />
    </Stack>
  );
}
