import { useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { civilServantRoutes } from '../../contract/civil-servants';
import { call } from '../app/api';
import { useT } from '../app/i18n';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value?: string | null;
  onChange: (id: string | null) => void;
  /** Restrict the choice to the civil servants of one unit. */
  workUnitId?: string | null;
  /** Label of the current value (e.g. the unit head's name) before any search. */
  currentLabel?: string | null;
};

/**
 * A Select searching civil servants on the server (`/api/civil-servants?q=..`), for lists too long
 * to load at once.
 */
export function CivilServantSelect({ value, onChange, workUnitId, currentLabel, ...rest }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [selectedLabel, setSelectedLabel] = useState<string | null>(currentLabel ?? null);
  // Mantine puts the chosen label into the search box; do not search for it.
  const term = search === selectedLabel ? '' : search;
  const [debounced] = useDebouncedValue(term, 300);
  const q = useQuery({
    queryKey: ['civil-servants', 'options', workUnitId ?? null, debounced],
    queryFn: () =>
      call(civilServantRoutes.list, {
        query: {
          q: debounced || undefined,
          workUnitId: workUnitId ?? undefined,
          pageSize: 20,
          active: 'true',
          sort: 'name',
        },
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const data = useMemo(() => {
    const opts = (q.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} — ${c.nip}` }));
    if (value && selectedLabel && !opts.some((o) => o.value === value))
      opts.unshift({ value, label: selectedLabel });
    return opts;
  }, [q.data, value, selectedLabel]);
  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      data={data}
      value={value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={q.isFetching ? t('app.loading') : t('common.noData')}
      onChange={(v, option) => {
        setSelectedLabel(option?.label ?? null);
        onChange(v);
      }}
      {...rest}
    />
  );
}
