import { useEffect, useState } from 'react';
import { Anchor, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { periodParams } from '../../../contract/monitoring';
import { validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FilterCard } from '../../components/filter-card';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { TablePagination } from '../../components/table-pagination';
import { useListParams } from '../../components/use-list-params';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { realizationPath, useQueue } from './monitoring-api';
import { formatTarget, formatValue, PeriodStateBadge, usePeriodLabel } from './monitoring-format';
import { CardList, RealizationCard, usePhone } from './realization-card';

const PAGE_SIZE = 20;

/** A period key box that reports a key only once it is valid (or empty), like the API checks it. */
function PeriodKeyFilter({ value, onChange }: { value: string; onChange: (key: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const apply = (raw: string) => {
    const v = raw.trim().toUpperCase();
    if (v === '') {
      setError(null);
      onChange('');
      return;
    }
    const r = validateWith(periodParams, { periodKey: v });
    if (!r.ok) {
      setError(r.errors.periodKey ?? null);
      return;
    }
    setError(null);
    onChange(r.data.periodKey);
  };
  return (
    <TextInput
      type="search"
      label={t('monev.queue.periodKey')}
      description={t('monev.close.keyHint')}
      placeholder="2026-Q1"
      value={text}
      error={error}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setError(null);
        if (e.currentTarget.value.trim() === '') apply('');
      }}
      onBlur={() => apply(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply(text);
        }
      }}
      data-testid="queue-period"
    />
  );
}

/** Submitted realizations of other units waiting for a verifier, oldest submission first. */
export function VerificationQueuePage() {
  const t = useT();
  const f = useFormat();
  const label = usePeriodLabel();
  const phone = usePhone();
  const [params, setParams] = useListParams({ workUnitId: '', periodKey: '' });
  const queue = useQueue({
    page: params.page,
    pageSize: PAGE_SIZE,
    workUnitId: params.workUnitId || undefined,
    periodKey: params.periodKey || undefined,
  });

  return (
    <Stack>
      <Anchor component={Link} to="/monev" size="sm">
        ← {t('monev.title')}
      </Anchor>
      <PageHeader title={t('monev.queue.title')} description={t('monev.queue.intro')} />
      <FilterCard cols={{ base: 1, sm: 2 }}>
        <WorkUnitSelect
          label={t('monev.unit')}
          placeholder={t('common.all')}
          includeInactive
          value={params.workUnitId || null}
          onChange={(v) => setParams({ workUnitId: v ?? '' })}
        />
        <PeriodKeyFilter value={params.periodKey} onChange={(periodKey) => setParams({ periodKey })} />
      </FilterCard>

      {phone ? (
        queue.isPending ? (
          <PageLoader />
        ) : queue.isError ? (
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <div>
            {queue.data.items.length === 0 ? (
              <Paper withBorder radius="md" p="sm">
                <Text>{t('common.noData')}</Text>
              </Paper>
            ) : (
              <CardList label={t('monev.queue.title')}>
                {queue.data.items.map((r) => (
                  <RealizationCard
                    key={r.id ?? `${r.contractId}|${r.indicatorKey}|${r.periodKey}`}
                    realization={r}
                    action={t('monev.action.check')}
                    testId="queue-card"
                    extra={
                      <Text size="xs" c="dimmed">
                        {t('monev.history.submitted', {
                          name: r.submittedByName ?? t('common.none'),
                          date: f.dateTime(r.submittedAt),
                        })}{' '}
                        · {t('monev.queue.evidenceN', { n: r.evidence.length })}
                      </Text>
                    }
                  />
                ))}
              </CardList>
            )}
            <TablePagination
              page={params.page}
              pageSize={PAGE_SIZE}
              total={queue.data.total}
              onChange={(page) => setParams({ page })}
            />
          </div>
        )
      ) : (
        <PagedTable
          query={queue}
          label={t('monev.queue.title')}
          minWidth={900}
          striped
          highlightOnHover
          verticalSpacing="sm"
          data-testid="queue-table"
          head={
            <>
              <Table.Th scope="col">{t('monev.indicator')}</Table.Th>
              <Table.Th scope="col">{t('monev.period')}</Table.Th>
              <Table.Th scope="col">{t('monev.queue.submitted')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
              <Table.Th scope="col">{t('monev.valueVsTarget')}</Table.Th>
              <Table.Th scope="col">{t('monev.queue.evidence')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </>
          }
          columns={7}
          row={(r) => (
            <Table.Tr
              key={r.id ?? `${r.contractId}|${r.indicatorKey}|${r.periodKey}`}
              data-testid="queue-row"
            >
              <Table.Td style={{ minWidth: 240 }}>
                <Text fw={600} size="sm">
                  {r.indicatorName}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.contractTitle} · {r.workUnitName}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{label(r.periodKey)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {f.dateTime(r.submittedAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.submittedByName ?? t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td style={{ minWidth: 160 }}>
                <PeriodStateBadge realization={r} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatValue(f, r)}</Text>
                <Text size="xs" c="dimmed">
                  {t('monev.targetIs', { target: formatTarget(f, r) })}
                </Text>
              </Table.Td>
              <Table.Td>{f.number(r.evidence.length)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor
                  component={Link}
                  to={realizationPath(r)}
                  size="sm"
                  aria-label={`${t('monev.action.check')}: ${r.indicatorName}, ${label(r.periodKey)}, ${r.workUnitName}`}
                >
                  {t('monev.action.check')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          )}
          page={params.page}
          pageSize={PAGE_SIZE}
          onPageChange={(page) => setParams({ page })}
        />
      )}
    </Stack>
  );
}
