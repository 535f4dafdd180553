import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useT } from '../app/i18n';
import { activeFilterOptions } from './filter-options';

/** A list filter that may be cleared: empty, it reads "All" and reports ''. */
export function FilterSelect({
  value,
  onChange,
  ...rest
}: Omit<SelectProps, 'value' | 'onChange'> & {
  /** '' when nothing is chosen (the URL then keeps no parameter). */
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <Select
      clearable
      placeholder={t('common.all')}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      {...rest}
    />
  );
}

/** The active / inactive / all filter of a list (`active` query of the contract); never empty. */
export function ActiveFilterSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <Select
      label={label}
      allowDeselect={false}
      data={activeFilterOptions(t)}
      value={value}
      onChange={(v) => {
        if (v) onChange(v);
      }}
    />
  );
}

/** The sort order of a list, one of `data`; never empty. */
export function SortSelect({
  data,
  value,
  onChange,
}: {
  data: ComboboxItem[];
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <Select
      label={t('common.sort')}
      allowDeselect={false}
      data={data}
      value={value}
      onChange={(v) => {
        if (v) onChange(v);
      }}
    />
  );
}
