import { Group, Switch } from '@mantine/core';
import { can, hasRole } from '../../app/permissions';
import { useMe } from '../../app/session';
import { FilterCard } from '../../components/filter-card';
import { FilterSelect } from '../../components/filter-select';
import { SearchInput } from '../../components/search-input';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { useRuleOptions, type CaseFilter } from './discipline-api';
import { usePeriodOptions, useRegionToday } from './discipline-format';

const defaults = { q: '', status: '', aturan: '', unit: '', periode: '', milik: '' };

/** The filters of a case list, kept in the URL (Indonesian parameter names, as users share them). */
export function useCaseFilter(): [CaseFilter, (patch: Partial<typeof defaults> & { page?: number }) => void] {
  const [p, set] = useListParams(defaults);
  return [
    {
      page: p.page,
      q: p.q,
      state: p.status,
      ruleCode: p.aturan,
      workUnitId: p.unit,
      periodKey: p.periode,
      mine: p.milik === 'ya',
    },
    set,
  ];
}

/**
 * Who reads more than their own cases (the server scopes: HR, the inspectorate, the head of region and
 * the admin read all, an OPD head their unit): they get the "only mine" switch and the unit filter.
 */
export function useReadsOthers() {
  const me = useMe();
  return {
    others: hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier', 'opd_head'),
    regionWide: hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier'),
    rules: can.readRules(me),
  };
}

/** Search, state, rule, unit and period of the sanction or reward list, and "only mine". */
export function CaseFilters({
  kind,
  states,
  filter,
  setFilter,
}: {
  kind: 'sanction' | 'reward';
  states: { value: string; label: string }[];
  filter: CaseFilter;
  setFilter: ReturnType<typeof useCaseFilter>[1];
}) {
  const reads = useReadsOthers();
  const today = useRegionToday();
  const periods = usePeriodOptions(today);
  const rules = useRuleOptions(kind, reads.rules);
  const prefix = kind === 'sanction' ? 'sanction' : 'reward';
  return (
    <FilterCard
      cols={{ base: 1, sm: 2, lg: reads.regionWide ? 5 : 3 }}
      footer={
        reads.others ? (
          <Group mt="md">
            <Switch
              label="Hanya milik saya"
              description={
                kind === 'sanction'
                  ? 'Sanksi atas diri Anda (atau atas unit yang Anda pimpin)'
                  : 'Penghargaan untuk Anda (atau untuk unit yang Anda pimpin)'
              }
              checked={filter.mine}
              onChange={(e) => setFilter({ milik: e.currentTarget.checked ? 'ya' : '' })}
              data-testid={`${prefix}-mine`}
            />
          </Group>
        ) : null
      }
    >
      <SearchInput
        label="Cari nama atau NIP"
        placeholder="Nama atau NIP"
        value={filter.q}
        onSearch={(q) => setFilter({ q })}
        data-testid={`${prefix}-search`}
      />
      <FilterSelect
        label="Status"
        data={states}
        value={filter.state}
        onChange={(status) => setFilter({ status })}
        data-testid={`${prefix}-state-filter`}
      />
      {reads.rules ? (
        <FilterSelect
          label="Aturan"
          searchable
          data={rules.data ?? []}
          value={filter.ruleCode}
          onChange={(aturan) => setFilter({ aturan })}
          nothingFoundMessage="Tidak ada aturan"
          data-testid={`${prefix}-rule-filter`}
        />
      ) : null}
      {reads.regionWide ? (
        <WorkUnitSelect
          label="Perangkat daerah"
          placeholder="Semua"
          includeInactive
          value={filter.workUnitId || null}
          onChange={(id) => setFilter({ unit: id ?? '' })}
          data-testid={`${prefix}-unit-filter`}
        />
      ) : null}
      <FilterSelect
        label="Periode evaluasi"
        searchable
        data={periods}
        value={filter.periodKey}
        onChange={(periode) => setFilter({ periode })}
        data-testid={`${prefix}-period-filter`}
      />
    </FilterCard>
  );
}
