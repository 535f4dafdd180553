import { Anchor, Button, Stack, Table } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { CivilServant } from '../../../contract/civil-servants';
import { employmentTypes } from '../../../contract/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useMe } from '../../app/session';
import { ActiveBadge } from '../../components/active-badge';
import { FilterCard } from '../../components/filter-card';
import type { ActiveFilter } from '../../components/filter-options';
import { ActiveFilterSelect, FilterSelect, SortSelect } from '../../components/filter-select';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { useCivilServants } from './civil-servants-api';
import { formatNip } from './nip-parts';

const PAGE_SIZE = 20;

export function CivilServantsPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useListParams({
    q: '',
    workUnitId: '',
    employmentType: '',
    active: 'true',
    sort: 'name',
  });
  const list = useCivilServants({
    page: params.page,
    pageSize: PAGE_SIZE,
    q: params.q || undefined,
    workUnitId: params.workUnitId || undefined,
    employmentType: (params.employmentType || undefined) as CivilServant['employmentType'] | undefined,
    active: params.active as ActiveFilter,
    sort: params.sort as 'name' | 'nip' | 'workUnit',
  });

  return (
    <Stack>
      <PageHeader
        title={t('asn.title')}
        actions={
          can.writeCivilServants(me) ? (
            <Button component={Link} to="/asn/baru" data-testid="create-civil-servant">
              {t('asn.create')}
            </Button>
          ) : null
        }
      />
      <FilterCard cols={{ base: 1, sm: 2, lg: 5 }}>
        <SearchInput
          label={t('asn.search')}
          value={params.q}
          onSearch={(q) => setParams({ q })}
          data-testid="asn-search"
        />
        <WorkUnitSelect
          label={t('asn.unitFilter')}
          placeholder={t('common.all')}
          includeInactive
          value={params.workUnitId || null}
          onChange={(v) => setParams({ workUnitId: v ?? '' })}
        />
        <FilterSelect
          label={t('asn.typeFilter')}
          data={employmentTypes.map((e) => ({ value: e, label: e }))}
          value={params.employmentType}
          onChange={(employmentType) => setParams({ employmentType })}
        />
        <ActiveFilterSelect
          label={t('asn.activeFilter')}
          value={params.active}
          onChange={(active) => setParams({ active })}
        />
        <SortSelect
          data={[
            { value: 'name', label: t('asn.sortName') },
            { value: 'nip', label: t('asn.sortNip') },
            { value: 'workUnit', label: t('asn.sortUnit') },
          ]}
          value={params.sort}
          onChange={(sort) => setParams({ sort })}
        />
      </FilterCard>

      <PagedTable
        query={list}
        label={t('asn.title')}
        minWidth={800}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="civil-servants-table"
        head={
          <>
            <Table.Th scope="col">{t('asn.name')}</Table.Th>
            <Table.Th scope="col">{t('asn.nip')}</Table.Th>
            <Table.Th scope="col">{t('asn.position')}</Table.Th>
            <Table.Th scope="col">{t('asn.workUnit')}</Table.Th>
            <Table.Th scope="col">{t('asn.employmentType')}</Table.Th>
            <Table.Th scope="col">{t('common.status')}</Table.Th>
          </>
        }
        columns={6}
        row={(c) => (
          <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/asn/${c.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/asn/${c.id}`} onClick={(e) => e.stopPropagation()} fw={500}>
                {c.name}
              </Anchor>
            </Table.Td>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {formatNip(c.nip)}
            </Table.Td>
            <Table.Td>{c.position ?? t('common.none')}</Table.Td>
            <Table.Td>{c.workUnitName}</Table.Td>
            <Table.Td>{c.employmentType}</Table.Td>
            <Table.Td>
              <ActiveBadge active={c.active} />
            </Table.Td>
          </Table.Tr>
        )}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
      />
    </Stack>
  );
}
