import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { workUnitRoutes } from '../../contract/work-units';
import { call } from '../app/api';
import { useT } from '../app/i18n';

export const workUnitOptionsKey = ['work-units', 'options'] as const;

/** All active work units of the region as Select options (a region has at most a few hundred). */
export function useWorkUnitOptions(enabled = true) {
  return useQuery({
    queryKey: workUnitOptionsKey,
    queryFn: () => call(workUnitRoutes.list, { query: { pageSize: 200, active: 'all', sort: 'name' } }),
    staleTime: 60_000,
    enabled,
    select: (page) =>
      page.items.map((u) => ({ value: u.id, label: `${u.name} (${u.code})`, active: u.active })),
  });
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value?: string | null;
  onChange: (id: string | null) => void;
  /** Also offer inactive units (filters); forms offer active units only. */
  includeInactive?: boolean;
  /** Label of the current value, shown while the options load or when it is not among them. */
  currentLabel?: string | null;
};

/** A searchable Select of the region's work units. */
export function WorkUnitSelect({ value, onChange, includeInactive, currentLabel, ...rest }: Props) {
  const t = useT();
  const q = useWorkUnitOptions();
  const data = useMemo(() => {
    const opts = (q.data ?? [])
      .filter((o) => includeInactive || o.active || o.value === value)
      .map(({ value: v, label }) => ({ value: v, label }));
    if (value && currentLabel && !opts.some((o) => o.value === value))
      opts.unshift({ value, label: currentLabel });
    return opts;
  }, [q.data, includeInactive, value, currentLabel]);
  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      nothingFoundMessage={t('common.noData')}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v)}
      disabled={q.isLoading && !currentLabel}
      {...rest}
    />
  );
}
