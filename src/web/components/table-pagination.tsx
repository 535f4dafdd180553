import { Group, Pagination, Text } from '@mantine/core';
import { useFormat } from '../app/session';
import { useT } from '../app/i18n';

/** Mantine Pagination with the total count and labelled controls. */
export function TablePagination({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const controlLabels = {
    first: t('common.firstPage'),
    previous: t('common.prevPage'),
    next: t('common.nextPage'),
    last: t('common.lastPage'),
  };
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm">{t('common.total', { n: f.number(total) })}</Text>
      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            withEdges
            siblings={1}
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            getItemProps={(p) => ({ 'aria-label': t('common.pageN', { n: p }) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
