import { Fragment, useState } from 'react';
import { Button, Code, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { AuditEntry } from '../../../contract/audit';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FilterCard } from '../../components/filter-card';
import { FilterSelect } from '../../components/filter-select';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { SearchInput } from '../../components/search-input';
import { useListParams } from '../../components/use-list-params';
import { exportUrl, useAuditEntries, useAuditFacets, type AuditFilter } from './audit-api';

const PAGE_SIZE = 20;

function Json({ label, value }: { label: string; value: unknown }) {
  const t = useT();
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm">{t('common.none')}</Text>
      ) : (
        <Code
          block
          style={{ maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          tabIndex={0}
        >
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </div>
  );
}

function shortId(id: string | null): string {
  if (!id) return '';
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function AuditPage() {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useListParams({ action: '', entityType: '', entityId: '', from: '', to: '' });
  const filter: AuditFilter = {
    action: params.action || undefined,
    entityType: params.entityType || undefined,
    entityId: params.entityId || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  };
  const list = useAuditEntries({ ...filter, page: params.page, pageSize: PAGE_SIZE });
  const facets = useAuditFacets();
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const toggle = (seq: number) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  const hasFilter = Object.values(filter).some(Boolean);

  const row = (e: AuditEntry) => {
    const open = expanded.has(e.seq);
    const detailId = `audit-detail-${e.seq}`;
    return (
      <Fragment key={e.seq}>
        <Table.Tr>
          <Table.Td>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => toggle(e.seq)}
              aria-expanded={open}
              aria-controls={open ? detailId : undefined}
              aria-label={`${open ? t('common.hideDetails') : t('common.details')} #${e.seq}`}
            >
              {open ? '▾' : '▸'}
            </Button>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(e.at)}</Table.Td>
          <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
          <Table.Td ff="monospace">{e.action}</Table.Td>
          <Table.Td>
            {e.entityType}
            {e.entityId ? (
              <Text component="span" ff="monospace" size="xs" title={e.entityId}>
                {' '}
                {shortId(e.entityId)}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>{e.summary}</Table.Td>
        </Table.Tr>
        {open ? (
          <Table.Tr id={detailId}>
            <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Json label={t('audit.before')} value={e.before} />
                <Json label={t('audit.after')} value={e.after} />
              </SimpleGrid>
              <Text size="xs" mt="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {t('audit.entityId')}: {e.entityId ?? t('common.none')} · {t('audit.hash')}: {e.hash}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
      </Fragment>
    );
  };

  return (
    <Stack>
      <PageHeader
        title={t('audit.title')}
        actions={
          <Button
            component="a"
            href={exportUrl(filter)}
            download
            variant="default"
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        }
      />
      <FilterCard
        cols={{ base: 1, sm: 2, lg: 5 }}
        footer={
          hasFilter ? (
            <Group mt="sm">
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setParams({ action: '', entityType: '', entityId: '', from: '', to: '' })}
              >
                {t('audit.reset')}
              </Button>
            </Group>
          ) : null
        }
      >
        <FilterSelect
          label={t('audit.action')}
          searchable
          data={facets.data?.actions ?? []}
          value={params.action}
          onChange={(action) => setParams({ action })}
        />
        <FilterSelect
          label={t('audit.entityType')}
          searchable
          data={facets.data?.entityTypes ?? []}
          value={params.entityType}
          onChange={(entityType) => setParams({ entityType })}
        />
        <DatePickerInput
          label={t('audit.from')}
          clearable
          valueFormat="DD MMM YYYY"
          maxDate={params.to || undefined}
          value={params.from || null}
          onChange={(v) => setParams({ from: v ?? '' })}
        />
        <DatePickerInput
          label={t('audit.to')}
          clearable
          valueFormat="DD MMM YYYY"
          minDate={params.from || undefined}
          value={params.to || null}
          onChange={(v) => setParams({ to: v ?? '' })}
        />
        <SearchInput
          label={t('audit.entityId')}
          value={params.entityId}
          onSearch={(q) => setParams({ entityId: q })}
        />
      </FilterCard>

      <PagedTable
        query={list}
        label={t('audit.title')}
        minWidth={820}
        verticalSpacing="xs"
        data-testid="audit-table"
        head={
          <>
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('audit.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.summary')}</Table.Th>
          </>
        }
        columns={6}
        row={row}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
      />
    </Stack>
  );
}
