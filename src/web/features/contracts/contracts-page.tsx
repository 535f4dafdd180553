import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { useCycles } from '../../components/cycle-queries';
import { FilterCard } from '../../components/filter-card';
import { FilterSelect } from '../../components/filter-select';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { useContracts } from './contracts-api';

const PAGE_SIZE = 20;

export function ContractsPage() {
  const t = useT();
  const f = useFormat();
  const cycles = useCycles();
  const [params, setParams] = useListParams({ q: '', cycleId: '', workUnitId: '' });
  const list = useContracts({
    page: params.page,
    pageSize: PAGE_SIZE,
    q: params.q || undefined,
    cycleId: params.cycleId || undefined,
    workUnitId: params.workUnitId || undefined,
  });

  return (
    <Stack>
      <PageHeader title={t('contract.title')} description={t('contract.intro')} />
      <FilterCard cols={{ base: 1, sm: 3 }}>
        <SearchInput label={t('contract.search')} value={params.q} onSearch={(q) => setParams({ q })} />
        <FilterSelect
          label={t('contract.cycle')}
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={params.cycleId}
          onChange={(cycleId) => setParams({ cycleId })}
        />
        <WorkUnitSelect
          label={t('contract.unit')}
          placeholder={t('common.all')}
          includeInactive
          value={params.workUnitId || null}
          onChange={(v) => setParams({ workUnitId: v ?? '' })}
        />
      </FilterCard>

      <PagedTable
        query={list}
        label={t('contract.title')}
        minWidth={860}
        striped
        highlightOnHover
        verticalSpacing="sm"
        data-testid="contracts-table"
        head={
          <>
            <Table.Th scope="col">{t('contract.pactNumber')}</Table.Th>
            <Table.Th scope="col">{t('contract.program')}</Table.Th>
            <Table.Th scope="col">{t('contract.unit')}</Table.Th>
            <Table.Th scope="col">{t('contract.version')}</Table.Th>
            <Table.Th scope="col">{t('contract.signedAt')}</Table.Th>
            <Table.Th scope="col">{t('contract.amendment')}</Table.Th>
          </>
        }
        columns={6}
        row={(c) => (
          <Table.Tr key={c.id}>
            <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {c.pactNumber}
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/kontrak/${c.id}`} fw={500}>
                {c.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {c.cycleName}
              </Text>
            </Table.Td>
            <Table.Td>{c.workUnitName}</Table.Td>
            <Table.Td>{t('contract.versionN', { v: c.currentVersion })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(c.signedAt)}</Table.Td>
            <Table.Td>
              {c.openAmendment ? (
                <Badge variant="light" color="orange" tt="none">
                  {t('contract.openAmendment')}
                </Badge>
              ) : (
                t('common.none')
              )}
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
